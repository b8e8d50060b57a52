import { createHash, timingSafeEqual } from 'node:crypto';
import type { Hono } from 'hono';
import type { ServerMetrics } from './metrics.js';

/** What the operations routes serve. */
export interface OpsRoutes {
  ready: () => Promise<boolean>;
  metrics: ServerMetrics;
  /** When set, `/metrics` answers only `Authorization: Bearer <token>`. */
  metricsToken?: string;
}

const probeHeaders = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

function sameSecret(presented: string, expected: string): boolean {
  // Digests of equal length, so the comparison takes the same time whatever was presented.
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

/**
 * `/healthz` (the process answers), `/readyz` (it can serve: see `readinessCheck`) and `/metrics`
 * (Prometheus text), outside `/api/v1`, unauthenticated unless a metrics token is set. The probes say
 * only yes or no.
 */
export function routeOps(app: Hono, ops: OpsRoutes): void {
  app.get('/healthz', (c) => c.json({ status: 'ok' }, 200, probeHeaders));
  app.get('/readyz', async (c) =>
    (await ops.ready())
      ? c.json({ status: 'ready' }, 200, probeHeaders)
      : c.json({ status: 'unavailable' }, 503, probeHeaders),
  );
  app.get('/metrics', async (c) => {
    if (ops.metricsToken) {
      const presented = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
      if (!sameSecret(presented, ops.metricsToken))
        return c.json({ status: 'unauthorized' }, 401, { ...probeHeaders, 'www-authenticate': 'Bearer' });
    }
    // A worker whose primary does not answer says so rather than showing its own counts as the total.
    const text = await ops.metrics.scrape().catch(() => undefined);
    if (text === undefined) return c.json({ status: 'unavailable' }, 503, probeHeaders);
    return c.body(text, 200, { ...probeHeaders, 'content-type': ops.metrics.registry.contentType });
  });
}
