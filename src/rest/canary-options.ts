import { bool, map, num, optional, required, str, struct } from '../core/shape';
/**
 * A canary release on a REST gateway's stage: the stage keeps serving the stable version
 * and sends `trafficPercent` of requests to the latest definition of the API.
 */
export interface CanaryOptions {
  /**
   * The version the stage serves now and keeps serving to most clients: the
   * `DeploymentVersion` output of the last deploy (also the suffix of the deployment's
   * logical ID). The deploy fails when the stage does not serve it already.
   */
  readonly stableVersion: string;

  /** Share of requests the latest definition receives, 0 to 100. */
  readonly trafficPercent: number;

  /**
   * Stage variables that differ for canary requests.
   * @default - none
   */
  readonly stageVariableOverrides?: { [name: string]: string };

  /**
   * Canary requests may be answered from the stage cache (otherwise they bypass it). The two
   * versions then share cached answers: the canary's are served to every caller until they
   * expire. Needs the gateway's `cache`.
   * @default false
   */
  readonly useStageCache?: boolean;
}

// The shapes untyped (JavaScript) callers are checked against.

export const CANARY_OPTIONS = struct<CanaryOptions>('CanaryOptions', {
  stableVersion: required(str('the DeploymentVersion output of the deploy the stage serves now')),
  trafficPercent: required(num('10')),
  stageVariableOverrides: optional(map(str(), "{ backend: 'v2' }")),
  useStageCache: optional(bool()),
}, '{ stableVersion, trafficPercent: 10 }');
