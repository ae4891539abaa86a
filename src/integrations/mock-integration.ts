import { Token, aws_apigateway as apigw } from 'aws-cdk-lib';
import { IntegrationTarget } from './integration-target';
import { webSocketMock } from './websocket-mock';
import { Problem, throwIfProblems } from '../private/errors';
import { HEADER_NAME } from '../private/http-names';
import { vtlDirectiveIn } from '../private/vtl-literal';
import { RestIntegrationBinding, RestRouteContext } from '../rest/rest-binding';
import { WebSocketIntegrationBinding, WebSocketRouteContext } from '../websocket/websocket-binding';

/** Options for `Integration.mock`. */
export interface MockIntegrationOptions {
  /**
   * The status code of the response (100–599).
   * @default 200
   */
  readonly statusCode?: number;

  /**
   * The response body, sent as written.
   * @default - an empty body
   */
  readonly body?: string;

  /**
   * Response headers with fixed values.
   * @default - none
   */
  readonly headers?: { [name: string]: string };
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
    const headers = { ...ctx.corsResponseHeaders, ...this.options.headers };
    const responseParameters: Record<string, string> = {};
    const declared: Record<string, boolean> = {};
    for (const [name, value] of Object.entries(headers)) {
      responseParameters[`method.response.header.${name}`] = `'${value}'`;
      declared[`method.response.header.${name}`] = true;
    }
    const status = String(statusCode);
    return {
      integration: new apigw.MockIntegration({
        // A JSON request template is what makes MOCK answer with this status code; other
        // content types are refused (415) instead of reaching a mock that cannot parse them.
        passthroughBehavior: apigw.PassthroughBehavior.NEVER,
        requestTemplates: { 'application/json': `{"statusCode": ${status}}` },
        integrationResponses: [{
          statusCode: status,
          responseTemplates: { 'application/json': this.options.body ?? '' },
          responseParameters: Object.keys(responseParameters).length > 0 ? responseParameters : undefined,
        }],
      }),
      methodResponses: [{
        statusCode: status,
        responseParameters: Object.keys(declared).length > 0 ? declared : undefined,
      }],
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
    const directive = body === undefined || Token.isUnresolved(body) ? undefined : vtlDirectiveIn(body);
    if (body !== undefined && directive) {
      problems.push({
        code: 'InvalidMockResponse',
        prop: `${prop} Integration.mock body`,
        rule: `is sent through a mapping template, so '${directive}' would be read as Velocity`,
        value: body,
        fix: "put a character other than a letter, '{', '!', '*', '#', '[' or '@' after each '$' and '#' (e.g. a space)",
      });
    }
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

