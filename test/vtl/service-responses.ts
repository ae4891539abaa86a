/**
 * Bodies that AWS services return to API Gateway integrations, used to render every response
 * template the library emits.
 */
export const SERVICE_RESPONSES: { name: string; body: string }[] = [
  { name: 'empty-object', body: '{}' },
  { name: 'sqs-send-message', body: '{"SendMessageResponse":{"ResponseMetadata":{"RequestId":"5e1c0a7b-0000-4000-8000-000000000001"},"SendMessageResult":{"MD5OfMessageBody":"c4ca4238a0b923820dcc509a6f75849b","MessageId":"0b1c2d3e-0000-4000-8000-000000000002"}}}' },
];
