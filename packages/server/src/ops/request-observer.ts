import type { ServerMetrics } from './metrics.js';
import type { LogEntry } from './logger.js';

// The operation a routed request reached, set by the router (see `markOperation`).
const operations = new WeakMap<Request, string>();

/** Records which operation of the document a request reached, for its log line and metrics. */
export function markOperation(request: Request, operationId: string): void {
  operations.set(request, operationId);
}

type Fetch = (request: Request, ...rest: never[]) => Response | Promise<Response>;

/** The operation label of a request: its operationId, the probe or page it asked for, or `other`. */
function operationOf(request: Request, path: string): string {
  const marked = operations.get(request);
  if (marked) return marked;
  if (path === '/healthz' || path === '/readyz' || path === '/metrics') return path.slice(1);
  if (path.startsWith('/api/')) return 'unrouted';
  if (path.startsWith('/cdn/')) return 'cdn';
  if (path === '/openapi.yaml' || path.startsWith('/docs')) return 'docs';
  return 'site';
}

/**
 * Wraps the app's fetch so that every request writes one log line (operation, method, status, duration,
 * request id) and counts in the metrics. The line never holds the query string, headers or bodies, which
 * carry ID numbers, mobiles, query codes and tokens.
 */
export function observeRequests<F extends Fetch>(
  fetch: F,
  log: (entry: LogEntry) => void,
  metrics: ServerMetrics | undefined,
): F {
  const observed = async (request: Request, ...rest: never[]) => {
    const started = performance.now();
    const response = await fetch(request, ...rest);
    const seconds = (performance.now() - started) / 1000;
    // Node's own request when there is one: reading it does not build the Fetch request.
    const incoming = (rest[0] as { incoming?: { url?: string; method?: string } } | undefined)?.incoming;
    const url = incoming?.url ?? request.url;
    const path = (incoming ? url : url.slice(url.indexOf('/', url.indexOf('//') + 2))).split('?')[0]!;
    const method = incoming?.method ?? request.method;
    const operation = operationOf(request, path);
    const status = response.status;
    const replayed = response.headers.get('idempotent-replayed') === 'true';
    metrics?.observe({ operation, status, seconds, replayed });
    // Probes arrive every few seconds from each load balancer; only their failures are worth a line.
    if ((operation === 'healthz' || operation === 'readyz' || operation === 'metrics') && status < 400)
      return response;
    log({
      level: status >= 500 ? 'error' : 'info',
      message: 'request',
      operation,
      method,
      status,
      durationMs: Math.round(seconds * 10_000) / 10,
      requestId: response.headers.get('x-request-id') ?? undefined,
      ...(replayed ? { replayed } : {}),
    });
    return response;
  };
  return observed as F;
}
