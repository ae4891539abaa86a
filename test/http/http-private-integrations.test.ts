import {
  Duration, Stack, aws_ec2 as ec2, aws_elasticloadbalancingv2 as elbv2, aws_servicediscovery as servicediscovery,
} from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { HttpGateway, Integration, RestGateway } from '../../src';
import { logicalIds, testStack } from '../support/app';

function vpcIn(stack: Stack, id = 'Vpc'): ec2.Vpc {
  return (stack.node.tryFindChild(id) as ec2.Vpc | undefined) ?? new ec2.Vpc(stack, id, {
    maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
  });
}

function albListener(stack: Stack, vpc = vpcIn(stack), port = 80): elbv2.ApplicationListener {
  const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc });
  return alb.addListener('Http', { port, open: false, defaultAction: elbv2.ListenerAction.fixedResponse(200) });
}

function nlbWithListener(stack: Stack, port = 80): elbv2.NetworkLoadBalancer {
  const nlb = new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc: vpcIn(stack) });
  const group = new elbv2.NetworkTargetGroup(stack, `Targets${port}`, { vpc: nlb.vpc!, port, targetType: elbv2.TargetType.IP });
  nlb.addListener(`Tcp${port}`, { port, defaultTargetGroups: [group] });
  return nlb;
}

function cloudMapService(stack: Stack, vpc: ec2.IVpc): servicediscovery.Service {
  return new servicediscovery.PrivateDnsNamespace(stack, 'Ns', { name: 'shop.internal', vpc }).createService('Inventory');
}

function integrations(t: Template) {
  return Object.values(t.findResources('AWS::ApiGatewayV2::Integration')).map(r => r.Properties);
}

/** What every private integration on an HTTP API looks like, whatever the target. */
const PRIVATE_PROXY = {
  IntegrationType: 'HTTP_PROXY',
  ConnectionType: 'VPC_LINK',
  ConnectionId: { Ref: Match.stringLikeRegexp('^GatehouseVpcLinkV2') },
  PayloadFormatVersion: '1.0',
  RequestParameters: { 'overwrite:path': '$request.path' },
};

describe('Integration.privateAlb on HttpGateway', () => {
  test('default: HTTP proxy to the listener ARN through the VPC\'s link v2, payload 1.0, the route\'s method', () => {
    const stack = testStack();
    const listener = albListener(stack);
    new HttpGateway(stack, 'Api').addRoute('GET /legacy/{proxy+}', Integration.privateAlb(listener));
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::ApiGatewayV2::VpcLink', 1);
    t.hasResourceProperties('AWS::ApiGatewayV2::VpcLink', {
      SubnetIds: [{ Ref: Match.stringLikeRegexp('^VpcprivateSubnet1') }, { Ref: Match.stringLikeRegexp('^VpcprivateSubnet2') }],
    });
    t.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      ...PRIVATE_PROXY,
      IntegrationMethod: 'GET',
      IntegrationUri: { Ref: Match.stringLikeRegexp('^AlbHttp') },
    });
    expect(integrations(t)[0].TimeoutInMillis).toBeUndefined();
    t.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'GET /legacy/{proxy+}',
      Target: { 'Fn::Join': ['', ['integrations/', { Ref: Match.stringLikeRegexp('^ApiIntegrationsTestAlbHttp') }]] },
    });
  });

  test('with method and timeout; ANY routes forward the client\'s method', () => {
    const stack = testStack();
    const listener = albListener(stack);
    const api = new HttpGateway(stack, 'Api');
    api.addRoute('POST /search', Integration.privateAlb(listener, { method: 'GET', timeout: Duration.seconds(5) }));
    api.addRoute('ANY /orders/{proxy+}', Integration.privateAlb(listener), { timeout: Duration.seconds(2) });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ApiGatewayV2::Integration', { IntegrationMethod: 'GET', TimeoutInMillis: 5000 });
    t.hasResourceProperties('AWS::ApiGatewayV2::Integration', { IntegrationMethod: 'ANY', TimeoutInMillis: 2000 });
  });

  test('routes with the same listener and settings share one integration; every route shares the link', () => {
    const stack = testStack();
    const listener = albListener(stack);
    const api = new HttpGateway(stack, 'Api');
    api.addRoute('GET /a', Integration.privateAlb(listener));
    api.addRoute('GET /b/{id}', Integration.privateAlb(listener));
    api.addRoute('POST /a', Integration.privateAlb(listener));
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::ApiGatewayV2::Integration', 2);
    t.resourceCountIs('AWS::ApiGatewayV2::VpcLink', 1);
  });

  test('an imported listener needs vpc; subnets pick another link', () => {
    const stack = testStack();
    const vpc = vpcIn(stack);
    const imported = elbv2.ApplicationListener.fromApplicationListenerAttributes(stack, 'Imported', {
      listenerArn: 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:listener/app/shop/0123456789abcdef/0123456789abcdef',
      securityGroup: ec2.SecurityGroup.fromSecurityGroupId(stack, 'Sg', 'sg-0123456789abcdef0'),
    });
    const api = new HttpGateway(stack, 'Api');
    expect(() => api.addRoute('GET /a', Integration.privateAlb(imported)))
      .toThrow(/\[InvalidIntegration\] addRoute\('GET \/a'\) Integration.privateAlb vpc is required for a listener whose load balancer is not known .*pass the load balancer's VPC as vpc/);
    api.addRoute('GET /b', Integration.privateAlb(imported, { vpc, subnets: { availabilityZones: [vpc.availabilityZones[0]] } }));
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ApiGatewayV2::Integration', { IntegrationUri: imported.listenerArn });
    t.hasResourceProperties('AWS::ApiGatewayV2::VpcLink', { SubnetIds: [{ Ref: Match.stringLikeRegexp('^VpcprivateSubnet1') }] });
  });

  test('throws when port is not the listener\'s, or a networkListener is given', () => {
    const stack = testStack();
    const listener = albListener(stack, undefined, 8080);
    const api = new HttpGateway(stack, 'Api');
    expect(() => api.addRoute('GET /a', Integration.privateAlb(listener, { port: 80 })))
      .toThrow(/\[InvalidIntegration\] addRoute\('GET \/a'\) Integration.privateAlb port must match the port of the listener it sends to \(Test\/Alb\/Http listens on 8080\), got 80; set port to 8080 or leave it out/);
    const nlbListener = nlbWithListener(stack).node.findChild('Tcp80') as elbv2.NetworkListener;
    // Not in PrivateAlbIntegrationOptions: as plain JavaScript passes it.
    expect(() => api.addRoute('GET /b', Integration.privateAlb(listener, { networkListener: nlbListener } as object)))
      .toThrow(/\[InvalidIntegration\] addRoute\('GET \/b'\) Integration.privateAlb networkListener is not used by Integration.privateAlb/);
    api.addRoute('GET /c', Integration.privateAlb(listener, { port: 8080 }));
  });

  test.each([['a method API Gateway does not know', { method: 'FETCH' }, /method must be one of ANY, GET/], ['a timeout over 29 s', { timeout: Duration.seconds(30) }, /\[InvalidTimeout\]/]])(
    'throws on %s', (_name, options, message) => {
      const stack = testStack();
      expect(() => new HttpGateway(stack, 'Api').addRoute('GET /a', Integration.privateAlb(albListener(stack), options))).toThrow(message);
    });
});

describe('Integration.privateNlb on HttpGateway', () => {
  test('default: the load balancer\'s listener on port 80, through a VPC link v2 (not the REST v1 link)', () => {
    const stack = testStack();
    const nlb = nlbWithListener(stack);
    new HttpGateway(stack, 'Api').addRoute('ANY /inventory/{proxy+}', Integration.privateNlb(nlb));
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::ApiGateway::VpcLink', 0);
    t.resourceCountIs('AWS::ApiGatewayV2::VpcLink', 1);
    t.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      ...PRIVATE_PROXY,
      IntegrationMethod: 'ANY',
      IntegrationUri: { Ref: Match.stringLikeRegexp('^NlbTcp80') },
    });
  });

  test('picks the listener on port, or takes the listener given', () => {
    const stack = testStack();
    const nlb = nlbWithListener(stack, 8080);
    const imported = elbv2.NetworkListener.fromNetworkListenerArn(stack, 'Imported',
      'arn:aws:elasticloadbalancing:eu-west-1:111111111111:listener/net/shop/0123456789abcdef/fedcba9876543210');
    const api = new HttpGateway(stack, 'Api');
    api.addRoute('GET /a', Integration.privateNlb(nlb, { port: 8080 }));
    api.addRoute('GET /b', Integration.privateNlb(nlb, { networkListener: imported }));
    const uris = integrations(Template.fromStack(stack)).map(p => p.IntegrationUri);
    expect(uris).toEqual(expect.arrayContaining([{ Ref: expect.stringMatching(/^NlbTcp8080/) }, imported.listenerArn]));
  });

  test('a listener created for the load balancer elsewhere in the stack is found too', () => {
    const stack = testStack();
    const nlb = nlbWithListener(stack, 8080);
    const targets = new elbv2.NetworkTargetGroup(stack, 'Targets9000', { vpc: nlb.vpc!, port: 9000, targetType: elbv2.TargetType.IP });
    new elbv2.NetworkListener(stack, 'Tcp9000', { loadBalancer: nlb, port: 9000, defaultTargetGroups: [targets] });
    new HttpGateway(stack, 'Api').addRoute('GET /a', Integration.privateNlb(nlb, { port: 9000 }));
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Integration', { IntegrationUri: { Ref: Match.stringLikeRegexp('^Tcp9000') } });
  });

  test('throws when no listener is on port, naming the ports there are and the fix', () => {
    const stack = testStack();
    const nlb = nlbWithListener(stack, 8080);
    expect(() => new HttpGateway(stack, 'Api').addRoute('GET /a', Integration.privateNlb(nlb)))
      .toThrow(/\[InvalidIntegration\] addRoute\('GET \/a'\) Integration.privateNlb port must be the port of a listener of Test\/Nlb on an HttpGateway, which sends to a listener \(it has listeners on 8080\), got 80; set port to a listener's port, add the listener with nlb.addListener before the route, or pass it as networkListener/);
  });

  test('an imported load balancer needs networkListener and vpc', () => {
    const stack = testStack();
    const nlb = elbv2.NetworkLoadBalancer.fromNetworkLoadBalancerAttributes(stack, 'Imported', {
      loadBalancerArn: 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/net/shop/0123456789abcdef',
    });
    const listener = elbv2.NetworkListener.fromNetworkListenerArn(stack, 'Listener',
      'arn:aws:elasticloadbalancing:eu-west-1:111111111111:listener/net/shop/0123456789abcdef/fedcba9876543210');
    const api = new HttpGateway(stack, 'Api');
    expect(() => api.addRoute('GET /a', Integration.privateNlb(nlb))).toThrow(/no listeners this app added/);
    expect(() => api.addRoute('GET /b', Integration.privateNlb(nlb, { networkListener: listener })))
      .toThrow(/\[InvalidIntegration\] addRoute\('GET \/b'\) Integration.privateNlb vpc is required on an HttpGateway for a load balancer whose VPC is not known/);
    api.addRoute('GET /c', Integration.privateNlb(nlb, { networkListener: listener, vpc: vpcIn(stack) }));
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Integration', { IntegrationUri: listener.listenerArn });
  });

  test('networkListener on a RestGateway is an error naming port', () => {
    const stack = testStack();
    const nlb = nlbWithListener(stack);
    const listener = nlb.node.findChild('Tcp80') as elbv2.NetworkListener;
    expect(() => new RestGateway(stack, 'Rest').addRoute('GET /a', Integration.privateNlb(nlb, { networkListener: listener })))
      .toThrow(/\[UnsupportedCombination\] addRoute\('GET \/a'\) Integration.privateNlb networkListener only applies on an HttpGateway .*set port to the listener's port/);
  });
});

describe('Integration.cloudMap on HttpGateway', () => {
  test('default: HTTP proxy to the service ARN through a link v2 in vpc', () => {
    const stack = testStack();
    const vpc = vpcIn(stack);
    new HttpGateway(stack, 'Api').addRoute('GET /stock/{sku}', Integration.cloudMap(cloudMapService(stack, vpc), { vpc }));
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      ...PRIVATE_PROXY,
      IntegrationMethod: 'GET',
      IntegrationUri: { 'Fn::GetAtt': [Match.stringLikeRegexp('^NsInventory'), 'Arn'] },
    });
  });

  test.each<[string, boolean, object, RegExp]>([
    ['no vpc', false, {}, /\[InvalidIntegration\] addRoute\('GET \/a'\) Integration.cloudMap vpc is required: a Cloud Map service does not name its VPC/],
    ['a port', true, { port: 8080 }, /Integration.cloudMap port is not used by Integration.cloudMap \(API Gateway sends to the address and port each instance registered\), got 8080; remove port/],
    ['a host', true, { host: 'svc.local' }, /Integration.cloudMap host is not used by Integration.cloudMap/],
  ])('throws with %s', (_name, withVpc, options, message) => {
    const stack = testStack();
    const vpc = vpcIn(stack);
    const service = cloudMapService(stack, vpc);
    expect(() => new HttpGateway(stack, 'Api').addRoute('GET /a', Integration.cloudMap(service, { ...(withVpc ? { vpc } : {}), ...options })))
      .toThrow(message);
  });
});

describe('private integrations across gateways', () => {
  test('REST privateAlb and HTTP privateAlb, privateNlb and cloudMap in one VPC share one VPC link v2', () => {
    const stack = testStack();
    const vpc = vpcIn(stack);
    const listener = albListener(stack, vpc);
    const nlb = new elbv2.NetworkLoadBalancer(stack, 'Nlb', { vpc });
    nlb.addListener('Tcp80', { port: 80, defaultTargetGroups: [new elbv2.NetworkTargetGroup(stack, 'Targets', { vpc, port: 80, targetType: elbv2.TargetType.IP })] });
    new RestGateway(stack, 'Rest').addRoute('GET /a', Integration.privateAlb(listener));
    const http = new HttpGateway(stack, 'Http');
    http.addRoute('GET /a', Integration.privateAlb(listener));
    http.addRoute('GET /b', Integration.privateNlb(nlb));
    http.addRoute('GET /c', Integration.cloudMap(cloudMapService(stack, vpc), { vpc }));
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::ApiGatewayV2::VpcLink', 1);
    t.resourceCountIs('AWS::ApiGatewayV2::Integration', 3);
  });

  test('the path: a named stage is not sent to the backend; path parameters and {proxy+} go as the client sent them', () => {
    const stack = testStack();
    const api = new HttpGateway(stack, 'Api', { stageName: 'v1' });
    api.addRoute('GET /orders/{id}', Integration.privateAlb(albListener(stack)));
    api.addRoute('ANY /files/{proxy+}', Integration.privateAlb(stack.node.findChild('Alb').node.findChild('Http') as elbv2.ApplicationListener));
    // `$request.path` is the path the route matched: without the stage's name, which HTTP APIs
    // would otherwise put in front of it for a private integration.
    for (const props of integrations(Template.fromStack(stack))) {
      expect(props.RequestParameters).toEqual({ 'overwrite:path': '$request.path' });
    }
  });

  test('logical IDs come from the target, not from the order of routes', () => {
    const build = (order: string[]) => {
      const stack = testStack();
      const listener = albListener(stack);
      const api = new HttpGateway(stack, 'Api');
      for (const key of order) api.addRoute(key, Integration.privateAlb(listener));
      return logicalIds(stack);
    };
    expect(build(['GET /a', 'GET /b'])).toEqual(build(['GET /b', 'GET /a']));
    expect(build(['GET /a', 'GET /b']).filter(id => id.startsWith('ApiIntegrations'))).toEqual([expect.stringMatching(/^ApiIntegrationsTestAlbHttp[0-9A-F]+$/)]);
  });
});
