import { App, Stack, Validations, aws_apigateway as apigw, aws_route53 as route53 } from 'aws-cdk-lib';
import {
  Authorization, ClientCertificate, HttpGateway, Integration, RequestValue, RestGateway, StepFunctionsAction,
  UnauthorizedInvalidation, Waf, WebSocketGateway,
} from '../../src';
import { testStack } from '../support/app';
import { loggedWebAcl, regulatedFunction, regulatedKey, regulatedQueue, regulatedStateMachine } from '../support/compliant-fixtures';

/**
 * Golden stacks for regulated accounts: each gateway with the options the NIST 800-53 R5,
 * HIPAA Security and PCI DSS 3.2.1 packs ask for (a KMS key for access logs, a TLS 1.3 or 1.2
 * domain policy, a backend client certificate, WAF, an encrypted cache), checked by those packs
 * on top of AWS Solutions and Serverless, and by the library's route checks. The only
 * acknowledgements are on the user's own backends (in the fixtures) and the one route cached per
 * caller on purpose; whatever the gateways make passes or is acknowledged by the library.
 */
export const COMPLIANCE_GOLDEN_STACKS: Record<string, (app: App) => Stack> = {
  restCompliance(app) {
    const stack = testStack(app, 'RestCompliance');
    const key = regulatedKey(stack, 'Key');
    const orders = regulatedFunction(stack, 'Orders', key);
    const api = new RestGateway(stack, 'Api', {
      accessLogs: { encryptionKey: key },
      domain: { domainName: 'api.example.com', hostedZone: zone(stack), securityPolicy: apigw.SecurityPolicy.TLS13_1_3_2025_09 },
      clientCertificate: ClientCertificate.generate(),
      waf: Waf.fromWebAclArn(loggedWebAcl(stack, 'Firewall', key).attrArn),
      cache: { unauthorizedInvalidation: UnauthorizedInvalidation.FAIL_WITH_403 },
    });
    api.addRoute('GET /orders/{id}', Integration.lambda(orders));
    api.addRoute('POST /orders', Integration.sqs(regulatedQueue(stack, 'Intake', key)));
    api.addRoute('GET /reports', Integration.lambda(orders), {
      authorization: Authorization.lambdaToken(regulatedFunction(stack, 'Authorizer', key)),
      // Cached per caller: keyed on the token header; the function reads no query string or header.
      cache: { enabled: true, keyParameters: [] },
    });
    Validations.of(api).acknowledge({
      id: 'cdk-gatehouse:PerCallerCachedRoute[GET /reports]',
      reason: 'keyed on the caller\'s token; a report may be served up to 5 minutes after the caller\'s rights change',
    });
    api.addRoute('ANY /legacy/{proxy+}', Integration.http('https://legacy.example.com/{proxy}'));
    return stack;
  },

  httpCompliance(app) {
    const stack = testStack(app, 'HttpCompliance');
    const key = regulatedKey(stack, 'Key');
    const fulfil = regulatedStateMachine(stack, 'Fulfil', key);
    const api = new HttpGateway(stack, 'Api', {
      accessLogs: { encryptionKey: key },
      domain: { domainName: 'shop.example.com', hostedZone: zone(stack), securityPolicy: apigw.SecurityPolicy.TLS_1_2 },
    });
    api.addRoute('GET /orders/{id}', Integration.lambda(regulatedFunction(stack, 'Orders', key)));
    api.addRoute('POST /orders', Integration.sqs(regulatedQueue(stack, 'Intake', key)));
    api.addRoute('POST /fulfil', Integration.stepFunctions(fulfil));
    api.addRoute('DELETE /fulfil', Integration.stepFunctions(fulfil, { action: StepFunctionsAction.STOP_EXECUTION }));
    api.addRoute('GET /reports', Integration.http('https://reports.example.com/latest'), {
      authorization: Authorization.lambdaRequest(regulatedFunction(stack, 'Authorizer', key), { identitySources: [RequestValue.header('X-Tenant')] }),
    });
    return stack;
  },

  webSocketCompliance(app) {
    const stack = testStack(app, 'WebSocketCompliance');
    const key = regulatedKey(stack, 'Key');
    const ws = new WebSocketGateway(stack, 'Chat', {
      accessLogs: { encryptionKey: key },
      clientCertificate: ClientCertificate.generate(),
      authorization: Authorization.lambdaRequest(regulatedFunction(stack, 'Authorizer', key), { identitySources: [RequestValue.queryString('token')] }),
      routes: { sendMessage: Integration.lambda(regulatedFunction(stack, 'OnMessage', key)) },
      defaultRoute: Integration.http('https://chat.example.com/messages'),
    });
    ws.addRoute('ingest', Integration.sqs(regulatedQueue(stack, 'Intake', key)));
    return stack;
  },
};

function zone(stack: Stack): route53.IHostedZone {
  return route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z0123456789ABC', zoneName: 'example.com' });
}
