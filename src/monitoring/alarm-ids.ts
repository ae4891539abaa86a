import { createHash } from 'crypto';

/**
 * The construct ID of a route's alarm: the metric's word, the route key's words, and a digest
 * of the exact key (so `GET /orders/{id}` and `GET /orders/id` never collide). From the key
 * alone: adding or removing another route never changes it. `('Latency', 'GET /orders/{id}')`
 * → `LatencyGetOrdersId` + digest.
 */
export function routeAlarmId(metricWord: string, routeKey: string): string {
  const words = routeKey.split(/[^A-Za-z0-9]+/).filter(w => w.length > 0);
  const readable = words.map(w => w[0].toUpperCase() + w.slice(1).toLowerCase()).join('');
  const digest = createHash('sha256').update(routeKey).digest('hex').slice(0, 8).toUpperCase();
  return `${metricWord}${readable}${digest}`;
}
