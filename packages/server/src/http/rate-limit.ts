import { sql, type Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';

/** A fixed-window limit: at most `limit` counted events per `windowSeconds` per client. */
export interface RateLimitRule {
  scope: string;
  limit: number;
  windowSeconds: number;
  /** The limit's name in the `RateLimit` headers (default: `scope`). */
  policy?: string;
}

function windowStart(now: Date, windowSeconds: number): Date {
  const ms = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
}

/** What {@link RateLimiter.reserve} answers: the count after this event, and whether it is over. */
export interface Reservation {
  count: number;
  over: boolean;
  /** How many more events the client may have in this window (0 when over). */
  remaining: number;
  /** Seconds until the window ends. */
  retryAfter: number;
}

/**
 * Counters live in the database so several server processes agree. `reserve` counts an event and answers
 * the new count in one statement, so concurrent requests can never all see room that only one has;
 * `release` gives a reserved event back (an attempt that turned out fine).
 */
export class RateLimiter {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly rule: RateLimitRule,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * Adds `amount` to the client's count in this window and answers the new count (INSERT … ON CONFLICT
   * DO UPDATE … RETURNING: atomic in PostgreSQL and PGlite alike).
   */
  async reserve(client: string, amount = 1): Promise<Reservation> {
    const now = this.clock();
    const start = windowStart(now, this.rule.windowSeconds);
    const row = await this.db
      .insertInto('rate_limits')
      .values({ scope: this.rule.scope, client, window_start: start, count: amount })
      .onConflict((oc) =>
        oc
          .columns(['scope', 'client', 'window_start'])
          .doUpdateSet({ count: sql`rate_limits.count + ${amount}` }),
      )
      .returning('count')
      .executeTakeFirstOrThrow();
    const retryAfter = Math.max(
      1,
      Math.ceil((start.getTime() + this.rule.windowSeconds * 1000 - now.getTime()) / 1000),
    );
    // Old windows are useless; drop them now and then rather than keep a sweeper process.
    if (Math.random() < 0.01) {
      await this.db
        .deleteFrom('rate_limits')
        .where('window_start', '<', new Date(start.getTime() - 86_400_000))
        .execute();
    }
    return {
      count: row.count,
      over: row.count > this.rule.limit,
      remaining: Math.max(0, this.rule.limit - row.count),
      retryAfter,
    };
  }

  /**
   * The IETF draft `RateLimit` and `RateLimit-Policy` headers (see the document's headers) for a client
   * with `remaining` events left and `resetSeconds` until the window ends.
   */
  headers(remaining: number, resetSeconds: number): Record<string, string> {
    const { scope, policy = scope, limit, windowSeconds } = this.rule;
    return {
      RateLimit: `"${policy}";r=${Math.min(limit, Math.max(0, remaining))};t=${resetSeconds}`,
      'RateLimit-Policy': `"${policy}";q=${limit};w=${windowSeconds}`,
    };
  }

  /** Gives back `amount` reserved in the window that began at or before `reservedAt`'s window. */
  async release(client: string, amount = 1, reservedAt: Date = this.clock()): Promise<void> {
    await this.db
      .updateTable('rate_limits')
      .set({ count: sql`greatest(rate_limits.count - ${amount}, 0)` })
      .where('scope', '=', this.rule.scope)
      .where('client', '=', client)
      .where('window_start', '=', windowStart(reservedAt, this.rule.windowSeconds))
      .execute();
  }
}
