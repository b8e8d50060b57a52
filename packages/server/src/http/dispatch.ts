import type { Transaction } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';
import type { ValidatedRequest } from '../openapi/request.js';
import type { OperationId, RequestOf } from './contract.js';
import { hashRequest, runIdempotent } from './idempotency.js';
import {
  answerResponse,
  storedResponse,
  toResponse,
  type AnyAnswer,
  type CallContext,
  type HandlerTable,
  type OperationContext,
} from './operation.js';
import { requestHeader } from './headers.js';
import type { OperationSpec } from '../openapi/validator.js';

/**
 * A handler with its operation forgotten, as the router holds it. Every handler of the table is one
 * (its context asks for no more than the router gives), so no cast is needed to store one.
 */
type RoutedContext = OperationContext<never>;
type RoutedHandler =
  | ((ctx: RoutedContext) => Promise<AnyAnswer>)
  | {
      idempotent: true;
      fingerprint?: (ctx: RoutedContext) => Promise<unknown>;
      authorise?: (ctx: RoutedContext) => Promise<void>;
      run: (ctx: RoutedContext, trx: Transaction<DatabaseSchema>) => Promise<AnyAnswer>;
      afterCommit?: (ctx: RoutedContext) => Promise<void>;
    };

/** The handler of an operation of the loaded document, if the table has one. */
export function handlerOf(handlers: HandlerTable, operationId: string): RoutedHandler | undefined {
  return isOperationId(handlers, operationId) ? handlers[operationId] : undefined;
}

function isOperationId(handlers: HandlerTable, id: string): id is OperationId {
  return Object.hasOwn(handlers, id);
}

/**
 * Answers one call of `operation` with its validated request: runs its handler (an idempotent one
 * inside its key's transaction) and turns the declared answer into a Response.
 */
export async function dispatch(
  call: CallContext,
  operation: OperationSpec,
  handler: RoutedHandler,
  validated: ValidatedRequest,
): Promise<Response> {
  // The document's validation is what makes the request the operation's typed request.
  const ctx: RoutedContext = { ...call, operation, request: validated as RequestOf<never> };
  if (typeof handler === 'function') {
    const answer = await handler(ctx);
    // Read after the handler, whose checks (e.g. the lookup rate limit) add to them.
    return answerResponse({ ...ctx.baseHeaders, ...ctx.responseHeaders }, answer);
  }
  if (handler.authorise) await handler.authorise(ctx);
  const fingerprint = handler.fingerprint
    ? await handler.fingerprint(ctx)
    : { path: validated.path, body: validated.body };
  const result = await runIdempotent(
    ctx.db,
    {
      scope: operation.operationId,
      key: requestHeader(call.c, 'idempotency-key'),
      requestHash: hashRequest(fingerprint),
      sealer: ctx.services.replaySealer,
    },
    async (trx) => storedResponse(await handler.run(ctx, trx), { 'Content-Language': ctx.locale }),
  );
  if (!result.replayed && handler.afterCommit) await handler.afterCommit(ctx);
  // The call's own headers, not the stored ones: a replay reports today's rate limit.
  const response = toResponse(result, {
    ...ctx.responseHeaders,
    ...(result.replayed ? { 'Idempotent-Replayed': 'true' } : {}),
  });
  // Responses stored before every answer named its language.
  if (!response.headers.has('content-language')) response.headers.set('Content-Language', ctx.locale);
  return response;
}
