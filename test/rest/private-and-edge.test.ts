import {
  Stack, aws_certificatemanager as acm, aws_ec2 as ec2, aws_elasticloadbalancingv2 as elbv2, aws_iam as iam,
  aws_route53 as route53, aws_s3 as s3, aws_servicediscovery as servicediscovery,
} from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { ApiAccess, Endpoint, Integration, RestGateway, Waf } from '../../src';
import { testApp, testStack } from '../support/app';

function vpcIn(stack: Stack): ec2.Vpc {
  return new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
}

function policyOf(template: Template): any {
  return (Object.values(template.findResources('AWS::ApiGateway::RestApi'))[0] as any).Properties.Policy;
}

describe('private endpoints', () => {
  test('with a VPC: an execute-api endpoint (private DNS, HTTPS from the VPC only) and a policy denying everything else', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Internal', { endpoint: Endpoint.private({ vpc: vpcIn(stack) }) });
    api.addRoute('GET /a', Integration.mock());
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      ServiceName: 'com.amazonaws.eu-west-1.execute-api', VpcEndpointType: 'Interface', PrivateDnsEnabled: true,
    });
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: [{ CidrIp: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Vpc'), 'CidrBlock'] }, FromPort: 443, ToPort: 443, IpProtocol: 'tcp' }],
    });
    const endpointRef = { Ref: Match.stringLikeRegexp('^InternalExecuteApiEndpoint') };
    t.hasResourceProperties('AWS::ApiGateway::RestApi', { EndpointConfiguration: { Types: ['PRIVATE'], VpcEndpointIds: [endpointRef] } });
    expect(policyOf(t).Statement).toEqual([
      { Action: 'execute-api:Invoke', Effect: 'Allow', Principal: { AWS: '*' }, Resource: 'execute-api:/*' },
      { Action: 'execute-api:Invoke', Effect: 'Deny', Principal: { AWS: '*' }, Resource: 'execute-api:/*', Condition: { StringNotEquals: { 'aws:SourceVpce': [expect.objectContaining({ Ref: expect.stringMatching(/^InternalExecuteApiEndpoint/) })] } } },
    ]);
    expect(api.vpcEndpoint).toBeDefined();
  });

  test('with existing endpoints only', () => {
    const stack = testStack();
    const existing = ec2.InterfaceVpcEndpoint.fromInterfaceVpcEndpointAttributes(stack, 'E', { vpcEndpointId: 'vpce-0123456789abcdef0', port: 443 });
    new RestGateway(stack, 'Internal', { endpoint: Endpoint.private({ vpcEndpoints: [existing] }) }).addRoute('GET /a', Integration.mock());
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::EC2::VPCEndpoint', 0);
    expect(policyOf(t).Statement[1].Condition).toEqual({ StringNotEquals: { 'aws:SourceVpce': ['vpce-0123456789abcdef0'] } });
  });

  test('refuses a private endpoint with nothing to go through, and source IPs on a private API', () => {
    expect(() => new RestGateway(testStack(), 'A', { endpoint: Endpoint.private({}) }))
      .toThrow(/\[InvalidEndpoint\] endpoint Endpoint.private needs a vpc to create an execute-api endpoint in, or vpcEndpoints/);
    const stack = testStack();
    expect(() => new RestGateway(stack, 'B', { endpoint: Endpoint.private({ vpc: vpcIn(stack) }), allowOnly: [ApiAccess.fromSourceIps(['203.0.113.0/24'])] }))
      .toThrow(/\[InvalidPolicy\] allowOnly\[0\] cannot restrict a private API by source IP/);
  });
});

describe('resource policy restrictions', () => {
  test('each restriction is a deny unless it holds; your own statements are kept', () => {
    const stack = testStack();
    const own = new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ effect: iam.Effect.DENY, principals: [new iam.AnyPrincipal()], actions: ['execute-api:Invoke'], resources: ['execute-api:/*/DELETE/*'] })] });
    new RestGateway(stack, 'Api', {
      policy: own,
      allowOnly: [ApiAccess.fromSourceIps(['203.0.113.0/24', '198.51.100.7/32']), ApiAccess.fromOrganization('o-abc123def4')],
    }).addRoute('GET /a', Integration.mock());
    const statements = policyOf(Template.fromStack(stack)).Statement;
    expect(statements.map((s: any) => [s.Effect, s.Condition ?? s.Resource])).toEqual([
      ['Allow', 'execute-api:/*'],
      ['Deny', { NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '198.51.100.7/32'] } }],
      ['Deny', { StringNotEquals: { 'aws:PrincipalOrgID': ['o-abc123def4'] } }],
      ['Deny', 'execute-api:/*/DELETE/*'],
    ]);
  });

  test('a policy over 8,192 characters fails synthesis', () => {
    const stack = testStack();
    const cidrs = Array.from({ length: 600 }, (_, i) => `10.${Math.floor(i / 250)}.${i % 250}.0/24`);
    new RestGateway(stack, 'Api', { allowOnly: [ApiAccess.fromSourceIps(cidrs)] }).addRoute('GET /a', Integration.mock());
    expect(() => Template.fromStack(stack)).toThrow(/\[LimitExceeded\] policy \(the API's resource policy\) must be at most 8192 characters, got about \d+/);
  });
});

describe('WAF', () => {
  test('Waf.managed: a regional web ACL of the managed rule groups plus a rate rule, associated with the stage', () => {
    const stack = testStack();
    new RestGateway(stack, 'Api', { waf: Waf.managed({ rateLimitPerFiveMinutes: 2000 }) }).addRoute('GET /a', Integration.mock());
    const t = Template.fromStack(stack);
    const acl = (Object.values(t.findResources('AWS::WAFv2::WebACL'))[0] as any).Properties;
    expect(acl.Scope).toBe('REGIONAL');
    expect(acl.DefaultAction).toEqual({ Allow: {} });
    expect(acl.Rules.map((r: any) => r.Statement.ManagedRuleGroupStatement?.Name ?? `rate ${r.Statement.RateBasedStatement.Limit}`)).toEqual([
      'AWSManagedRulesAmazonIpReputationList', 'AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesSQLiRuleSet', 'rate 2000',
    ]);
    expect(acl.Rules.every((r: any) => r.VisibilityConfig.CloudWatchMetricsEnabled)).toBe(true);
    t.hasResourceProperties('AWS::WAFv2::WebACLAssociation', {
      ResourceArn: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('/restapis/'), '/stages/', { Ref: Match.stringLikeRegexp('^ApiStage') }])] },
      WebACLArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiWebAcl'), 'Arn'] },
    });
  });

  test('Waf.fromWebAclArn associates an existing one', () => {
    const stack = testStack();
    const arn = 'arn:aws:wafv2:eu-west-1:111111111111:regional/webacl/shared/abc';
    new RestGateway(stack, 'Api', { waf: Waf.fromWebAclArn(arn) }).addRoute('GET /a', Integration.mock());
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::WAFv2::WebACL', 0);
    t.hasResourceProperties('AWS::WAFv2::WebACLAssociation', { WebACLArn: arn });
  });

  test('refuses a rate limit below 10', () => {
    expect(() => new RestGateway(testStack(), 'Api', { waf: Waf.managed({ rateLimitPerFiveMinutes: 5 }) }))
      .toThrow(/\[InvalidWaf\] waf.rateLimitPerFiveMinutes must be a whole number from 10 to 2,000,000,000, got 5/);
  });
});

describe('custom domains', () => {
  function zoneIn(stack: Stack) {
    return route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z0123456789ABC', zoneName: 'example.com' });
  }

  test('certificate by DNS, TLS 1.2 domain, base path, alias record; default endpoint off; url is the custom one', () => {
    const stack = testStack();
    const api = new RestGateway(stack, 'Api', { domain: { domainName: 'api.example.com', hostedZone: zoneIn(stack), basePath: 'v1' } });
    api.addRoute('GET /a', Integration.mock());
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::CertificateManager::Certificate', { DomainName: 'api.example.com', ValidationMethod: 'DNS' });
    t.hasResourceProperties('AWS::ApiGateway::DomainName', {
      DomainName: 'api.example.com', SecurityPolicy: 'TLS_1_2', EndpointConfiguration: { Types: ['REGIONAL'] },
    });
    t.hasResourceProperties('AWS::ApiGateway::BasePathMapping', { BasePath: 'v1', DomainName: { Ref: Match.stringLikeRegexp('^GatehouseDomainapiexamplecom') } });
    t.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'api.example.com.', Type: 'A', HostedZoneId: 'Z0123456789ABC' });
    t.hasResourceProperties('AWS::ApiGateway::RestApi', { DisableExecuteApiEndpoint: true });
    expect(api.url).toBe('https://api.example.com/v1/');
  });

  test('two gateways share one domain under different base paths', () => {
    const stack = testStack();
    const zone = zoneIn(stack);
    new RestGateway(stack, 'Orders', { domain: { domainName: 'api.example.com', hostedZone: zone, basePath: 'orders' } }).addRoute('GET /a', Integration.mock());
    new RestGateway(stack, 'Users', { domain: { domainName: 'api.example.com', hostedZone: zone, basePath: 'users' } }).addRoute('GET /a', Integration.mock());
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::ApiGateway::DomainName', 1);
    t.resourceCountIs('AWS::CertificateManager::Certificate', 1);
    t.resourceCountIs('AWS::Route53::RecordSet', 1);
    t.resourceCountIs('AWS::ApiGateway::BasePathMapping', 2);
    expect(() => new RestGateway(stack, 'Clash', { domain: { domainName: 'api.example.com', hostedZone: zone, basePath: 'users' } }))
      .toThrow(/\[InvalidDomain\] domain.basePath is taken on .* by Test\/Users/);
  });

  test('mutual TLS, an own certificate, and keeping the default endpoint', () => {
    const stack = testStack();
    const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:eu-west-1:111111111111:certificate/abc');
    const bucket = s3.Bucket.fromBucketName(stack, 'Trust', 'truststore-bucket');
    new RestGateway(stack, 'Api', {
      domain: { domainName: 'mtls.example.com', certificate, mutualTls: { bucket, key: 'ca.pem' }, keepExecuteApiEndpoint: true },
    }).addRoute('GET /a', Integration.mock());
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ApiGateway::DomainName', {
      MutualTlsAuthentication: { TruststoreUri: 's3://truststore-bucket/ca.pem' },
      RegionalCertificateArn: 'arn:aws:acm:eu-west-1:111111111111:certificate/abc',
    });
    t.resourceCountIs('AWS::Route53::RecordSet', 0);
    t.hasResourceProperties('AWS::ApiGateway::RestApi', { DisableExecuteApiEndpoint: false });
  });

  test.each<[string, (stack: Stack) => void, RegExp]>([
    ['an edge API without a us-east-1 certificate', stack => new RestGateway(stack, 'Api', { endpoint: Endpoint.edge(), domain: { domainName: 'api.example.com', hostedZone: zoneIn(stack) } }),
      /\[InvalidDomain\] domain.certificate is required for an edge-optimized API outside us-east-1 .*this stack is in eu-west-1/],
    ['no certificate and no zone', stack => new RestGateway(stack, 'Api', { domain: { domainName: 'api.example.com' } }), /needs a certificate, or a hostedZone/],
    ['a nested base path', stack => new RestGateway(stack, 'Api', { domain: { domainName: 'api.example.com', hostedZone: zoneIn(stack), basePath: 'v1/orders' } }),
      /domain.basePath must be one path segment/],
    ['a bad domain name', stack => new RestGateway(stack, 'Api', { domain: { domainName: 'api_example', hostedZone: zoneIn(stack) } }), /domain.domainName must be a DNS name/],
  ])('refuses %s', (_name, build, message) => {
    expect(() => build(testStack())).toThrow(message);
  });

  test('an edge API in us-east-1 gets its certificate created', () => {
    const stack = testStack(testApp(), 'UsEast', { env: { account: '111111111111', region: 'us-east-1' } });
    new RestGateway(stack, 'Api', { endpoint: Endpoint.edge(), domain: { domainName: 'api.example.com', hostedZone: zoneIn(stack) } }).addRoute('GET /a', Integration.mock());
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::DomainName', { EndpointConfiguration: { Types: ['EDGE'] }, CertificateArn: Match.anyValue() });
  });
});

describe('private integrations', () => {
  /** A load balancer with listeners on `ports`. */
  function nlbIn(stack: Stack, id = 'Nlb', ports = [80, 8080]) {
    const vpc = (stack.node.tryFindChild('Vpc') as ec2.Vpc) ?? vpcIn(stack);
    const nlb = new elbv2.NetworkLoadBalancer(stack, id, { vpc });
    for (const port of ports) {
      const targets = new elbv2.NetworkTargetGroup(stack, `${id}Targets${port}`, { vpc, port, targetType: elbv2.TargetType.IP });
      nlb.addListener(`Tcp${port}`, { port, defaultTargetGroups: [targets] });
    }
    return nlb;
  }

  test('privateNlb: one VPC link per load balancer for every route and API; the path and {proxy+} are forwarded', () => {
    const stack = testStack();
    const nlb = nlbIn(stack);
    const a = new RestGateway(stack, 'A');
    a.addRoute('ANY /inventory/{proxy+}', Integration.privateNlb(nlb, { port: 8080 }));
    a.addRoute('GET /items/{id}', Integration.privateNlb(nlb, { port: 8080 }));
    new RestGateway(stack, 'B').addRoute('GET /b', Integration.privateNlb(nlb));
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::ApiGateway::VpcLink', 1);
    t.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'ANY',
      Integration: {
        Type: 'HTTP_PROXY',
        IntegrationHttpMethod: 'ANY',
        ConnectionType: 'VPC_LINK',
        ConnectionId: { Ref: Match.stringLikeRegexp('^GatehouseVpcLink') },
        Uri: { 'Fn::Join': ['', ['http://', { 'Fn::GetAtt': [Match.stringLikeRegexp('^Nlb'), 'DNSName'] }, ':8080/inventory/{proxy}']] },
        RequestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy' },
      },
    });
  });

  test('throws when privateNlb names a port the load balancer has no listener on (at synth, after every listener is added)', () => {
    const stack = testStack();
    const nlb = nlbIn(stack, 'Nlb', [80]);
    new RestGateway(stack, 'Api').addRoute('GET /a', Integration.privateNlb(nlb, { port: 8080 }));
    expect(() => Template.fromStack(stack)).toThrow(
      /\[InvalidIntegration\] addRoute\('GET \/a'\) Integration.privateNlb port must be the port of a listener of Test\/Nlb \(it has listeners on 80\), got 8080/);
  });

  test('privateNlb: a listener added after the route, or anywhere in the stack, counts; an imported load balancer is not checked', () => {
    const stack = testStack();
    const nlb = nlbIn(stack, 'Nlb', []);
    const api = new RestGateway(stack, 'Api');
    api.addRoute('GET /a', Integration.privateNlb(nlb, { port: 9000 }));
    const targets = new elbv2.NetworkTargetGroup(stack, 'Targets', { vpc: nlb.vpc!, port: 9000, targetType: elbv2.TargetType.IP });
    new elbv2.NetworkListener(stack, 'Tcp9000', { loadBalancer: nlb, port: 9000, defaultTargetGroups: [targets] });
    const imported = elbv2.NetworkLoadBalancer.fromNetworkLoadBalancerAttributes(stack, 'Imported', {
      loadBalancerArn: 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/net/imported/0123456789abcdef',
      loadBalancerDnsName: 'imported.elb.eu-west-1.amazonaws.com',
    });
    api.addRoute('GET /b', Integration.privateNlb(imported, { port: 8443 }));
    expect(() => Template.fromStack(stack)).not.toThrow();
  });

  test.each([
    ['privateNlb', 'get'],
    ['privateAlb', 'FETCH'],
  ])('throws when %s calls the backend with method %s, which API Gateway does not know', (factory, method) => {
    const stack = testStack();
    const integration = factory === 'privateNlb'
      ? Integration.privateNlb(nlbIn(stack), { method })
      : Integration.privateAlb(new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc: vpcIn(stack) })
        .addListener('Http', { port: 80, defaultAction: elbv2.ListenerAction.fixedResponse(200) }), { method });
    expect(() => new RestGateway(stack, 'Api').addRoute('GET /a', integration))
      .toThrow(new RegExp(`\\[InvalidIntegration\\] addRoute\\('GET /a'\\) Integration.${factory} method must be one of ANY, GET, .*got "${method}"`));
  });

  test('privateAlb: a VPC link v2 and the listener as the integration target', () => {
    const stack = testStack();
    const vpc = vpcIn(stack);
    const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc });
    const listener = alb.addListener('Http', { port: 80, defaultAction: elbv2.ListenerAction.fixedResponse(200) });
    new RestGateway(stack, 'Api').addRoute('GET /legacy/{proxy+}', Integration.privateAlb(listener));
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::ApiGatewayV2::VpcLink', 1);
    t.hasResourceProperties('AWS::ApiGateway::Method', {
      Integration: {
        Type: 'HTTP_PROXY',
        ConnectionType: 'VPC_LINK',
        ConnectionId: { Ref: Match.stringLikeRegexp('^GatehouseVpcLinkV2') },
        IntegrationTarget: { Ref: Match.stringLikeRegexp('^AlbHttp') },
      },
    });
  });

  test('cloudMap on a RestGateway names HttpGateway', () => {
    const stack = testStack();
    const namespace = new servicediscovery.PrivateDnsNamespace(stack, 'Ns', { name: 'svc.local', vpc: vpcIn(stack) });
    const service = namespace.createService('Svc');
    expect(() => new RestGateway(stack, 'Api').addRoute('GET /svc', Integration.cloudMap(service)))
      .toThrow(/\[UnsupportedCombination\] addRoute\('GET \/svc'\) cannot use Integration.cloudMap on a RestGateway, got "GET \/svc"; REST APIs cannot reach Cloud Map services: use an HttpGateway/);
  });
});
