import type { IncomingMessage } from 'node:http';
import { negotiateLocale } from '../i18n/locale.js';
import { requestIdOf } from '../http/request-id.js';
import type { CorsHeaders } from '../http/cors.js';
import { cachedAnswer } from './item-answer.js';
import type { ItemCache } from './item-cache.js';
import { apiAnswerHeaders } from '../http/cache-policy.js';

/** What the hot path needs from the app. */
export interface HotItemReadOptions {
  itemCache: ItemCache;
  /** The CORS headers for a request's Origin (see `corsPolicy`). */
  cors: CorsHeaders;
  /** The item code pattern of the document (`components.schemas.ItemCode.pattern`). */
  itemCodePattern: RegExp;
  /** The longest header value the document allows for Accept-Language and If-None-Match. */
  maxHeaderLength: number;
}

const prefix = '/api/v1/items/';

/**
 * GET /api/v1/items/{code} of an item guide already in the cache, answered before routing: the same
 * status, body and headers as `getItem` (ETag/304, Content-Language, Vary, X-Request-Id, CORS), without the
 * per-request validation, Fetch objects and async steps. Only requests that are plainly valid take this
 * path — a well-formed code with no query, header values within the document's limits, a fresh cache
 * entry; anything else (unknown or malformed codes, HEAD, long headers) answers `undefined` and goes
 * through the app as before.
 */
export function hotItemRead(
  options: HotItemReadOptions,
): (request: Request, env: unknown) => Response | undefined {
  const { itemCache, cors, itemCodePattern, maxHeaderLength } = options;
  return (request, env) => {
    const incoming = (env as { incoming?: IncomingMessage } | undefined)?.incoming;
    let path: string;
    let header: (name: string) => string | undefined;
    if (incoming) {
      if (incoming.method !== 'GET') return undefined;
      path = incoming.url ?? '';
      const headers = incoming.headers;
      header = (name) => headers[name] as string | undefined;
    } else {
      if (request.method !== 'GET') return undefined;
      const url = request.url;
      path = url.slice(url.indexOf('/', url.indexOf('//') + 2));
      header = (name) => request.headers.get(name) ?? undefined;
    }
    if (!path.startsWith(prefix)) return undefined;
    const code = path.slice(prefix.length);
    if (!itemCodePattern.test(code)) return undefined;
    const acceptLanguage = header('accept-language');
    const ifNoneMatch = header('if-none-match');
    if (
      (acceptLanguage !== undefined && !plain(acceptLanguage, maxHeaderLength)) ||
      (ifNoneMatch !== undefined && !plain(ifNoneMatch, maxHeaderLength))
    ) {
      return undefined;
    }
    const locale = negotiateLocale(acceptLanguage);
    const found = itemCache.peek(`item:${locale}:${code}`);
    if (!found) return undefined;
    const requestId = requestIdOf(header('x-request-id'));
    // Localised: Vary carries Accept-Language (with Origin when CORS applies), precomputed per origin.
    const corsHeaders = cors(header('origin'), true);
    const answer = cachedAnswer(found, ifNoneMatch);
    const headers = {
      'X-Request-Id': requestId,
      'Content-Language': locale,
      ...corsHeaders,
      ...apiAnswerHeaders,
      ...answer.headers,
    };
    if (answer.status === 304) return new Response(null, { status: 304, headers });
    found.bytes ??= Buffer.from(found.body);
    return new Response(found.bytes, {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    });
  };
}

/** Within the length limit and free of U+0000 (which the ordinary path refuses). */
function plain(value: string, maxLength: number): boolean {
  return value.length <= maxLength && !value.includes('\u0000');
}
