import {
  App, Duration, Stack, StackProps, aws_lambda as lambda, aws_secretsmanager as secretsmanager,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ApiKeyValue, CacheSize, Integration, QuotaPeriod, RequestValue, RestGateway } from '../src';

/**
 * A reports API sold to partners: API keys in usage plans with quotas, a stage cache in
 * front of an expensive report function, and a canary release of a new version.
 */
export class PartnerReportsStack extends Stack {
  public readonly api: RestGateway;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const reports = new lambda.Function(this, 'Reports', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(
        'exports.handler = async (e) => ({ statusCode: 200, body: JSON.stringify({ id: e.pathParameters.id, lang: (e.queryStringParameters || {}).lang || "en" }) });'),
    });

    this.api = new RestGateway(this, 'ReportsApi', {
      cache: { size: CacheSize.GB_0_5, ttl: Duration.minutes(5) },
      // The version this stage served before the latest change (the ReportsApiDeploymentVersion
      // output of that deploy). 10% of requests already see the latest definition; delete
      // `canary` to promote it, or replace it with `pinnedVersion: '<that version>'` to roll back.
      // A version the stage does not serve fails the deploy (the release guard checks), so the
      // stack's first deploy goes without `canary`.
      canary: { stableVersion: '4f1a2b3c4d5e6f708192a3b4c5d6e7f8', trafficPercent: 10 },
    });
    // Partners sign requests (IAM, the default) and send their API key. Such a per-caller route
    // is cached only on request; a report is the same for every partner, so one cached copy
    // per report id and `lang` (the query string the function reads) serves them all.
    this.api.addRoute('GET /reports/{id}', Integration.lambda(reports), {
      apiKeyRequired: true,
      cache: { enabled: true, sharedAcrossCallers: true, ttl: Duration.minutes(30), keyParameters: [RequestValue.queryString('lang')] },
    });
    this.api.addRoute('GET /reports/{id}/live', Integration.lambda(reports), { apiKeyRequired: true, cache: { enabled: false } });

    const gold = this.api.addUsagePlan('Gold', {
      throttle: { rateLimit: 100, burstLimit: 200 },
      quota: { limit: 100_000, period: QuotaPeriod.MONTH },
      routeThrottles: { 'GET /reports/{id}/live': { rateLimit: 5, burstLimit: 10 } },
    });
    gold.addApiKey('AcmeCorp', { outputKeyId: true });
    const partnerKey = new secretsmanager.Secret(this, 'GlobexApiKey', { generateSecretString: { passwordLength: 40, excludePunctuation: true } });
    gold.addApiKey('Globex', { value: ApiKeyValue.fromSecret(partnerKey) });
    // Each key is in one plan of a gateway (API Gateway refuses a key in two plans of a stage).
    // `name` is what the console shows; changing it updates the plan in place. Moving a key
    // between plans takes two deploys: remove it from one, deploy, add it to the other.
    this.api.addUsagePlan('Trial', { name: 'Free trial', quota: { limit: 1_000, period: QuotaPeriod.DAY } })
      .addApiKey('Initech', { outputKeyId: true });
  }
}

/** Adds the partner reports API to an app, in the example account and region. */
export function createPartnerReportsApp(app: App): PartnerReportsStack {
  return new PartnerReportsStack(app, 'PartnerReports', { env: { account: '111111111111', region: 'eu-west-1' } });
}
