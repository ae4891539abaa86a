import { Aws, CustomResource, Duration, RemovalPolicy, Stack, Validations, aws_iam as iam } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { RESPOND_SOURCE } from './custom-resource-response';
import { inlineHandlerFunction } from './inline-handler-function';
import { acknowledgeDeployHelper } from './nag-acknowledgements';

const SINGLETON_ID = 'GatehouseAccountLogsRole';

/**
 * Makes sure API Gateway's account-level CloudWatch Logs role is set in this account and
 * region, which REST and WebSocket execution logging need.
 *
 * - Works in a fresh account: a role is created and set when none is.
 * - Never overwrites: a role already set (by another stack or a platform team) that still
 *   exists is left alone.
 * - Never breaks other APIs: on stack deletion the setting is left, and the role is
 *   retained, because other APIs in the account may log through it by then.
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

    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com'),
      description: 'API Gateway account-level role for pushing execution logs to CloudWatch Logs',
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AmazonAPIGatewayPushToCloudWatchLogs')],
    });
    role.applyRemovalPolicy(RemovalPolicy.RETAIN);

    const handler = inlineHandlerFunction(this, 'Handler', {
      source: HANDLER_SOURCE,
      timeout: Duration.minutes(2),
      memorySize: 256,
      description: 'Sets the API Gateway CloudWatch Logs role for the account when none is set',
    });
    const accountArn = `arn:${Aws.PARTITION}:apigateway:${Aws.REGION}::/account`;
    handler.addToRolePolicy(new iam.PolicyStatement({ actions: ['apigateway:GET', 'apigateway:PATCH'], resources: [accountArn] }));
    handler.addToRolePolicy(new iam.PolicyStatement({ actions: ['iam:PassRole'], resources: [role.roleArn] }));
    // Checking that an already-set role still exists needs to read any role in the account.
    handler.addToRolePolicy(new iam.PolicyStatement({
      actions: ['iam:GetRole'],
      resources: [`arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:role/*`],
    }));

    this.resource = new CustomResource(this, 'Setting', {
      serviceToken: handler.functionArn,
      resourceType: 'Custom::ApiGatewayAccountLogsRole',
      properties: { RoleArn: role.roleArn },
    });
    this.resource.node.addDependency(role);

    Validations.of(this).acknowledge(
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
        reason: 'the AWS managed policy made for exactly this role',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:iam::<AWS::AccountId>:role/*]',
        reason: 'iam:GetRole must read whichever role the account already uses; its name is only known at deploy time',
      },
    );
    acknowledgeDeployHelper(this, 'the deploy-time helper that sets API Gateway\'s account-level CloudWatch Logs role');
  }
}

/** The custom resource handler (see `inlineHandlerFunction`). */
export const HANDLER_SOURCE = `
const { APIGatewayClient, GetAccountCommand, UpdateAccountCommand } = require('@aws-sdk/client-api-gateway');
const { IAMClient, GetRoleCommand } = require('@aws-sdk/client-iam');
const https = require('https');

async function roleExists(arn) {
  try {
    await new IAMClient({}).send(new GetRoleCommand({ RoleName: arn.split('/').pop() }));
    return true;
  } catch (e) {
    if (e.name === 'NoSuchEntityException' || e.name === 'NoSuchEntity') return false;
    throw e;
  }
}

async function ensureRole(wanted) {
  const apigw = new APIGatewayClient({});
  const current = (await apigw.send(new GetAccountCommand({}))).cloudwatchRoleArn;
  if (current && (current === wanted || await roleExists(current))) return current;
  // A freshly created role can take a few seconds to be assumable by API Gateway.
  for (let attempt = 1; ; attempt++) {
    try {
      await apigw.send(new UpdateAccountCommand({ patchOperations: [{ op: 'replace', path: '/cloudwatchRoleArn', value: wanted }] }));
      return wanted;
    } catch (e) {
      if (attempt >= 10 || e.name !== 'BadRequestException') throw e;
      await new Promise(r => setTimeout(r, 5000));
    }
  }
}

${RESPOND_SOURCE}
exports.handler = async (event) => {
  try {
    // Delete leaves the account setting alone: other APIs may log through it by now.
    const data = event.RequestType === 'Delete' ? {} : { RoleArn: await ensureRole(event.ResourceProperties.RoleArn) };
    await respond(event, 'SUCCESS', 'OK', 'ApiGatewayAccountLogsRole', data);
  } catch (e) {
    console.error(e);
    await respond(event, 'FAILED', e && e.message || e, 'ApiGatewayAccountLogsRole');
  }
};
`;
