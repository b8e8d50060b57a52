import { sql, type Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';

/** A fixed-window limit: at most `limit` counted events per `windowSeconds` per client. */
export interface RateLimitRule {
  scope: string;
  limit: number;
  windowSeconds: number;
}

function windowStart(now: Date, windowSeconds: number): Date {
  const ms = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
}

/**
 * Counters live in the database so several server processes agree. `check` answers how many seconds
 * the client must wait (0 when it may proceed); `record` counts one event (e.g. a failed lookup).
 */
export class RateLimiter {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly rule: RateLimitRule,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * How many more events the client may have in the current window, and the seconds until the window
   * ends (the wait, when nothing remains).
   */
  async state(client: string): Promise<{ remaining: number; resetSeconds: number }> {
    const now = this.clock();
    const start = windowStart(now, this.rule.windowSeconds);
    const row = await this.db
      .selectFrom('rate_limits')
      .select('count')
      .where('scope', '=', this.rule.scope)
      .where('client', '=', client)
      .where('window_start', '=', start)
      .executeTakeFirst();
    return {
      remaining: Math.max(0, this.rule.limit - (row?.count ?? 0)),
      resetSeconds: Math.max(
        1,
        Math.ceil((start.getTime() + this.rule.windowSeconds * 1000 - now.getTime()) / 1000),
      ),
    };
  }

  /** The IETF draft `RateLimit` and `RateLimit-Policy` headers for a state (see the document's headers). */
  headers(state: { remaining: number; resetSeconds: number }): Record<string, string> {
    const { scope, limit, windowSeconds } = this.rule;
    return {
      RateLimit: `"${scope}";r=${Math.max(0, state.remaining)};t=${state.resetSeconds}`,
      'RateLimit-Policy': `"${scope}";q=${limit};w=${windowSeconds}`,
    };
  }

  /** Counts one event for the client in the current window. */
  async record(client: string): Promise<void> {
    const start = windowStart(this.clock(), this.rule.windowSeconds);
    await this.db
      .insertInto('rate_limits')
      .values({ scope: this.rule.scope, client, window_start: start, count: 1 })
      .onConflict((oc) =>
        oc.columns(['scope', 'client', 'window_start']).doUpdateSet({ count: sql`rate_limits.count + 1` }),
      )
      .execute();
    // Old windows are useless; drop them now and then rather than keep a sweeper process.
    if (Math.random() < 0.01) {
      await this.db
        .deleteFrom('rate_limits')
        .where('window_start', '<', new Date(start.getTime() - 86_400_000))
        .execute();
    }
  }
}
