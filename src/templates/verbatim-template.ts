import { Token } from 'aws-cdk-lib';
import { vtlVerbatim } from '../core/unicode';

/** The response template that sends `text` exactly as written (tokens as they are). */
export function verbatimTemplate(text: string): string {
  return Token.isUnresolved(text) ? text : vtlVerbatim(text);
}
