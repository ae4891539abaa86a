import {
  Stack, aws_certificatemanager as acm, aws_ec2 as ec2, aws_elasticloadbalancingv2 as elbv2,
  aws_route53 as route53, aws_s3 as s3, aws_servicediscovery as servicediscovery,
} from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { ApiAccess, Endpoint, Integration, RestGateway } from '../../src';
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
    const api = new RestGateway(stack, 'Internal', { endpoint: Endpoint.privateInVpc({ vpc: vpcIn(stack) }) });
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
    const endpointOnly = policyOf(t).Statement.find((st: any) => st.Sid === 'PrivateEndpointsOnly');
    expect(endpointOnly).toEqual({
      Sid: 'PrivateEndpointsOnly',
      Action: 'execute-api:Invoke',
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Resource: 'execute-api:/*',
      Condition: { StringNotEquals: { 'aws:SourceVpce': [expect.objectContaining({ Ref: expect.stringMatching(/^InternalExecuteApiEndpoint/) })] } },
    });
    expect(api.vpcEndpoint).toBeDefined();
  });

  test('with existing endpoints only', () => {
    const stack = testStack();
    const existing = ec2.InterfaceVpcEndpoint.fromInterfaceVpcEndpointAttributes(stack, 'E', { vpcEndpointId: 'vpce-0123456789abcdef0', port: 443 });
    new RestGateway(stack, 'Internal', { endpoint: Endpoint.privateInVpc({ vpcEndpoints: [existing] }) }).addRoute('GET /a', Integration.mock());
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::EC2::VPCEndpoint', 0);
    expect(policyOf(t).Statement.find((st: any) => st.Sid === 'PrivateEndpointsOnly').Condition)
      .toEqual({ StringNotEquals: { 'aws:SourceVpce': ['vpce-0123456789abcdef0'] } });
  });

  test('refuses a private endpoint with nothing to go through, and source IPs on a private API', () => {
    expect(() => new RestGateway(testStack(), 'A', { endpoint: Endpoint.privateInVpc({}) }))
      .toThrow(/\[InvalidEndpoint\] endpoint Endpoint.privateInVpc needs a vpc to create an execute-api endpoint in, or vpcEndpoints/);
    const stack = testStack();
    expect(() => new RestGateway(stack, 'B', { endpoint: Endpoint.privateInVpc({ vpc: vpcIn(stack) }), allowOnly: [ApiAccess.fromSourceIps(['203.0.113.0/24'])] }))
      .toThrow(/\[InvalidPolicy\] allowOnly\[0\] cannot restrict a private API by source IP/);
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

  test('mutual TLS and an own certificate; the default endpoint stays off', () => {
    const stack = testStack();
    const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:eu-west-1:111111111111:certificate/abc');
    const bucket = s3.Bucket.fromBucketName(stack, 'Trust', 'truststore-bucket');
    new RestGateway(stack, 'Api', {
      domain: { domainName: 'mtls.example.com', certificate, mutualTls: { bucket, key: 'ca.pem' } },
    }).addRoute('GET /a', Integration.mock());
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ApiGateway::DomainName', {
      MutualTlsAuthentication: { TruststoreUri: 's3://truststore-bucket/ca.pem' },
      RegionalCertificateArn: 'arn:aws:acm:eu-west-1:111111111111:certificate/abc',
    });
    t.resourceCountIs('AWS::Route53::RecordSet', 0);
    t.hasResourceProperties('AWS::ApiGateway::RestApi', { DisableExecuteApiEndpoint: true });
  });

  test('keeping the default endpoint', () => {
    const stack = testStack();
    new RestGateway(stack, 'Api', { domain: { domainName: 'api.example.com', hostedZone: zoneIn(stack), keepExecuteApiEndpoint: true } })
      .addRoute('GET /a', Integration.mock());
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::RestApi', { DisableExecuteApiEndpoint: false });
  });

  test.each<[string, (stack: Stack) => void, RegExp]>([
    ['an edge API without a us-east-1 certificate', stack => new RestGateway(stack, 'Api', { endpoint: Endpoint.edge(), domain: { domainName: 'api.example.com', hostedZone: zoneIn(stack) } }),
      /\[InvalidDomain\] domain.certificate is required for an edge-optimized API outside us-east-1 .*this stack is in eu-west-1/],
    ['no certificate and no zone', stack => new RestGateway(stack, 'Api', { domain: { domainName: 'api.example.com' } }), /needs a certificate, or a hostedZone/],
    ['a nested base path', stack => new RestGateway(stack, 'Api', { domain: { domainName: 'api.example.com', hostedZone: zoneIn(stack), basePath: 'v1/orders' } }),
      /domain.basePath must be one path segment/],
    ['a bad domain name', stack => new RestGateway(stack, 'Api', { domain: { domainName: 'api_example', hostedZone: zoneIn(stack) } }), /domain.domainName must be a lower-case DNS name/],
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
  /** A network load balancer with a TCP listener on each of `ports`. */
  function nlbIn(stack: Stack, ports: number[] = [80, 8080], id = 'Nlb') {
    const vpc = (stack.node.tryFindChild('Vpc') as ec2.Vpc) ?? vpcIn(stack);
    const nlb = new elbv2.NetworkLoadBalancer(stack, id, { vpc });
    for (const port of ports) {
      nlb.addListener(`Tcp${port}`, { port, defaultTargetGroups: [new elbv2.NetworkTargetGroup(stack, `${id}Targets${port}`, { vpc, port, targetType: elbv2.TargetType.IP })] });
    }
    return nlb;
  }

  test('privateNlb throws on a port with no listener on the load balancer (the same check as on an HttpGateway)', () => {
    const stack = testStack();
    const nlb = nlbIn(stack, [8080]);
    expect(() => new RestGateway(stack, 'Api').addRoute('GET /a', Integration.privateNlb(nlb)))
      .toThrow(/\[InvalidIntegration\] addRoute\('GET \/a'\) Integration.privateNlb port must be the port of a listener of Test\/Nlb \(it has listeners on 8080\), got 80; set port to a listener's port, or add the listener with nlb.addListener before the route/);
    expect(() => new RestGateway(stack, 'Other').addRoute('GET /a', Integration.privateNlb(nlbIn(stack, [], 'Bare'), { port: 8080 })))
      .toThrow(/Integration.privateNlb port must be the port of a listener of Test\/Bare \(it has no listeners this app added\), got 8080/);
  });

  test('privateNlb on an imported load balancer takes the port as given', () => {
    const stack = testStack();
    const nlb = elbv2.NetworkLoadBalancer.fromNetworkLoadBalancerAttributes(stack, 'Imported', {
      loadBalancerArn: 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/net/inventory/1234567890abcdef',
      loadBalancerDnsName: 'inventory-1234567890abcdef.elb.eu-west-1.amazonaws.com',
    });
    expect(() => new RestGateway(stack, 'Api').addRoute('GET /a', Integration.privateNlb(nlb, { port: 9000 }))).not.toThrow();
  });

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

  test('privateNlb: a listener created anywhere in the stack for the load balancer counts', () => {
    const stack = testStack();
    const nlb = nlbIn(stack, []);
    const targets = new elbv2.NetworkTargetGroup(stack, 'Targets', { vpc: nlb.vpc!, port: 9000, targetType: elbv2.TargetType.IP });
    new elbv2.NetworkListener(stack, 'Tcp9000', { loadBalancer: nlb, port: 9000, defaultTargetGroups: [targets] });
    new RestGateway(stack, 'Api').addRoute('GET /a', Integration.privateNlb(nlb, { port: 9000 }));
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

  test.each(['user:pw@internal.example.com', 'internal.example.com/path', 'internal example', ''])('privateAlb throws on the host %j, which is not a host name', host => {
    const stack = testStack();
    const listener = elbv2.ApplicationListener.fromApplicationListenerAttributes(stack, 'L', {
      listenerArn: 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:listener/app/alb/1234567890abcdef/1234567890abcdef',
      securityGroup: ec2.SecurityGroup.fromSecurityGroupId(stack, 'Sg', 'sg-12345678'),
    });
    expect(() => new RestGateway(stack, 'Api').addRoute('GET /a', Integration.privateAlb(listener, { vpc: vpcIn(stack), host })))
      .toThrow(/\[InvalidIntegration\] addRoute\('GET \/a'\) Integration.privateAlb host must be a host name \(DNS labels of letters, digits, _ and inner hyphens\) or an IP address/);
  });

  test('cloudMap on a RestGateway names HttpGateway', () => {
    const stack = testStack();
    const namespace = new servicediscovery.PrivateDnsNamespace(stack, 'Ns', { name: 'svc.local', vpc: vpcIn(stack) });
    const service = namespace.createService('Svc');
    expect(() => new RestGateway(stack, 'Api').addRoute('GET /svc', Integration.cloudMap(service)))
      .toThrow(/\[UnsupportedCombination\] addRoute\('GET \/svc'\) cannot use Integration.cloudMap on a RestGateway, got "GET \/svc"; REST APIs cannot reach Cloud Map services: use an HttpGateway/);
  });
});
