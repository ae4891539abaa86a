/**
 * `respond(event, status, reason, physicalId, data)` for the library's inline custom resource
 * handlers: the response CloudFormation waits for, PUT to its pre-signed URL with Node's
 * `https` (the handlers ship no bundle). Reasons are cut to 500 characters.
 */
export const RESPOND_SOURCE = `
function respond(event, status, reason, physicalId, data) {
  const body = JSON.stringify({
    Status: status, Reason: String(reason).slice(0, 500), PhysicalResourceId: physicalId,
    StackId: event.StackId, RequestId: event.RequestId, LogicalResourceId: event.LogicalResourceId, Data: data || {},
  });
  return new Promise((resolve, reject) => {
    const req = https.request(event.ResponseURL, { method: 'PUT', headers: { 'content-type': '', 'content-length': Buffer.byteLength(body) } }, res => { res.resume(); res.on('end', resolve); });
    req.on('error', reject);
    req.end(body);
  });
}
`;
