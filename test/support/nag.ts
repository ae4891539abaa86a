import { App, Validations } from 'aws-cdk-lib';
import {
  AwsSolutionsChecks, HIPAASecurityChecks, NagPack, NIST80053R5Checks, PCIDSS321Checks, ServerlessChecks,
} from 'cdk-nag';
import { IConstruct } from 'constructs';

/**
 * Runs cdk-nag's AWS Solutions and Serverless packs as CDK validation plugins: any finding
 * not acknowledged (with a reason, which `acknowledge` requires) fails `app.synth()`.
 */
export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
}

/** Adds the compliance packs (NIST 800-53 R5, HIPAA Security, PCI DSS 3.2.1) as well. */
export function addComplianceChecks(app: App): void {
  addNagChecks(app);
  Validations.of(app).addPlugins(new NIST80053R5Checks(app), new HIPAASecurityChecks(app), new PCIDSS321Checks(app));
}

/** One unacknowledged finding: the rule (with its sub-finding) and the resource's construct path. */
export interface NagFinding {
  readonly rule: string;
  readonly path: string;
}

/** Every pack the library's users may run. */
export function allPacks(): NagPack[] {
  return [new AwsSolutionsChecks(), new ServerlessChecks(), new NIST80053R5Checks(), new HIPAASecurityChecks(), new PCIDSS321Checks()];
}

/**
 * The unacknowledged findings of `packs` in the app, without failing synthesis: the app is
 * synthesized first (aspects, cross-stack references and construct validations run then),
 * and the packs walk the construct tree as their validation plugins do.
 */
export function nagFindings(app: App, packs: NagPack[] = allPacks()): NagFinding[] {
  app.synth();
  return packs.flatMap(pack => pack.validateScope(app).violations.flatMap(v =>
    v.violatingResources.map(r => ({ rule: v.ruleName, path: r.constructPath ?? '' }))));
}

/** The findings on `scope` or below it. */
export function findingsUnder(findings: NagFinding[], scope: IConstruct): NagFinding[] {
  const path = scope.node.path;
  return findings.filter(f => f.path === path || f.path.startsWith(`${path}/`));
}

/** The reasons acknowledged on `scope` itself, by rule ID. */
export function acknowledgedOn(scope: IConstruct): Record<string, string> {
  const entries = scope.node.metadata.filter(m => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY);
  return Object.fromEntries(entries.flatMap(m => Object.entries(m.data as Record<string, string>))
    .map(([id, reason]) => [id.replace(/^annotation::/i, ''), reason]));
}
