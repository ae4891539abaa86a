import { HANDLER_SOURCE } from '../../src/shared/account-logs-role';
import { runInlineHandler, sdkError } from '../support/inline-handler';

/** A fake AWS account: the API Gateway setting, the roles in IAM and what the handler did. */
interface FakeAccount {
  cloudwatchRoleArn?: string;
  roles: Map<string, string[]>;
  updates: string[];
  created: string[];
  failUpdatesWith?: string[];
}

const OURS = 'arn:aws:iam::111111111111:role/gatehouse-apigateway-logs-eu-west-1';
const THEIRS = 'arn:aws:iam::111111111111:role/service-role/Theirs';
const POLICY = 'arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs';

function account(cloudwatchRoleArn: string | undefined, roleNames: string[]): FakeAccount {
  return { cloudwatchRoleArn, roles: new Map(roleNames.map(name => [name, [POLICY]])), updates: [], created: [] };
}

/** Runs the inline handler against a fake account. */
async function invoke(fake: FakeAccount, requestType: 'Create' | 'Update' | 'Delete') {
  const command = (kind: string) => class { kind = kind; constructor(public input: any) {} };
  return runInlineHandler(HANDLER_SOURCE, {
    '@aws-sdk/client-api-gateway': {
      APIGatewayClient: class {
        async send(cmd: { kind: string; input: any }) {
          if (cmd.kind === 'GetAccount') return { cloudwatchRoleArn: fake.cloudwatchRoleArn };
          const failure = fake.failUpdatesWith?.shift();
          if (failure) throw sdkError(failure);
          fake.cloudwatchRoleArn = cmd.input.patchOperations[0].value;
          fake.updates.push(fake.cloudwatchRoleArn!);
          return {};
        }
      },
      GetAccountCommand: command('GetAccount'),
      UpdateAccountCommand: command('UpdateAccount'),
    },
    '@aws-sdk/client-iam': {
      IAMClient: class {
        async send(cmd: { kind: string; input: any }) {
          const name: string = cmd.input.RoleName;
          if (cmd.kind === 'CreateRole') {
            if (fake.roles.has(name)) throw sdkError('EntityAlreadyExistsException');
            expect(JSON.parse(cmd.input.AssumeRolePolicyDocument).Statement).toEqual([
              { Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' }, Action: 'sts:AssumeRole' },
            ]);
            fake.roles.set(name, []);
            fake.created.push(name);
            return {};
          }
          if (!fake.roles.has(name)) throw sdkError('NoSuchEntityException');
          if (cmd.kind === 'AttachRolePolicy') fake.roles.get(name)!.push(cmd.input.PolicyArn);
          return {};
        }
      },
      GetRoleCommand: command('GetRole'),
      CreateRoleCommand: command('CreateRole'),
      AttachRolePolicyCommand: command('AttachRolePolicy'),
    },
  }, {
    RequestType: requestType,
    LogicalResourceId: 'Setting',
    ResourceProperties: { RoleName: 'gatehouse-apigateway-logs-eu-west-1', RoleArn: OURS, PolicyArn: POLICY },
  });
}

describe('account logs role handler', () => {
  test('creates the one role of the account and region and sets it in a fresh account', async () => {
    const fake = account(undefined, []);
    const response = await invoke(fake, 'Create');
    expect(response).toMatchObject({ Status: 'SUCCESS', Data: { RoleArn: OURS } });
    expect(fake.created).toEqual(['gatehouse-apigateway-logs-eu-west-1']);
    expect(fake.roles.get('gatehouse-apigateway-logs-eu-west-1')).toEqual([POLICY]);
    expect(fake.cloudwatchRoleArn).toBe(OURS);
  });

  test('a second stack in the same account creates no second role', async () => {
    const fake = account(undefined, []);
    await invoke(fake, 'Create');
    const second = await invoke(fake, 'Create');
    expect(second).toMatchObject({ Status: 'SUCCESS', Data: { RoleArn: OURS } });
    expect(fake.created).toEqual(['gatehouse-apigateway-logs-eu-west-1']);
    expect(fake.updates).toEqual([OURS]);
  });

  test('never overwrites a role another tool set that still exists, and creates none', async () => {
    const fake = account(THEIRS, ['Theirs']);
    const response = await invoke(fake, 'Create');
    expect(response).toMatchObject({ Status: 'SUCCESS', Data: { RoleArn: THEIRS } });
    expect(fake.updates).toEqual([]);
    expect(fake.created).toEqual([]);
  });

  test('replaces a setting whose role was deleted (logging would fail otherwise)', async () => {
    const fake = account(THEIRS, []);
    await invoke(fake, 'Update');
    expect(fake.cloudwatchRoleArn).toBe(OURS);
  });

  test('reuses the role when it exists but is no longer set', async () => {
    const fake = account(undefined, ['gatehouse-apigateway-logs-eu-west-1']);
    await invoke(fake, 'Create');
    expect(fake.created).toEqual([]);
    expect(fake.cloudwatchRoleArn).toBe(OURS);
  });

  test('retries while a new role is not yet assumable', async () => {
    const fake = { ...account(undefined, []), failUpdatesWith: ['BadRequestException', 'BadRequestException'] };
    const response = await invoke(fake, 'Create');
    expect(response.Status).toBe('SUCCESS');
    expect(fake.updates).toEqual([OURS]);
  });

  test('delete leaves the role and the account setting alone', async () => {
    const fake = account(OURS, ['gatehouse-apigateway-logs-eu-west-1']);
    const response = await invoke(fake, 'Delete');
    expect(response.Status).toBe('SUCCESS');
    expect(fake.cloudwatchRoleArn).toBe(OURS);
    expect(fake.roles.has('gatehouse-apigateway-logs-eu-west-1')).toBe(true);
    expect(fake.updates).toEqual([]);
  });

  test('reports failure to CloudFormation instead of hanging', async () => {
    const fake = { ...account(undefined, []), failUpdatesWith: ['AccessDeniedException'] };
    const response = await invoke(fake, 'Create');
    expect(response).toMatchObject({ Status: 'FAILED', Reason: 'AccessDeniedException' });
  });
});
