import {
  aws_apigateway as apigw, aws_certificatemanager as acm, aws_cognito as cognito, aws_dynamodb as dynamodb, aws_ec2 as ec2,
  aws_elasticloadbalancingv2 as elbv2, aws_events as events, aws_iam as iam, aws_kinesis as kinesis,
  aws_kinesisfirehose as firehose, aws_kms as kms, aws_lambda as lambda, aws_logs as logs, aws_route53 as route53, aws_s3 as s3,
  aws_secretsmanager as secretsmanager, aws_servicediscovery as servicediscovery, aws_sqs as sqs, aws_stepfunctions as sfn,
} from 'aws-cdk-lib';
import { ref } from '../shape';

/**
 * The aws-cdk-lib interfaces props take, each recognized by an attribute all its
 * implementations have (imported ones included), so a queue passed where a function is due
 * is refused.
 */
export const FUNCTION = ref<lambda.IFunction>('lambda.IFunction', 'functionArn', 'a lambda.Function');
export const QUEUE = ref<sqs.IQueue>('sqs.IQueue', 'queueArn', 'an sqs.Queue');
export const STREAM = ref<kinesis.IStream>('kinesis.IStream', 'streamArn', 'a kinesis.Stream');
export const TABLE = ref<dynamodb.ITable>('dynamodb.ITable', 'tableName', 'a dynamodb.Table (or TableV2)');
export const STATE_MACHINE = ref<sfn.IStateMachine>('sfn.IStateMachine', 'stateMachineArn', 'an sfn.StateMachine');
export const EVENT_BUS = ref<events.IEventBus>('events.IEventBus', 'eventBusArn', 'an events.EventBus');
export const NETWORK_LOAD_BALANCER = ref<elbv2.INetworkLoadBalancer>('elbv2.INetworkLoadBalancer', 'loadBalancerArn', 'an elbv2.NetworkLoadBalancer');
export const APPLICATION_LISTENER = ref<elbv2.IApplicationListener>('elbv2.IApplicationListener', 'listenerArn', 'an elbv2.ApplicationListener');
export const NETWORK_LISTENER = ref<elbv2.INetworkListener>('elbv2.INetworkListener', 'listenerArn', 'an elbv2.NetworkListener');
export const CLOUD_MAP_SERVICE = ref<servicediscovery.IService>('servicediscovery.IService', 'serviceArn', 'a servicediscovery.Service');
export const USER_POOL = ref<cognito.IUserPool>('cognito.IUserPool', 'userPoolId', 'a cognito.UserPool');
export const USER_POOL_CLIENT = ref<cognito.IUserPoolClient>('cognito.IUserPoolClient', 'userPoolClientId', 'a cognito.UserPoolClient');
export const LOG_GROUP = ref<logs.ILogGroup>('logs.ILogGroup', 'logGroupArn', 'a logs.LogGroup');
export const CERTIFICATE = ref<acm.ICertificate>('acm.ICertificate', 'certificateArn', 'an acm.Certificate');
export const HOSTED_ZONE = ref<route53.IHostedZone>('route53.IHostedZone', 'hostedZoneId', 'a route53.HostedZone');
export const KMS_KEY = ref<kms.IKey>('kms.IKey', 'keyArn', 'a kms.Key (or kms.Key.fromKeyArn)');
export const DELIVERY_STREAM = ref<firehose.IDeliveryStream>('firehose.IDeliveryStream', 'deliveryStreamArn', 'a firehose.DeliveryStream');
export const BUCKET = ref<s3.IBucket>('s3.IBucket', 'bucketName', 'an s3.Bucket');
export const VPC = ref<ec2.IVpc>('ec2.IVpc', 'vpcId', 'an ec2.Vpc');
export const INTERFACE_VPC_ENDPOINT = ref<ec2.IInterfaceVpcEndpoint>('ec2.IInterfaceVpcEndpoint', 'vpcEndpointId', 'an ec2.InterfaceVpcEndpoint');
export const SECRET = ref<secretsmanager.ISecret>('secretsmanager.ISecret', 'secretArn', 'a secretsmanager.Secret');
export const API_KEY = ref<apigw.IApiKey>('apigw.IApiKey', 'keyId', 'the key another plan\'s addApiKey returned');
export const GRANTABLE = ref<iam.IGrantable>('iam.IGrantable', 'grantPrincipal', 'a lambda.Function or an iam.Role');
