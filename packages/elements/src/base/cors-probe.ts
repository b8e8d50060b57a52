/**
 * Tells a request the API's CORS policy refused from one the network lost. A browser reports both as the
 * same TypeError; but when a `no-cors` request to the same URL gets an answer (an opaque one), the server
 * is up and refused this page's origin. Then the console says what to configure, once per API origin, and
 * the widget tells the person at the page (`BanshiElement#corsRefusal`). The probe and the words load
 * only after such a failure.
 */
import type { MessageCatalog } from '../i18n/registry.js';

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

let messages: MessageCatalog | undefined;

/** The words of a refusal (key `banshi.failed.cors`), loaded with the probe that found one. */
export const refusalMessages = (): MessageCatalog | undefined => messages;

/** `fetch` that fails with {@link CorsRefusalError} when the API is reachable but refused this origin. */
export function corsAwareFetch(base: typeof fetch = (...args) => fetch(...args)): typeof fetch {
  return async (input, init) => {
    try {
      return await base(input, init);
    } catch (error) {
      const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
      if (!(error instanceof TypeError) || signal?.aborted || typeof location === 'undefined') throw error;
      const url = new URL(input instanceof Request ? input.url : String(input), location.href);
      if (url.origin === location.origin) throw error;
      const refusal = await import('./cors-refusal.js').catch(() => undefined);
      if (!refusal || !(await refusal.answers(url))) throw error;
      messages = refusal.refusalMessages;
      throw new CorsRefusalError(`${url.origin} refused this origin (CORS)`, { cause: error });
    }
  };
}
