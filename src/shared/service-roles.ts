import { Names, aws_iam as iam } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { acknowledgeServiceRole } from './nag-acknowledgements';

/**
 * The role API Gateway assumes to call one AWS resource (a queue, stream, table, state
 * machine or bus) for one API. One owner so that every route on the same resource shares a
 * role, and the role allows exactly the actions those routes use, on that resource alone.
 */
export class ServiceRole {
  public readonly role: iam.Role;
  private readonly granted = new Set<string>();

  constructor(scope: Construct, id: string, description: string) {
    this.role = new iam.Role(scope, id, {
      assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com'),
      description,
    });
    acknowledgeServiceRole(this.role);
  }

  /** Allows `actions` on `resourceArn`; asking twice for the same pair adds nothing. */
  public allow(actions: string[], resourceArn: string): void {
    const missing = actions.filter(action => !this.granted.has(`${action} ${resourceArn}`));
    if (missing.length === 0) return;
    for (const action of missing) this.granted.add(`${action} ${resourceArn}`);
    this.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: missing, resources: [resourceArn] }));
  }
}

/** The service roles of one API, one per target resource, created on first use. */
export class ServiceRoles {
  private readonly roles = new Map<IConstruct, ServiceRole>();

  constructor(private readonly scope: Construct) {}

  /** The role for `target`; its ID derives from the target's path, so it is stable. */
  public for(target: IConstruct, description: string): ServiceRole {
    let role = this.roles.get(target);
    if (!role) {
      role = new ServiceRole(this.scope, `${Names.nodeUniqueId(target.node)}Role`, description);
      this.roles.set(target, role);
    }
    return role;
  }
}
