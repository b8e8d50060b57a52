import type { IncomingMessage } from 'node:http';
import type { Locale } from '../i18n/locale.js';
import type { OperationSpec } from '../openapi/validator.js';
import { apiAnswerHeaders } from './cache-policy.js';
import type { CorsHeaders } from './cors.js';
import { requestIdOf } from './request-id.js';

/**
 * A GET request as the paths answered before routing read it (see `hotItemRead`, `hotSearchRead`): its
 * path with the query string, and its headers, from Node's own request when there is one, so no Fetch
 * objects are built.
 */
export interface PlainGet {
  /** The path and query string as sent, e.g. `/api/v1/items?q=%E8%AF%81`. */
  path: string;
  header(name: string): string | undefined;
}

/** The request as a {@link PlainGet}, or undefined when it is not a GET. */
export function plainGet(request: Request, env: unknown): PlainGet | undefined {
  const incoming = (env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming) {
    if (incoming.method !== 'GET') return undefined;
    const headers = incoming.headers;
    return { path: incoming.url ?? '', header: (name) => headers[name] as string | undefined };
  }
  if (request.method !== 'GET') return undefined;
  const url = request.url;
  return {
    path: url.slice(url.indexOf('/', url.indexOf('//') + 2)),
    header: (name) => request.headers.get(name) ?? undefined,
  };
}

/** Within the length limit and free of U+0000 (which the ordinary path refuses). */
export function plainHeader(value: string, maxLength: number): boolean {
  return value.length <= maxLength && !value.includes('\u0000');
}

/**
 * The longest value a path answered before routing may take for an operation's header parameters
 * without validating them: their schemas' `maxLength`, or -1 (never) when a header schema says more
 * than type and length.
 */
export function plainHeaderLimit(operation: OperationSpec | undefined): number {
  if (!operation) return -1;
  let limit = Number.POSITIVE_INFINITY;
  for (const parameter of operation.parameters) {
    if (parameter.in !== 'header') continue;
    const { type, maxLength, default: _default, description: _description, ...rest } = parameter.schema;
    if (type !== 'string' || typeof maxLength !== 'number' || Object.keys(rest).length > 0) return -1;
    limit = Math.min(limit, maxLength);
  }
  return limit;
}

/**
 * The headers of a localised public answer, as the routed operation sends them: the request id, the
 * language, CORS (with `Vary: Accept-Language`) and the API's own.
 */
export function localisedAnswerHeaders(
  request: PlainGet,
  cors: CorsHeaders,
  locale: Locale,
): Record<string, string> {
  return {
    'X-Request-Id': requestIdOf(request.header('x-request-id')),
    'Content-Language': locale,
    ...cors(request.header('origin'), true),
    ...apiAnswerHeaders,
  };
}
