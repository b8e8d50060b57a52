import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';
import { ProblemError } from './problem.js';
import { canonicalJson } from './canonical-json.js';
import { ReplaySealer } from '../security/replay-seal.js';

/** What a handler answers; stored so a retry with the same key gets the very same answer. */
export interface StoredResponse {
  status: number;
  body: string;
  headers: Record<string, string>;
}

/** The outcome of an idempotent call: the response and whether it is a replay. */
export interface IdempotentResult extends StoredResponse {
  replayed: boolean;
}

/** A stable hash of a request body (JSON canonicalised by key order) for comparing retries. */
export function hashRequest(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

// Without a server secret the replay is still sealed under the Idempotency-Key alone.
const unsaltedSealer = new ReplaySealer(Buffer.alloc(0));

/**
 * Runs `handler` once per (scope, key). The key row is inserted first, inside the handler's
 * transaction: a concurrent duplicate blocks on the unique key until the first commits, then reads
 * and replays its stored response. The same key with a different body is a 422. When the handler
 * throws, the transaction (and the key) rolls back, so a corrected retry may reuse the key.
 * Without a key the handler just runs in a transaction. The key is stored as a digest and the response
 * sealed under a key derived from it (see `ReplaySealer`), so the table never holds what a create
 * answered (query codes, tokens) in clear.
 */
export async function runIdempotent(
  db: Kysely<DatabaseSchema>,
  request: { scope: string; key: string | undefined; requestHash: string; sealer?: ReplaySealer },
  handler: (trx: Transaction<DatabaseSchema>) => Promise<StoredResponse>,
): Promise<IdempotentResult> {
  const { scope, key: clientKey, requestHash } = request;
  const sealer = request.sealer ?? unsaltedSealer;
  if (!clientKey) {
    const response = await db.transaction().execute(handler);
    return { ...response, replayed: false };
  }
  const key = sealer.digest(scope, clientKey);
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('idempotency_keys')
      .values({ scope, key, request_hash: requestHash, status: 0, body: '', headers: '{}' })
      .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!inserted) {
      const existing = await trx
        .selectFrom('idempotency_keys')
        .select(['request_hash', 'status', 'body', 'headers'])
        .where('scope', '=', scope)
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      if (existing.request_hash !== requestHash) {
        throw new ProblemError(422, 'idempotency_key_reused', { detailKey: 'problem.idempotencyMismatch' });
      }
      const stored = JSON.parse(sealer.open(scope, clientKey, existing.body)) as Omit<
        StoredResponse,
        'status'
      >;
      return { status: existing.status, body: stored.body, headers: stored.headers, replayed: true };
    }
    const response = await handler(trx);
    // Keys are kept at least 24 hours; older ones are swept now and then instead of by a separate job.
    if (Math.random() < 0.005) {
      await trx
        .deleteFrom('idempotency_keys')
        .where('created_at', '<', new Date(Date.now() - 48 * 3_600_000))
        .execute();
    }
    await trx
      .updateTable('idempotency_keys')
      .set({
        status: response.status,
        body: sealer.seal(
          scope,
          clientKey,
          JSON.stringify({ body: response.body, headers: response.headers }),
        ),
        headers: '{}',
      })
      .where('scope', '=', scope)
      .where('key', '=', key)
      .execute();
    return { ...response, replayed: false };
  });
}
