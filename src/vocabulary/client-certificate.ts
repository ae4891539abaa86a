import { Token, aws_apigateway as apigw } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Problem } from '../core/errors';
import { brand, argumentChecker, args, madeBy, required, str } from '../core/shape';

/**
 * The certificate API Gateway presents to a REST or WebSocket stage's HTTP backends
 * (`Integration.http`), so that a backend can accept only calls that come from this API. It is
 * not mutual TLS with the API's clients (that is `domain.mutualTls`).
 */
export class ClientCertificate {
  /**
   * A certificate the gateway creates (`AWS::ApiGateway::ClientCertificate`). API Gateway
   * generates it self-signed, valid for one year: before it expires, create the next one,
   * let the backend trust both, and switch with `fromClientCertificateId`.
   */
  public static generate(): ClientCertificate {
    return new ClientCertificate(undefined);
  }

  /** An existing client certificate, by the ID API Gateway gave it (e.g. `z7rl9t`). */
  public static fromClientCertificateId(clientCertificateId: string): ClientCertificate {
    checkValueArguments('ClientCertificate.fromClientCertificateId', { clientCertificateId });
    return new ClientCertificate(clientCertificateId);
  }

  private constructor(private readonly existingId: string | undefined) {
    brand(this, 'ClientCertificate');
  }

  /** @internal */
  public _problems(prop: string): Problem[] {
    const id = this.existingId;
    if (id === undefined || Token.isUnresolved(id) || /^[A-Za-z0-9]{1,64}$/.test(id)) return [];
    return [{
      code: 'InvalidClientCertificate',
      prop,
      rule: 'must be a client certificate ID (letters and digits)',
      value: id,
      fix: 'use the ID API Gateway gave it (aws apigateway get-client-certificates), not its ARN or description',
    }];
  }

  /**
   * The ID the gateway's stage takes: the existing one, or that of the certificate created
   * under `gateway` (`ClientCertificate`).
   * @internal
   */
  public _bind(gateway: Construct): string {
    if (this.existingId !== undefined) return this.existingId;
    return new apigw.CfnClientCertificate(gateway, 'ClientCertificate', {
      description: `Presented by ${gateway.node.path} to its HTTP backends`,
    }).ref;
  }
}

// The shapes untyped (JavaScript) callers are checked against.

export const CLIENT_CERTIFICATE = madeBy<ClientCertificate>('ClientCertificate', 'ClientCertificate.generate()');

/** The arguments of each `ClientCertificate.*` factory that takes any. */
export const CLIENT_CERTIFICATE_FACTORIES = {
  'ClientCertificate.fromClientCertificateId': args<{ clientCertificateId: string }>({
    clientCertificateId: required(str("'z7rl9t'")),
  }),
};

const checkValueArguments = argumentChecker(CLIENT_CERTIFICATE_FACTORIES);
