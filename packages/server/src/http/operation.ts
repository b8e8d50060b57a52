import type { Context } from 'hono';
import type { Kysely, Transaction } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';
import type { Locale } from '../i18n/locale.js';
import type { ValidatedRequest } from '../openapi/request.js';
import type { OperationSpec } from '../openapi/validator.js';
import type { AppServices } from '../services.js';
import type { StoredResponse } from './idempotency.js';

/** Who is calling, from `Authorization: Bearer …`. */
export type Caller = { kind: 'anonymous' } | { kind: 'staff' } | { kind: 'applicant'; token: string };

/** Everything a handler needs: the validated request, the caller, the locale and the services. */
export interface OperationContext {
  c: Context;
  operation: OperationSpec;
  request: ValidatedRequest;
  caller: Caller;
  locale: Locale;
  db: Kysely<DatabaseSchema>;
  services: AppServices;
  /** The client's address, for rate limits. */
  client: string;
  now: Date;
  /** X-Request-Id, Content-Language and CORS headers every API answer carries. */
  baseHeaders: Record<string, string>;
  /** Headers a check adds to the answer, whatever the handler builds (e.g. the lookup rate limit). */
  responseHeaders: Record<string, string>;
}

/**
 * Responses that already carry `baseHeaders`. The app leaves their headers alone, so @hono/node-server
 * can send them without building a full Response object (the hot reads use this).
 */
export const completeResponses = new WeakSet<Response>();

/** A JSON (or empty) answer with the base headers set up front. */
export function fastResponse(
  ctx: OperationContext,
  status: number,
  body: string | null,
  headers: Record<string, string> = {},
): Response {
  const response = new Response(body, {
    status,
    headers:
      body === null
        ? { ...ctx.baseHeaders, ...headers }
        : { 'content-type': 'application/json; charset=utf-8', ...ctx.baseHeaders, ...headers },
  });
  completeResponses.add(response);
  return response;
}

/** A read or a non-idempotent operation: answers a Response. */
export type OperationHandler = (ctx: OperationContext) => Promise<Response>;

/**
 * A POST that changes data: runs inside the idempotency transaction and answers a stored response, so
 * a retry with the same key replays it exactly.
 */
export interface IdempotentHandler {
  idempotent: true;
  /** What identifies the request for the replay check; defaults to the parsed JSON body and path. */
  fingerprint?: (ctx: OperationContext) => Promise<unknown>;
  /**
   * Checks the caller's access before the transaction starts (so failed lookups are counted even
   * though the transaction rolls back, and a replay is only shown to someone allowed to see it).
   */
  authorise?: (ctx: OperationContext) => Promise<void>;
  run: (ctx: OperationContext, trx: Transaction<DatabaseSchema>) => Promise<StoredResponse>;
}

/** The handlers of one resource, by operationId. */
export type HandlerTable = Record<string, OperationHandler | IdempotentHandler>;

/** A JSON answer (status, body, extra headers) in the stored-response form. */
export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): StoredResponse {
  return {
    status,
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  };
}

/** Turns a stored response into a Response. */
export function toResponse(stored: StoredResponse, extraHeaders: Record<string, string> = {}): Response {
  return new Response(stored.status === 204 || stored.status === 304 ? null : stored.body, {
    status: stored.status,
    headers: { ...stored.headers, ...extraHeaders },
  });
}
