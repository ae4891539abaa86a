import * as vm from 'vm';

/** What a custom resource handler sent back to CloudFormation. */
export type HandlerResponse = Record<string, any>;

/**
 * Runs an inline custom resource handler (its source as the Lambda function gets it) with
 * fake modules in place of the AWS SDK, and a fake HTTPS channel that records the response
 * it sends to CloudFormation.
 */
export async function runInlineHandler(
  source: string, modules: Record<string, unknown>, event: Record<string, unknown>,
): Promise<HandlerResponse> {
  const responses: HandlerResponse[] = [];
  const https = {
    request: (_url: string, _opts: unknown, onResponse: (res: { resume(): void; on(e: string, f: () => void): void }) => void) => ({
      on: () => undefined,
      end: (body: string) => { responses.push(JSON.parse(body)); onResponse({ resume: () => undefined, on: (_e, f) => f() }); },
    }),
  };
  const all: Record<string, unknown> = { https, ...modules };
  const sandbox = {
    require: (name: string) => all[name],
    exports: {} as { handler?: (e: unknown) => Promise<void> },
    console: { error: () => undefined },
    setTimeout: (f: () => void) => f(),
    Buffer,
    String,
    JSON,
    Promise,
    Error,
  };
  vm.runInNewContext(source, sandbox);
  await sandbox.exports.handler!({
    ResponseURL: 'https://cloudformation.invalid/response',
    StackId: 'arn:aws:cloudformation:eu-west-1:111111111111:stack/Test/1',
    RequestId: 'r',
    LogicalResourceId: 'Resource',
    ...event,
  });
  expect(responses).toHaveLength(1);
  return responses[0];
}

/** An AWS SDK error as the SDK v3 throws it. */
export function sdkError(name: string, message = name): Error {
  return Object.assign(new Error(message), { name });
}
