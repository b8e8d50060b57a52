/**
 * Tells a request the API's CORS policy refused from one the network lost. A browser reports both as the
 * same TypeError; but when a `no-cors` request to the same URL gets an answer (an opaque one), the server
 * is up and refused this page's origin. Then the console says what to configure, once per API origin.
 */

/** The error a refused cross-origin request fails with (wrapped by the SDK as a connection error). */
export class CorsRefusalError extends TypeError {
  override readonly name = 'CorsRefusalError';
}

/** Whether `error` (or the error it wraps) is a CORS refusal; by name, so any copy of this code agrees. */
export function isCorsRefusal(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 3; depth++) {
    if ((current as { name?: unknown }).name === 'CorsRefusalError') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** One probe per API origin and page: the answer does not change while the page is open. */
const probes = new Map<string, Promise<boolean>>();

function answers(url: URL): Promise<boolean> {
  let probe = probes.get(url.origin);
  if (!probe) {
    probe = fetch(url.href, { mode: 'no-cors', credentials: 'omit', cache: 'no-store' }).then(
      () => {
        console.warn(
          `[banshi] The API at ${url.origin} refused requests from this page (${location.origin}): its CORS ` +
            `policy does not allow this origin. Add ${location.origin} to BANSHI_ALLOWED_ORIGINS on the ` +
            `server (a comma-separated list); in development, npm start allows any origin.`,
        );
        return true;
      },
      () => false,
    );
    probes.set(url.origin, probe);
  }
  return probe;
}

/** `fetch` that fails with {@link CorsRefusalError} when the API is reachable but refused this origin. */
export function corsAwareFetch(base: typeof fetch = (...args) => fetch(...args)): typeof fetch {
  return async (input, init) => {
    try {
      return await base(input, init);
    } catch (error) {
      const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
      if (!(error instanceof TypeError) || signal?.aborted || typeof location === 'undefined') throw error;
      const url = new URL(input instanceof Request ? input.url : String(input), location.href);
      if (url.origin === location.origin || !(await answers(url))) throw error;
      throw new CorsRefusalError(`${url.origin} refused this origin (CORS)`, { cause: error });
    }
  };
}
