import { HANDLER_SOURCE } from '../../src/shared/account-logs-role';
import { runInlineHandler, sdkError } from '../support/inline-handler';

/** A fake AWS account: the API Gateway setting and the roles that exist in IAM. */
interface FakeAccount { cloudwatchRoleArn?: string; roles: Set<string>; updates: string[]; failUpdatesWith?: string[] }

/** Runs the inline handler against a fake account. */
async function invoke(account: FakeAccount, requestType: 'Create' | 'Update' | 'Delete', roleArn: string) {
  return runInlineHandler(HANDLER_SOURCE, {
    '@aws-sdk/client-api-gateway': {
      APIGatewayClient: class {
        async send(cmd: { kind: string; input: any }) {
          if (cmd.kind === 'GetAccount') return { cloudwatchRoleArn: account.cloudwatchRoleArn };
          const failure = account.failUpdatesWith?.shift();
          if (failure) throw sdkError(failure);
          account.cloudwatchRoleArn = cmd.input.patchOperations[0].value;
          account.updates.push(account.cloudwatchRoleArn!);
          return {};
        }
      },
      GetAccountCommand: class { kind = 'GetAccount'; constructor(public input: unknown) {} },
      UpdateAccountCommand: class { kind = 'UpdateAccount'; constructor(public input: unknown) {} },
    },
    '@aws-sdk/client-iam': {
      IAMClient: class {
        async send(cmd: { input: { RoleName: string } }) {
          if (!account.roles.has(cmd.input.RoleName)) throw sdkError('NoSuchEntityException');
          return {};
        }
      },
      GetRoleCommand: class { constructor(public input: unknown) {} },
    },
  }, { RequestType: requestType, LogicalResourceId: 'Setting', ResourceProperties: { RoleArn: roleArn } });
}

const OURS = 'arn:aws:iam::111111111111:role/Ours';
const THEIRS = 'arn:aws:iam::111111111111:role/Theirs';

describe('account logs role handler', () => {
  test('sets our role in a fresh account', async () => {
    const account: FakeAccount = { roles: new Set(['Ours']), updates: [] };
    const response = await invoke(account, 'Create', OURS);
    expect(response).toMatchObject({ Status: 'SUCCESS', Data: { RoleArn: OURS } });
    expect(account.cloudwatchRoleArn).toBe(OURS);
  });

  test('never overwrites a role another stack set that still exists', async () => {
    const account: FakeAccount = { cloudwatchRoleArn: THEIRS, roles: new Set(['Ours', 'Theirs']), updates: [] };
    const response = await invoke(account, 'Create', OURS);
    expect(response).toMatchObject({ Status: 'SUCCESS', Data: { RoleArn: THEIRS } });
    expect(account.updates).toEqual([]);
  });

  test('replaces a setting whose role was deleted (logging would fail otherwise)', async () => {
    const account: FakeAccount = { cloudwatchRoleArn: THEIRS, roles: new Set(['Ours']), updates: [] };
    await invoke(account, 'Update', OURS);
    expect(account.cloudwatchRoleArn).toBe(OURS);
  });

  test('retries while a new role is not yet assumable', async () => {
    const account: FakeAccount = { roles: new Set(['Ours']), updates: [], failUpdatesWith: ['BadRequestException', 'BadRequestException'] };
    const response = await invoke(account, 'Create', OURS);
    expect(response.Status).toBe('SUCCESS');
    expect(account.updates).toEqual([OURS]);
  });

  test('delete leaves the account setting alone', async () => {
    const account: FakeAccount = { cloudwatchRoleArn: OURS, roles: new Set(['Ours']), updates: [] };
    const response = await invoke(account, 'Delete', OURS);
    expect(response.Status).toBe('SUCCESS');
    expect(account.cloudwatchRoleArn).toBe(OURS);
    expect(account.updates).toEqual([]);
  });

  test('reports failure to CloudFormation instead of hanging', async () => {
    const account: FakeAccount = { roles: new Set(['Ours']), updates: [], failUpdatesWith: ['AccessDeniedException'] };
    const response = await invoke(account, 'Create', OURS);
    expect(response).toMatchObject({ Status: 'FAILED', Reason: 'AccessDeniedException' });
  });
});
