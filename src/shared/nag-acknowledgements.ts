import { Stack, Validations, aws_apigateway as apigw } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * Acknowledgements of cdk-nag findings that are the library's own deliberate choices, made on
 * the library's own constructs (never on a stack, never on the user's resources) so a user
 * running the packs sees only findings about their own choices. cdk-nag matches a rule ID
 * exactly (a sub-finding as `Rule[finding]`) on the resource or any of its ancestors.
 */

/** The compliance packs, by the prefix of their rule IDs. */
const NIST = 'NIST.800.53.R5';
const HIPAA = 'HIPAA.Security';
const PCI = 'PCI.DSS.321';

/** Which compliance packs have each rule the library acknowledges (cdk-nag 3's pack definitions). */
const PACKS_OF = {
  LambdaConcurrency: [NIST, HIPAA],
  LambdaDLQ: [NIST, HIPAA],
  LambdaInsideVPC: [NIST, HIPAA, PCI],
  IAMNoInlinePolicy: [NIST, HIPAA, PCI],
  CloudWatchLogGroupEncrypted: [NIST, HIPAA, PCI],
  EC2RestrictedCommonPorts: [NIST, HIPAA, PCI],
  EC2RestrictedSSH: [NIST, HIPAA, PCI],
  APIGWCacheEnabledAndEncrypted: [NIST, HIPAA, PCI],
};
type ComplianceRule = keyof typeof PACKS_OF;

/** Acknowledges each rule in every compliance pack that has it. */
function acknowledgeCompliance(scope: IConstruct, reasons: Partial<Record<ComplianceRule, string>>): void {
  Validations.of(scope).acknowledge(...Object.entries(reasons).flatMap(([rule, reason]) =>
    PACKS_OF[rule as ComplianceRule].map(pack => ({ id: `${pack}-${rule}`, reason: reason! }))));
}

/**
 * A function the library (or aws-cdk-lib for it) runs at deploy time as a CloudFormation
 * custom resource, with its role and log group: `what` says what it does.
 */
export function acknowledgeDeployHelper(scope: IConstruct, what: string): void {
  const reason = (why: string) => `${what}: ${why}`;
  acknowledgeCompliance(scope, {
    LambdaConcurrency: reason('runs once per deployment; reserving concurrency would take it from the account\'s own functions'),
    LambdaDLQ: reason('CloudFormation invokes it synchronously; a DLQ applies to asynchronous invocations only'),
    LambdaInsideVPC: reason('it calls AWS APIs and CloudFormation\'s response URL only and handles no application data; in a VPC it would need NAT or endpoints for them'),
    IAMNoInlinePolicy: reason('its role\'s policy lists the few actions it needs and lives and dies with the function'),
    CloudWatchLogGroupEncrypted: reason('its log holds deployment events, no request data; CloudWatch Logs encrypts it at rest'),
  });
}

/** The role API Gateway assumes for one integration target. */
export function acknowledgeServiceRole(role: IConstruct): void {
  acknowledgeCompliance(role, {
    IAMNoInlinePolicy: 'the gateway\'s role for one integration target: its policy is generated for this role alone (the actions its routes use, on that one resource) and changes with the routes',
  });
}

/** The security group of the execute-api endpoint the gateway creates: HTTPS from the VPC. */
export function acknowledgeEndpointSecurityGroup(securityGroup: IConstruct): void {
  const reason = 'ingress is TCP 443 from the VPC\'s own CIDR block only; the rule cannot read the CIDR (a reference) and reports it';
  acknowledgeCompliance(securityGroup, { EC2RestrictedCommonPorts: reason, EC2RestrictedSSH: reason });
}

/** An encrypted stage cache that caches only the routes that opt in, by design. */
export function acknowledgeStageCache(stage: IConstruct): void {
  acknowledgeCompliance(stage, {
    APIGWCacheEnabledAndEncrypted: 'the stage cache is on and encrypted; the gateway caches only the routes that opt in, since caching every method would replay one caller\'s write to another',
  });
}

/** What each authorization a user can choose is called in the reason. */
const AUTHORIZATION_NAMES: Partial<Record<apigw.AuthorizationType, string>> = {
  [apigw.AuthorizationType.IAM]: 'IAM (SigV4)',
  [apigw.AuthorizationType.CUSTOM]: 'a Lambda authorizer',
};

/**
 * AwsSolutions-COG4 asks every REST method for a Cognito authorizer; a method authorized by
 * IAM or a Lambda authorizer has the authorization its user chose.
 */
export function acknowledgeMethodAuthorization(method: IConstruct, type: apigw.AuthorizationType | undefined): void {
  const name = type && AUTHORIZATION_NAMES[type];
  if (!name) return;
  Validations.of(method).acknowledge({
    id: 'AwsSolutions-COG4',
    reason: `the route is authorized by ${name}, the authorization chosen for it; a Cognito user pool is one choice among several`,
  });
}

/**
 * AwsSolutions-IAM5 on a resource ARN with a wildcard that the library grants on purpose. The
 * rule names the ARN as cdk-nag flattens it from the template, which is only final once
 * cross-stack references are resolved: the acknowledgement is made at validation.
 */
export function acknowledgeWildcardResource(owner: IConstruct, arn: string, reason: string): void {
  owner.node.addValidation({
    validate: () => {
      const flat = flattenCfnReference(Stack.of(owner).resolve(arn));
      Validations.of(owner).acknowledge({ id: `AwsSolutions-IAM5[Resource::${flat}]`, reason });
      return [];
    },
  });
}

/** cdk-nag's rendering of a resolved value in a finding (its `flattenCfnReference`). */
function flattenCfnReference(node: unknown): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node.replace(/\${/g, '<').replace(/}/g, '>');
  const o = node as Record<string, any>;
  if (o['Fn::Join']) {
    const [delimiter, items] = o['Fn::Join'];
    return (items as unknown[]).map(flattenCfnReference).join(delimiter);
  }
  if (o['Fn::Sub']) return flattenCfnReference(o['Fn::Sub']);
  if (o['Fn::GetAtt']) {
    const [resource, attribute] = o['Fn::GetAtt'];
    return `<${flattenCfnReference(resource)}.${flattenCfnReference(attribute)}>`;
  }
  if (o['Fn::ImportValue']) return flattenCfnReference(o['Fn::ImportValue']);
  if (o.Ref) return `<${flattenCfnReference(o.Ref)}>`;
  return JSON.stringify(node);
}

/**
 * AwsSolutions-APIG2 looks for request validator resources; an API defined by an OpenAPI
 * body has its validator in the document, where cdk-nag cannot see it.
 */
export function acknowledgeDefinedRequestValidation(restApi: IConstruct): void {
  Validations.of(restApi).acknowledge({
    id: 'AwsSolutions-APIG2',
    reason: 'request validation is in the API\'s OpenAPI body (x-amazon-apigateway-request-validators), and every route the gateway adds uses it',
  });
}
