import { aws_apigateway as apigw } from 'aws-cdk-lib';

/** How clients reach a REST API. */
export class Endpoint {
  /** Served from the API's region; put CloudFront or a custom domain in front as you like. */
  public static regional(): Endpoint {
    return new Endpoint(apigw.EndpointType.REGIONAL);
  }

  /** Served through API Gateway's own CloudFront distribution (custom domains need a us-east-1 certificate). */
  public static edge(): Endpoint {
    return new Endpoint(apigw.EndpointType.EDGE);
  }

  /** @internal */
  public readonly _type: apigw.EndpointType;

  private constructor(type: apigw.EndpointType) {
    this._type = type;
  }
}
