import { negotiateLocale } from '../i18n/locale.js';
import type { CorsHeaders } from '../http/cors.js';
import { localisedAnswerHeaders, plainGet, plainHeader } from '../http/hot-request.js';
import { cachedAnswer } from './item-answer.js';
import type { ItemCache } from './item-cache.js';

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
    const get = plainGet(request, env);
    if (!get?.path.startsWith(prefix)) return undefined;
    const code = get.path.slice(prefix.length);
    if (!itemCodePattern.test(code)) return undefined;
    const acceptLanguage = get.header('accept-language');
    const ifNoneMatch = get.header('if-none-match');
    if (
      (acceptLanguage !== undefined && !plainHeader(acceptLanguage, maxHeaderLength)) ||
      (ifNoneMatch !== undefined && !plainHeader(ifNoneMatch, maxHeaderLength))
    ) {
      return undefined;
    }
    const locale = negotiateLocale(acceptLanguage);
    const found = itemCache.peek(`item:${locale}:${code}`);
    if (!found) return undefined;
    const answer = cachedAnswer(found, ifNoneMatch);
    const headers = { ...localisedAnswerHeaders(get, cors, locale), ...answer.headers };
    if (answer.status === 304) return new Response(null, { status: 304, headers });
    found.bytes ??= Buffer.from(found.body);
    return new Response(found.bytes, {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    });
  };
}
