import { Token } from 'aws-cdk-lib';
import { vtlNameLiteral } from './vtl-text';

/**
 * The start of a response template that sends `Access-Control-Allow-Origin` only to a caller
 * whose `Origin` header is one of `origins`, written exactly as listed (browsers send origins
 * in lowercase, without a path): a suffix, a prefix, another case or several origins in one
 * header match none. It reads the header itself (as `Origin`, then as HTTP/2's `origin` in
 * case the header map minds case), never `$input.params('Origin')`, which would take a path
 * parameter or query string of that name first. It prints nothing, and sets the header once
 * (a second override of one header fails the response). It ends in `#{end}`, so a body that
 * follows and starts with letters is not read as part of the directive.
 */
export function allowedOriginOverride(origins: string[]): string {
  // Origins are checked at synth (scheme://host[:port]); a token resolves to a deploy-time value.
  const literal = (origin: string) => (Token.isUnresolved(origin) ? `'${origin}'` : vtlNameLiteral(origin));
  const listed = origins.map(origin => `$gO==${literal(origin)}`).join('||');
  const header = (name: string) => `"$!{input.params().header.get('${name}')}"`;
  return `#set($gO=${header('Origin')})#if($gO.isEmpty())#set($gO=${header('origin')})#end`
    + `#if(${listed})#set($context.responseOverride.header.Access-Control-Allow-Origin=$gO)#{end}`;
}
