import { jsonText, type SerialisedJson } from '../http/contract.js';
import type { CachedRepresentation } from './item-cache.js';

/** Whether an `If-None-Match` header names the ETag (or `*`). */
function etagMatches(header: string, etag: string): boolean {
  if (header === etag || header === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * The answer to a read of a cached guide or form, for the routed read and the fast path alike: 304
 * when the client's ETag still matches, else the JSON with its ETag.
 */
export function cachedAnswer<Body>(
  found: CachedRepresentation,
  ifNoneMatch: string | undefined,
):
  | { status: 304; body: undefined; headers: Record<string, string> }
  | {
      status: 200;
      body: SerialisedJson<Body>;
      headers: Record<string, string>;
    } {
  if (ifNoneMatch !== undefined && etagMatches(ifNoneMatch, found.etag)) {
    return { status: 304, body: undefined, headers: { ETag: found.etag } };
  }
  return {
    status: 200,
    body: jsonText<Body>(found.body),
    headers: { ETag: found.etag, 'cache-control': 'no-cache' },
  };
}
