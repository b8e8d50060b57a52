import type { Context } from 'hono';
import type { Kysely, Transaction } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';
import type { Locale } from '../i18n/locale.js';
import type { OperationSpec } from '../openapi/validator.js';
import type { AppServices } from '../services.js';
import type { Answer, OperationId, RequestOf } from './contract.js';
import type { StoredResponse } from './idempotency.js';
import type {
  CompanyPrincipal,
  ResidentPrincipal,
  ServicePrincipal,
  StaffPrincipal,
} from '../identity/principal.js';

/**
 * Who is calling, from `Authorization: Bearer …` (see `resolveCaller`): staff are named people signed in
 * at the identity platform, machines named service accounts.
 */
export type Caller =
  | { kind: 'anonymous' }
  | { kind: 'staff'; principal: StaffPrincipal }
  | { kind: 'applicant'; token: string }
  | { kind: 'person'; principal: ResidentPrincipal | CompanyPrincipal }
  | { kind: 'service'; principal: ServicePrincipal };

/** What every handler is given besides its request: the caller, the locale and the services. */
export interface CallContext {
  c: Context;
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

/** Everything the handler of operation `Id` needs: its validated, typed request and the call's context. */
export interface OperationContext<Id extends OperationId = OperationId> extends CallContext {
  operation: OperationSpec;
  request: RequestOf<Id>;
}

/** A read or a non-idempotent operation: answers one of the operation's declared responses. */
export type OperationHandler<Id extends OperationId> = (ctx: OperationContext<Id>) => Promise<Answer<Id>>;

/**
 * A POST that changes data: runs inside the idempotency transaction and answers a response that is
 * stored, so a retry with the same key replays it exactly.
 */
export interface IdempotentHandler<Id extends OperationId> {
  idempotent: true;
  /** What identifies the request for the replay check; defaults to the parsed JSON body and path. */
  fingerprint?: (ctx: OperationContext<Id>) => Promise<unknown>;
  /**
   * Checks the caller's access before the transaction starts (so failed lookups are counted even
   * though the transaction rolls back, and a replay is only shown to someone allowed to see it).
   */
  authorise?: (ctx: OperationContext<Id>) => Promise<void>;
  run: (ctx: OperationContext<Id>, trx: Transaction<DatabaseSchema>) => Promise<Answer<Id>>;
  /**
   * Runs once the transaction has committed, and not for a replay: what must not happen unless the
   * change stands, and may not use the transaction (e.g. a text message through the notifier).
   */
  afterCommit?: (ctx: OperationContext<Id>) => Promise<void>;
}

/** The handler of operation `Id`. */
export type Handler<Id extends OperationId> = OperationHandler<Id> | IdempotentHandler<Id>;

/** A handler for every operation of the document: a missing one, or a wrong answer, fails the build. */
export type HandlerTable = { [Id in OperationId]: Handler<Id> };

/** The handlers of one resource: a part of the table, each under its own operationId. */
export type Handlers<Ids extends OperationId> = { [Id in Ids]: Handler<Id> };

/** A 200 answer: the common case of a read. */
export function ok<Body>(body: Body): { status: 200; body: Body } {
  return { status: 200, body };
}

/**
 * Responses that already carry `baseHeaders`. The app leaves their headers alone, so @hono/node-server
 * can send them without building a full Response object.
 */
export const completeResponses = new WeakSet<Response>();

/** Any operation's answer, as the router sends it. */
export type AnyAnswer = { status: number; body?: unknown; headers?: Record<string, string> };

function bodyText(answer: AnyAnswer): string | null {
  if (answer.body === undefined) return null;
  return typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
}

/**
 * An answer as a Response with the base headers set up front: JSON, bytes (a file, with its own
 * `content-type` among the answer's headers), or empty for 204 and 304.
 */
export function answerResponse(baseHeaders: Record<string, string>, answer: AnyAnswer): Response {
  const body = answer.body instanceof Uint8Array ? answer.body : bodyText(answer);
  const response = new Response(body, {
    status: answer.status,
    headers:
      body === null
        ? { ...baseHeaders, ...answer.headers }
        : { 'content-type': 'application/json; charset=utf-8', ...baseHeaders, ...answer.headers },
  });
  completeResponses.add(response);
  return response;
}

/** An answer in the stored-response form an idempotent call keeps for its replays. */
export function storedResponse(
  answer: AnyAnswer,
  defaultHeaders: Record<string, string> = {},
): StoredResponse {
  return {
    status: answer.status,
    body: bodyText(answer) ?? '',
    headers: { 'content-type': 'application/json; charset=utf-8', ...defaultHeaders, ...answer.headers },
  };
}

/** Turns a stored response into a Response. */
export function toResponse(stored: StoredResponse, extraHeaders: Record<string, string> = {}): Response {
  return new Response(stored.status === 204 || stored.status === 304 ? null : stored.body, {
    status: stored.status,
    headers: { ...stored.headers, ...extraHeaders },
  });
}
