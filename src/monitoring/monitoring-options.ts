import { Duration, Token, aws_cloudwatch as cloudwatch, aws_sns as sns } from 'aws-cdk-lib';
import { ALARM_OPTIONS, AlarmOptions, alarmOptionProblems, AlarmSettings, ThresholdUnit } from './alarm-options';
import { Problem } from '../core/errors';
import { bool, list, optional, ref, str, struct } from '../core/shape';

/**
 * What `addMonitoring` builds: alarms sized by what the gateway knows about each route, and
 * a dashboard. Every alarm is on by default where the API type emits its metric; give its
 * options to change it, or `{ enabled: false }` to leave it out.
 */
export interface MonitoringOptions {
  /**
   * 5XX responses (WebSocket: `ExecutionError`) as a percentage of requests (WebSocket:
   * messages), above `threshold`.
   * @default - on: above 1 % in 3 of 5 one-minute periods
   */
  readonly serverErrors?: AlarmOptions;

  /**
   * 4XX responses (WebSocket: `ClientError`) as a percentage of requests, sustained: bad
   * calls, expired credentials, throttling (429).
   * @default - on: above 10 % in 3 of 3 five-minute periods
   */
  readonly clientErrors?: AlarmOptions;

  /**
   * One alarm per route with an integration (mock routes have none): p99
   * `IntegrationLatency` above `threshold` percent of the route's integration timeout, the
   * point where callers start getting 504s.
   * @default - on: above 80 % of the route's timeout in 3 of 5 one-minute periods
   */
  readonly latency?: AlarmOptions;

  /**
   * Requests per second above `threshold` percent of the throttle's `rateLimit`: one alarm for
   * the stage, one per route with its own throttle (REST, HTTP).
   * @default - on: above 80 % of the rate limit in 3 of 5 one-minute periods
   */
  readonly throttleHeadroom?: AlarmOptions;

  /**
   * One alarm per AWS service route (SQS, Kinesis, DynamoDB, Step Functions, EventBridge):
   * at least `threshold` errors of its integration in a period (REST and HTTP: the route's
   * 5XX; WebSocket: `IntegrationError`), e.g. a policy or a request the service refuses.
   * @default - on: at least 1 error in 3 of 5 one-minute periods
   */
  readonly integrationErrors?: AlarmOptions;

  /**
   * Cache hits as a percentage of cache lookups (hits and misses), below `threshold`
   * (RestGateway with a stage cache; created with the first cached route).
   * @default - on with a stage cache: below 50 % in 3 of 3 fifteen-minute periods
   */
  readonly cacheHitRate?: AlarmOptions;

  /**
   * An SNS topic told when an alarm goes off and when it clears.
   * @default - no topic
   */
  readonly alarmTopic?: sns.ITopic;

  /**
   * Actions when an alarm goes off (e.g. `new cloudwatch_actions.SnsAction(topic)`).
   * @default - none
   */
  readonly alarmActions?: cloudwatch.IAlarmAction[];

  /**
   * Whether to create a CloudWatch dashboard for the gateway.
   * @default true
   */
  readonly dashboard?: boolean;

  /**
   * Name of the dashboard: up to 255 letters, digits, `-` and `_`.
   * @default - a name CloudFormation generates
   */
  readonly dashboardName?: string;
}

/** The alarms of `addMonitoring`, by their option. */
export type AlarmKind = 'serverErrors' | 'clientErrors' | 'latency' | 'throttleHeadroom' | 'integrationErrors' | 'cacheHitRate';

/** Each alarm's defaults and the unit of its threshold. */
export const ALARM_DEFAULTS: { readonly [K in AlarmKind]: AlarmSettings & { readonly unit: ThresholdUnit } } = {
  serverErrors: { threshold: 1, evaluationPeriods: 5, datapointsToAlarm: 3, period: Duration.minutes(1), unit: 'percent' },
  clientErrors: { threshold: 10, evaluationPeriods: 3, datapointsToAlarm: 3, period: Duration.minutes(5), unit: 'percent' },
  latency: { threshold: 80, evaluationPeriods: 5, datapointsToAlarm: 3, period: Duration.minutes(1), unit: 'percent' },
  throttleHeadroom: { threshold: 80, evaluationPeriods: 5, datapointsToAlarm: 3, period: Duration.minutes(1), unit: 'percent' },
  integrationErrors: { threshold: 1, evaluationPeriods: 5, datapointsToAlarm: 3, period: Duration.minutes(1), unit: 'count' },
  cacheHitRate: { threshold: 50, evaluationPeriods: 3, datapointsToAlarm: 3, period: Duration.minutes(15), unit: 'percent' },
};

export const ALARM_KINDS = Object.keys(ALARM_DEFAULTS) as AlarmKind[];

/**
 * Problems with the options of `addMonitoring` on a gateway whose API type lacks the
 * metrics of `unsupported` (each with the reason).
 */
export function monitoringProblems(
  options: MonitoringOptions, unsupported: { readonly [K in AlarmKind]?: string },
): Problem[] {
  const problems: Problem[] = [];
  for (const kind of ALARM_KINDS) {
    const given = options[kind];
    const reason = unsupported[kind];
    if (given && reason && given.enabled !== false) {
      problems.push({
        code: 'UnsupportedCombination',
        prop: `addMonitoring.${kind}`,
        rule: `has no metric to alarm on: ${reason}`,
        value: given,
        fix: `leave ${kind} out (or set enabled: false)`,
      });
      continue;
    }
    problems.push(...alarmOptionProblems(`addMonitoring.${kind}`, given, ALARM_DEFAULTS[kind], ALARM_DEFAULTS[kind].unit));
  }
  const name = options.dashboardName;
  if (name !== undefined && !Token.isUnresolved(name) && !/^[A-Za-z0-9_-]{1,255}$/.test(name)) {
    problems.push({
      code: 'InvalidMonitoring',
      prop: 'addMonitoring.dashboardName',
      rule: 'must be 1 to 255 letters, digits, - and _',
      value: name,
      fix: "use e.g. 'orders-api-prod', or leave it out for a generated name",
    });
  }
  if (name !== undefined && options.dashboard === false) {
    problems.push({
      code: 'InvalidMonitoring',
      prop: 'addMonitoring.dashboardName',
      rule: 'names a dashboard that dashboard: false leaves out',
      value: name,
      fix: 'remove dashboardName, or dashboard: false',
    });
  }
  return problems;
}

// The shapes untyped (JavaScript) callers are checked against.

const TOPIC = ref<sns.ITopic>('sns.ITopic', 'topicArn', 'an sns.Topic');
const ALARM_ACTION = ref<cloudwatch.IAlarmAction>('cloudwatch.IAlarmAction', 'bind', 'new cloudwatch_actions.SnsAction(topic)');

export const MONITORING_OPTIONS = struct<MonitoringOptions>('MonitoringOptions', {
  serverErrors: optional(ALARM_OPTIONS),
  clientErrors: optional(ALARM_OPTIONS),
  latency: optional(ALARM_OPTIONS),
  throttleHeadroom: optional(ALARM_OPTIONS),
  integrationErrors: optional(ALARM_OPTIONS),
  cacheHitRate: optional(ALARM_OPTIONS),
  alarmTopic: optional(TOPIC),
  alarmActions: optional(list(ALARM_ACTION)),
  dashboard: optional(bool()),
  dashboardName: optional(str("'orders-api-prod'")),
}, '{ serverErrors: { threshold: 2 }, alarmTopic: topic }');
