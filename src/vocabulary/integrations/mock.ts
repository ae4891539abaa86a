import { Token, aws_apigateway as apigw } from 'aws-cdk-lib';
import { IntegrationTarget } from '../integration-target';
import { webSocketMock } from '../../websocket/integrations/mock';
import { Problem, throwIfProblems } from '../../core/errors';
import { HEADER_NAME } from '../../core/http-names';
import { loneSurrogateProblems, vtlVerbatim } from '../../core/unicode';
import { RestIntegrationBinding, RestRouteContext } from '../../rest/rest-binding';
import { responseHeaderParameters } from '../../rest/rest-cors';
import { WebSocketIntegrationBinding, WebSocketRouteContext } from '../../websocket/websocket-binding';

/** Options for `Integration.mock`. */
export interface MockIntegrationOptions {
  /**
   * The status code of the response (100–599).
   * @default 200
   */
  readonly statusCode?: number;

  /**
   * The response body, sent exactly as written (`$` and `#` included: the library quotes
   * them from Velocity).
   * @default - an empty body
   */
  readonly body?: string;

  /**
   * Response headers with fixed values (printable ASCII, spaces and tabs; no `'`).
   * @default - none
   */
  readonly headers?: { [name: string]: string };
}

/** What RFC 9110 allows in a field value, without obsolete text: visible ASCII, space and tab. */
const HEADER_VALUE = /^[\t\x20-\x7E]*$/;

/** The response template that sends `body` exactly as written (tokens as they are). */
export function mockBodyTemplate(body: string): string {
  return Token.isUnresolved(body) ? body : vtlVerbatim(body);
}

/** A response made by API Gateway without calling a backend (health checks, stubs). */
export class MockTarget implements IntegrationTarget {
  public readonly factory = 'Integration.mock';

  constructor(private readonly options: MockIntegrationOptions) {}

  public bindWebSocket(ctx: WebSocketRouteContext): WebSocketIntegrationBinding {
    return webSocketMock(ctx, this.options, this.problems(ctx.prop, this.options.statusCode ?? 200));
  }

  public bindRest(ctx: RestRouteContext): RestIntegrationBinding {
    const statusCode = this.options.statusCode ?? 200;
    throwIfProblems(ctx.scope, this.problems(ctx.prop, statusCode));
    const { responseParameters, declared } = responseHeaderParameters(ctx.cors, { ...ctx.cors.headers, ...this.options.headers });
    const status = String(statusCode);
    return {
      integration: new apigw.MockIntegration({
        // A JSON request template is what makes MOCK answer with this status code; other
        // content types are refused (415) instead of reaching a mock that cannot parse them.
        passthroughBehavior: apigw.PassthroughBehavior.NEVER,
        requestTemplates: { 'application/json': `{"statusCode": ${status}}` },
        integrationResponses: [{
          statusCode: status,
          // The CORS prelude decides the origin header; the body is quoted so it prints as written.
          responseTemplates: { 'application/json': ctx.cors.templatePrelude + mockBodyTemplate(this.options.body ?? '') },
          responseParameters,
        }],
      }),
      methodResponses: [{ statusCode: status, responseParameters: declared }],
    };
  }

  private problems(prop: string, statusCode: number): Problem[] {
    const problems: Problem[] = [];
    if (!Token.isUnresolved(statusCode) && !(Number.isInteger(statusCode) && statusCode >= 100 && statusCode <= 599)) {
      problems.push({
        code: 'InvalidMockResponse',
        prop: `${prop} Integration.mock statusCode`,
        rule: 'must be a whole number from 100 to 599',
        value: statusCode,
        fix: 'use an HTTP status code such as 200',
      });
    }
    const body = this.options.body;
    if (body !== undefined) problems.push(...loneSurrogateProblems('InvalidMockResponse', `${prop} Integration.mock body`, body));
    for (const [name, value] of Object.entries(this.options.headers ?? {})) {
      if (!HEADER_NAME.test(name)) {
        problems.push({
          code: 'InvalidMockResponse',
          prop: `${prop} Integration.mock headers`,
          rule: 'must use valid HTTP header names',
          value: name,
          fix: "use a name such as 'Cache-Control'",
        });
      }
      if (!Token.isUnresolved(value) && !HEADER_VALUE.test(value)) {
        problems.push({
          code: 'InvalidMockResponse',
          prop: `${prop} Integration.mock headers['${name}']`,
          rule: 'must be printable ASCII (spaces and tabs allowed)',
          value,
          fix: 'remove line breaks and control characters; percent-encode other characters (RFC 8187) or send them in the body',
        });
      }
      if (!Token.isUnresolved(value) && value.includes("'")) {
        problems.push({
          code: 'InvalidMockResponse',
          prop: `${prop} Integration.mock headers['${name}']`,
          rule: "must not contain ' (API Gateway quotes static header values with it)",
          value,
          fix: 'remove the single quote from the header value',
        });
      }
    }
    return problems;
  }
}

