import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';
import { ProblemError } from '../http/problem.js';
import { RateLimiter } from '../http/rate-limit.js';

/** A limit of failed query-code lookups: at most `limit` per `windowSeconds`. */
export interface LookupLimit {
  limit: number;
  windowSeconds: number;
}

/** Limits of {@link LookupGuard}. */
export interface LookupLimits {
  /** Failed lookups of one case number, from any address: tight, since this is what guessing needs. */
  perCase: LookupLimit;
  /** Failed lookups from one address, of any case: loose, since a hall or a carrier NAT shares one. */
  perAddress: LookupLimit;
  /** Checks past the address limit that may wait their turn in this process; more get 503. */
  overflowQueue?: number;
}

/** Default limits: 10 failures per case and 100 per address in 10 minutes. */
export const defaultLookupLimits: LookupLimits = {
  perCase: { limit: 10, windowSeconds: 600 },
  perAddress: { limit: 100, windowSeconds: 600 },
};

function rateLimited(seconds: number, headers: Record<string, string>): ProblemError {
  return new ProblemError(429, 'rate_limited', {
    detailKey: 'problem.retryAfter',
    params: { seconds },
    headers: { 'Retry-After': String(seconds), ...headers },
  });
}

/** What {@link LookupGuard.run} answers: whether the check granted access, and the case's limit headers. */
export interface LookupOutcome {
  granted: boolean;
  /** `RateLimit` and `RateLimit-Policy` for the case number's failed-lookup limit after this lookup. */
  headers: Record<string, string>;
}

/** Runs tasks one at a time, with at most `capacity` waiting. */
class SerialLane {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;
  constructor(private readonly capacity: number) {}
  run<T>(task: () => Promise<T>): Promise<T> {
    if (this.waiting >= this.capacity)
      throw new ProblemError(503, 'service_unavailable', {
        titleKey: 'problem.serviceUnavailable',
        detailKey: 'problem.retryAfter',
        params: { seconds: 1 },
        headers: { 'Retry-After': '1' },
      });
    this.waiting++;
    const result = this.tail.then(task).finally(() => this.waiting--);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/**
 * Guards the expensive check of a query code (scrypt). Both counters are incremented, and the new counts
 * read, in one statement each, before any hashing: concurrent wrong codes cannot all slip under a
 * limit. A check that succeeds gives its two counts back, so the counters hold failures (and checks
 * still running).
 *
 * - Past the per-case limit the lookup answers 429 without hashing: a case cannot be guessed at from
 *   many addresses either.
 * - Past the per-address limit the lookup is *not* refused, so a correct code from a shared address
 *   (a hall's Wi-Fi, a carrier NAT) still gets through; its check waits for a single lane of this process
 *   instead, so everything past the address limit together costs at most one hashing at a time.
 */
export class LookupGuard {
  private readonly perCase: RateLimiter;
  private readonly perAddress: RateLimiter;
  private readonly lane: SerialLane;

  constructor(
    db: Kysely<DatabaseSchema>,
    limits: LookupLimits,
    private readonly clock: () => Date,
  ) {
    this.perCase = new RateLimiter(
      db,
      { scope: 'case-lookup:case', policy: 'case-lookup', ...limits.perCase },
      clock,
    );
    this.perAddress = new RateLimiter(db, { scope: 'case-lookup:address', ...limits.perAddress }, clock);
    this.lane = new SerialLane(limits.overflowQueue ?? 64);
  }

  /**
   * Runs `check` for `caseNumber` from `client` under both limits; answers whether it granted access and
   * the per-case limit's headers (the per-address limit is the operator's concern, not the caller's).
   */
  async run(caseNumber: string, client: string, check: () => Promise<boolean>): Promise<LookupOutcome> {
    const reservedAt = this.clock();
    const perCase = await this.perCase.reserve(caseNumber);
    if (perCase.over) {
      await this.perCase.release(caseNumber, 1, reservedAt);
      throw rateLimited(perCase.retryAfter, this.perCase.headers(0, perCase.retryAfter));
    }
    const perAddress = await this.perAddress.reserve(client);
    const giveBack = () =>
      Promise.all([
        this.perCase.release(caseNumber, 1, reservedAt),
        this.perAddress.release(client, 1, reservedAt),
      ]);
    let granted: boolean;
    try {
      granted = perAddress.over ? await this.lane.run(check) : await check();
    } catch (error) {
      await giveBack();
      throw error;
    }
    if (granted) await giveBack();
    // A granted check gave its count back, so one more failure remains than the reservation showed.
    const remaining = perCase.remaining + (granted ? 1 : 0);
    return { granted, headers: this.perCase.headers(remaining, perCase.retryAfter) };
  }
}
