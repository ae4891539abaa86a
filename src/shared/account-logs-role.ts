import { Aws, CustomResource, Duration, Stack, Validations, aws_iam as iam } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { RESPOND_SOURCE } from './custom-resource-response';
import { inlineHandlerFunction } from './inline-handler-function';
import { acknowledgeDeployHelper } from './nag-acknowledgements';

const SINGLETON_ID = 'GatehouseAccountLogsRole';

/** The account's API Gateway logs role, when the library creates it: one per account and region. */
export const ACCOUNT_LOGS_ROLE_NAME_PREFIX = 'gatehouse-apigateway-logs-';
const PUSH_TO_LOGS_POLICY = 'service-role/AmazonAPIGatewayPushToCloudWatchLogs';

/**
 * Makes sure API Gateway's account-level CloudWatch Logs role is set in this account and
 * region, which REST and WebSocket execution logging need.
 *
 * - One role per account and region, not per stack: when none is set (or the one set was
 *   deleted), the deploy-time handler creates `gatehouse-apigateway-logs-{region}` if it does
 *   not exist yet and sets it. No stack owns that role, so deleting stacks leaves no orphan
 *   per stack and never breaks the logging of other APIs; README says how to remove it.
 * - Never overwrites: a role already set (by another stack, another tool or a platform team)
 *   that still exists is left alone, and no role is created then.
 *
 * One per stack, shared by every gateway in it.
 */
export class AccountLogsRole extends Construct {
  /** Returns the stack's instance, creating it on first use. */
  public static of(scope: Construct): AccountLogsRole {
    const stack = Stack.of(scope);
    return (stack.node.tryFindChild(SINGLETON_ID) as AccountLogsRole) ?? new AccountLogsRole(stack, SINGLETON_ID);
  }

  /** The custom resource that applies the setting; stages depend on it. */
  public readonly resource: CustomResource;

  private constructor(scope: Construct, id: string) {
    super(scope, id);

    const roleName = `${ACCOUNT_LOGS_ROLE_NAME_PREFIX}${Aws.REGION}`;
    const roleArn = `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:role/${roleName}`;
    const policyArn = `arn:${Aws.PARTITION}:iam::aws:policy/${PUSH_TO_LOGS_POLICY}`;

    const handler = inlineHandlerFunction(this, 'Handler', {
      source: HANDLER_SOURCE,
      timeout: Duration.minutes(2),
      memorySize: 256,
      description: 'Sets the API Gateway CloudWatch Logs role for the account when none is set',
    });
    const accountArn = `arn:${Aws.PARTITION}:apigateway:${Aws.REGION}::/account`;
    handler.addToRolePolicy(new iam.PolicyStatement({ actions: ['apigateway:GET', 'apigateway:PATCH'], resources: [accountArn] }));
    // Creating the one role, with the one AWS managed policy made for it, and handing it to API Gateway only.
    handler.addToRolePolicy(new iam.PolicyStatement({ actions: ['iam:CreateRole'], resources: [roleArn] }));
    handler.addToRolePolicy(new iam.PolicyStatement({
      actions: ['iam:AttachRolePolicy'],
      resources: [roleArn],
      conditions: { ArnEquals: { 'iam:PolicyARN': policyArn } },
    }));
    handler.addToRolePolicy(new iam.PolicyStatement({
      actions: ['iam:PassRole'],
      resources: [roleArn],
      conditions: { StringEquals: { 'iam:PassedToService': 'apigateway.amazonaws.com' } },
    }));
    // Checking that an already-set role still exists needs to read any role in the account.
    handler.addToRolePolicy(new iam.PolicyStatement({
      actions: ['iam:GetRole'],
      resources: [`arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:role/*`],
    }));

    this.resource = new CustomResource(this, 'Setting', {
      serviceToken: handler.functionArn,
      resourceType: 'Custom::ApiGatewayAccountLogsRole',
      properties: { RoleName: roleName, RoleArn: roleArn, PolicyArn: policyArn },
    });

    Validations.of(this).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:iam::<AWS::AccountId>:role/*]',
      reason: 'iam:GetRole must read whichever role the account already uses; its name is only known at deploy time',
    });
    acknowledgeDeployHelper(this, 'the deploy-time helper that sets API Gateway\'s account-level CloudWatch Logs role');
  }
}

/** The custom resource handler (see `inlineHandlerFunction`). */
export const HANDLER_SOURCE = `
const { APIGatewayClient, GetAccountCommand, UpdateAccountCommand } = require('@aws-sdk/client-api-gateway');
const { IAMClient, GetRoleCommand, CreateRoleCommand, AttachRolePolicyCommand } = require('@aws-sdk/client-iam');
const https = require('https');

const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

async function roleExists(iam, arn) {
  try {
    await iam.send(new GetRoleCommand({ RoleName: arn.split('/').pop() }));
    return true;
  } catch (e) {
    if (e.name === 'NoSuchEntityException' || e.name === 'NoSuchEntity') return false;
    throw e;
  }
}

// Creates the account's one role unless it exists; attaching the same policy twice is a no-op.
async function createRole(iam, props) {
  try {
    await iam.send(new CreateRoleCommand({
      RoleName: props.RoleName,
      AssumeRolePolicyDocument: TRUST,
      Description: 'API Gateway account-level role for pushing execution logs to CloudWatch Logs (shared by every API in this region)',
    }));
  } catch (e) {
    if (e.name !== 'EntityAlreadyExistsException' && e.name !== 'EntityAlreadyExists') throw e;
  }
  await iam.send(new AttachRolePolicyCommand({ RoleName: props.RoleName, PolicyArn: props.PolicyArn }));
}

async function ensureRole(props) {
  const apigw = new APIGatewayClient({});
  const iam = new IAMClient({});
  const current = (await apigw.send(new GetAccountCommand({}))).cloudwatchRoleArn;
  if (current && await roleExists(iam, current)) return current;
  await createRole(iam, props);
  // A freshly created role can take a few seconds to be assumable by API Gateway.
  for (let attempt = 1; ; attempt++) {
    try {
      await apigw.send(new UpdateAccountCommand({ patchOperations: [{ op: 'replace', path: '/cloudwatchRoleArn', value: props.RoleArn }] }));
      return props.RoleArn;
    } catch (e) {
      if (attempt >= 10 || e.name !== 'BadRequestException') throw e;
      await new Promise(r => setTimeout(r, 5000));
    }
  }
}

${RESPOND_SOURCE}
exports.handler = async (event) => {
  try {
    // Delete leaves the role and the account setting alone: other APIs may log through them.
    const data = event.RequestType === 'Delete' ? {} : { RoleArn: await ensureRole(event.ResourceProperties) };
    await respond(event, 'SUCCESS', 'OK', 'ApiGatewayAccountLogsRole', data);
  } catch (e) {
    console.error(e);
    await respond(event, 'FAILED', e && e.message || e, 'ApiGatewayAccountLogsRole');
  }
};
`;
