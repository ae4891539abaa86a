import { readFileSync } from 'fs';
import { join } from 'path';
import {
  Stack, aws_cognito as cognito, aws_ec2 as ec2, aws_elasticloadbalancingv2 as elbv2, aws_servicediscovery as servicediscovery,
  aws_stepfunctions as sfn,
} from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import {
  Authorization, DynamoDbAction, HttpGateway, Integration, RequestValue, RestGateway, WebSocketGateway,
} from '../../src';
import { HTTP_AUTHORIZATIONS, HTTP_INTEGRATIONS } from '../../src/http/http-capabilities';
import { REST_AUTHORIZATIONS, REST_INTEGRATIONS } from '../../src/rest/rest-capabilities';
import { binds, Refusal } from '../../src/shared/binder-table';
import { AUTHORIZATION_KINDS, AuthorizationKind } from '../../src/vocabulary/authorization-spec';
import { INTEGRATION_KINDS, IntegrationKind } from '../../src/vocabulary/integration-spec';
import { WEBSOCKET_AUTHORIZATIONS, WEBSOCKET_INTEGRATIONS } from '../../src/websocket/websocket-capabilities';
import { testStack } from '../support/app';
import { handler } from '../support/fixtures';
import { bus, queue, simpleTable, stateMachine, stream } from '../support/service-fixtures';

/**
 * Which integration and authorization kinds each gateway binds, generated from the three
 * gateways' tables: every kind is built on every gateway, and binds or fails with the table's
 * `[UnsupportedCombination]` fix. README's matrix is this one.
 */
type Gateway = 'RestGateway' | 'HttpGateway' | 'WebSocketGateway';
const GATEWAYS: Gateway[] = ['RestGateway', 'HttpGateway', 'WebSocketGateway'];
const INTEGRATION_TABLES: Record<Gateway, Record<IntegrationKind, unknown>> = {
  RestGateway: REST_INTEGRATIONS, HttpGateway: HTTP_INTEGRATIONS, WebSocketGateway: WEBSOCKET_INTEGRATIONS,
};
const AUTHORIZATION_TABLES: Record<Gateway, Record<AuthorizationKind, unknown>> = {
  RestGateway: REST_AUTHORIZATIONS, HttpGateway: HTTP_AUTHORIZATIONS, WebSocketGateway: WEBSOCKET_AUTHORIZATIONS,
};

function vpcIn(stack: Stack): ec2.Vpc {
  return (stack.node.tryFindChild('Vpc') as ec2.Vpc | undefined) ?? new ec2.Vpc(stack, 'Vpc', {
    maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
  });
}

/** One integration of each kind, made so that a gateway that can bind it does. */
const INTEGRATIONS: Record<IntegrationKind, (stack: Stack) => Integration> = {
  lambda: stack => Integration.lambda(handler(stack, 'Fn')),
  http: () => Integration.http('https://backend.example.com/orders'),
  mock: () => Integration.mock(),
  sqs: stack => Integration.sqs(queue(stack)),
  kinesis: stack => Integration.kinesis(stream(stack)),
  dynamoDb: stack => Integration.dynamoDb(simpleTable(stack), DynamoDbAction.PUT_ITEM, { key: { pk: RequestValue.jsonPath('$.id') } }),
  stepFunctions: stack => Integration.stepFunctions(stateMachine(stack, 'Machine', sfn.StateMachineType.STANDARD)),
  eventBridge: stack => Integration.eventBridge(bus(stack), { source: 'shop.orders', detailType: 'OrderPlaced' }),
  privateNlb: stack => {
    const nlb = new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc: vpcIn(stack) });
    nlb.addListener('Tcp80', { port: 80, defaultTargetGroups: [new elbv2.NetworkTargetGroup(stack, 'Targets', { vpc: nlb.vpc!, port: 80 })] });
    return Integration.privateNlb(nlb);
  },
  privateAlb: stack => {
    const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc: vpcIn(stack) });
    return Integration.privateAlb(alb.addListener('Http', { port: 80, open: false, defaultAction: elbv2.ListenerAction.fixedResponse(200) }));
  },
  cloudMap: stack => {
    const vpc = vpcIn(stack);
    return Integration.cloudMap(new servicediscovery.PrivateDnsNamespace(stack, 'Ns', { name: 'shop.internal', vpc }).createService('Inventory'), { vpc });
  },
};

/** One authorization of each kind, made so that a gateway that can bind it does. */
const AUTHORIZATIONS: Record<AuthorizationKind, (stack: Stack) => Authorization> = {
  none: () => Authorization.none(),
  iam: () => Authorization.iam(),
  cognito: stack => {
    const pool = new cognito.UserPool(stack, 'Pool');
    pool.addClient('App');
    return Authorization.cognito(pool);
  },
  lambdaToken: stack => Authorization.lambdaToken(handler(stack, 'Authorizer')),
  lambdaRequest: stack => Authorization.lambdaRequest(handler(stack, 'Authorizer'), { identitySources: [RequestValue.header('Authorization')] }),
  jwt: () => Authorization.jwt({ issuer: 'https://issuer.example.com', audiences: ['orders'] }),
};

function routeWith(gateway: Gateway, integration: (stack: Stack) => Integration, authorization?: (stack: Stack) => Authorization): Stack {
  const stack = testStack();
  if (gateway === 'RestGateway') {
    new RestGateway(stack, 'Api').addRoute('POST /orders', integration(stack), { authorization: authorization?.(stack) });
  } else if (gateway === 'HttpGateway') {
    new HttpGateway(stack, 'Api').addRoute('POST /orders', integration(stack), { authorization: authorization?.(stack) });
  } else if (authorization) {
    new WebSocketGateway(stack, 'Api', { connect: integration(stack), authorization: authorization(stack) });
  } else {
    new WebSocketGateway(stack, 'Api', { authorization: Authorization.none() }).addRoute('send', integration(stack));
  }
  return stack;
}

function escape(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

describe('capability matrix', () => {
  describe.each(GATEWAYS)('%s', gateway => {
    test.each(INTEGRATION_KINDS.map(kind => [kind]))('Integration.%s binds or is refused as its table says', kind => {
      const entry = INTEGRATION_TABLES[gateway][kind];
      const build = (): Stack => routeWith(gateway, INTEGRATIONS[kind]);
      if (binds(entry)) {
        expect(() => Template.fromStack(build())).not.toThrow();
      } else {
        expect(build).toThrow(escape('[UnsupportedCombination] '));
        expect(build).toThrow(escape(`cannot use Integration.${kind} on a`));
        expect(build).toThrow(escape((entry as Refusal).fix));
      }
    });

    test.each(AUTHORIZATION_KINDS.map(kind => [kind]))('Authorization.%s binds or is refused as its table says', kind => {
      const entry = AUTHORIZATION_TABLES[gateway][kind];
      const build = (): Stack => routeWith(gateway, gateway === 'HttpGateway' ? INTEGRATIONS.lambda : INTEGRATIONS.mock, AUTHORIZATIONS[kind]);
      if (binds(entry)) {
        expect(() => Template.fromStack(build())).not.toThrow();
      } else {
        expect(build).toThrow(escape(`cannot use Authorization.${kind} on a`));
        expect(build).toThrow(escape((entry as Refusal).fix));
      }
    });
  });

  test("README's matrix is the tables'", () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const block = readme.split('<!-- capability-matrix:start -->')[1]?.split('<!-- capability-matrix:end -->')[0]?.trim();
    expect(block).toEqual(matrixMarkdown());
  });
});

/** The matrix as README shows it: ✓ binds, — refused (a synth-time error naming what to use). */
function matrixMarkdown(): string {
  const row = (name: string, tables: Record<Gateway, Record<string, unknown>>, kind: string): string =>
    `| \`${name}.${kind}\` | ${GATEWAYS.map(g => binds(tables[g][kind]) ? '✓' : '—').join(' | ')} |`;
  return [
    `| kind | ${GATEWAYS.map(g => `\`${g}\``).join(' | ')} |`,
    `|---|${GATEWAYS.map(() => '---').join('|')}|`,
    ...INTEGRATION_KINDS.map(kind => row('Integration', INTEGRATION_TABLES, kind)),
    ...AUTHORIZATION_KINDS.map(kind => row('Authorization', AUTHORIZATION_TABLES, kind)),
  ].join('\n');
}
