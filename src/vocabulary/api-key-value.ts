import { aws_secretsmanager as secretsmanager } from 'aws-cdk-lib';
import { brand, argumentChecker, args, madeBy, optional, required, str } from '../core/shape';
import { SECRET } from '../core/shapes/refs';

/**
 * Where an API key's value comes from. Never plain text in the template: API Gateway
 * generates it, or CloudFormation reads it from Secrets Manager at deploy time.
 */
export class ApiKeyValue {
  /** API Gateway generates the value; fetch it with `aws apigateway get-api-key --include-value`. */
  public static generate(): ApiKeyValue {
    return new ApiKeyValue(undefined);
  }

  /**
   * The value stored in a Secrets Manager secret (at least 20 characters), or in one field
   * of its JSON; the template holds only a dynamic reference.
   */
  public static fromSecret(secret: secretsmanager.ISecret, jsonField?: string): ApiKeyValue {
    checkValueArguments('ApiKeyValue.fromSecret', { secret, jsonField });
    const value = jsonField === undefined ? secret.secretValue : secret.secretValueFromJson(jsonField);
    return new ApiKeyValue(value.unsafeUnwrap());
  }

  /** @internal The `Value` of the API key: a dynamic reference, or undefined to generate one. */
  public readonly _value?: string;

  private constructor(value: string | undefined) {
    brand(this, 'ApiKeyValue');
    this._value = value;
  }
}

// The shapes untyped (JavaScript) callers are checked against.

export const API_KEY_VALUE = madeBy<ApiKeyValue>('ApiKeyValue', 'ApiKeyValue.generate()');

/** The arguments of each `ApiKeyValue.*` factory that takes any. */
export const API_KEY_VALUE_FACTORIES = {
  'ApiKeyValue.fromSecret': args<{ secret: secretsmanager.ISecret; jsonField?: string }>({
    secret: required(SECRET), jsonField: optional(str("'apiKey'")),
  }),
};

const checkValueArguments = argumentChecker(API_KEY_VALUE_FACTORIES);
