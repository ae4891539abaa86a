import { aws_secretsmanager as secretsmanager } from 'aws-cdk-lib';
import { brand } from '../core/shape';
import { checkValueArguments } from '../private/shapes/factories';

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
