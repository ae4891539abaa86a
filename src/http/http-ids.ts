import { createHash } from 'crypto';
import { HttpRouteKey } from '../core/route-key';

/** A short, stable digest for construct IDs. */
export function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8).toUpperCase();
}

/**
 * The construct ID of a route, from its key alone: readable words plus a digest of the exact
 * key, so `GET /orders/{id}` and `GET /orders/id` never collide. `GET /orders/{id}` →
 * `GetOrdersId` + digest; `$default` → `Default` + digest.
 */
export function routeId(route: HttpRouteKey): string {
  const words = route.key.split(/[^A-Za-z0-9]+/).filter(w => w.length > 0);
  const readable = words.map(w => w[0].toUpperCase() + w.slice(1).toLowerCase()).join('');
  return `${readable}${digest(route.key)}`;
}
