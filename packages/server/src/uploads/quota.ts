import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';
import { ProblemError } from '../http/problem.js';
import { RateLimiter } from '../http/rate-limit.js';

/** A count and byte quota per day. */
export interface Allowance {
  files: number;
  bytes: number;
}

/** Limits of {@link UploadQuota}. */
export interface UploadQuotas {
  /** Per form session (one application). Default 40 files, 200 MiB. */
  perSession: Allowance;
  /** Per client address and day; loose, a hall shares one. Default 400 files, 2 GiB. */
  perAddress: Allowance;
  /** Below this much free space where uploads are stored, uploads get 507. Default 1 GiB. */
  minFreeBytes: number;
}

export const defaultUploadQuotas: UploadQuotas = {
  perSession: { files: 40, bytes: 200 * 1024 * 1024 },
  perAddress: { files: 400, bytes: 2 * 1024 * 1024 * 1024 },
  minFreeBytes: 1024 * 1024 * 1024,
};

const day = 86_400;

/**
 * Counts uploads per form session and per address, files and bytes (kept in KiB so a day of a busy
 * hall fits the counter), each reserved atomically before the file is stored; a refusal gives back what
 * it reserved. Past any quota: 429 with Retry-After.
 */
export class UploadQuota {
  private readonly limiters: { key: 'session' | 'address'; unit: 'files' | 'kib'; limiter: RateLimiter }[];

  constructor(
    db: Kysely<DatabaseSchema>,
    readonly quotas: UploadQuotas,
    clock: () => Date,
  ) {
    const rule = (scope: string, limit: number) => ({ scope, limit, windowSeconds: day });
    const kib = (bytes: number) => Math.ceil(bytes / 1024);
    this.limiters = [
      {
        key: 'session',
        unit: 'files',
        limiter: new RateLimiter(db, rule('uploads:session-files', quotas.perSession.files), clock),
      },
      {
        key: 'session',
        unit: 'kib',
        limiter: new RateLimiter(db, rule('uploads:session-kib', kib(quotas.perSession.bytes)), clock),
      },
      {
        key: 'address',
        unit: 'files',
        limiter: new RateLimiter(db, rule('uploads:address-files', quotas.perAddress.files), clock),
      },
      {
        key: 'address',
        unit: 'kib',
        limiter: new RateLimiter(db, rule('uploads:address-kib', kib(quotas.perAddress.bytes)), clock),
      },
    ];
  }

  /** Reserves one file of `bytes` for the session and the address, or throws 429 having reserved nothing. */
  async reserve(session: string, address: string, bytes: number): Promise<void> {
    const taken: (() => Promise<void>)[] = [];
    for (const { key, unit, limiter } of this.limiters) {
      const client = key === 'session' ? session : address;
      const amount = unit === 'files' ? 1 : Math.ceil(bytes / 1024);
      const reservation = await limiter.reserve(client, amount);
      taken.push(() => limiter.release(client, amount));
      if (reservation.over) {
        await Promise.all(taken.map((giveBack) => giveBack()));
        throw new ProblemError(429, 'rate_limited', {
          detailKey: key === 'session' ? 'problem.uploadQuotaSession' : 'problem.uploadQuotaAddress',
          params: { seconds: reservation.retryAfter },
          headers: { 'Retry-After': String(reservation.retryAfter) },
        });
      }
    }
  }

  /** Throws 507 when storing `bytes` would leave less free space than the floor. */
  assertSpace(freeBytes: number | undefined, bytes: number): void {
    if (freeBytes === undefined || freeBytes - bytes >= this.quotas.minFreeBytes) return;
    throw insufficientStorage();
  }
}

/** The 507 answered when the place uploads are kept has no room for one more. */
export function insufficientStorage(): ProblemError {
  return new ProblemError(507, 'insufficient_storage', {
    titleKey: 'problem.insufficientStorage',
    detailKey: 'problem.insufficientStorageDetail',
  });
}
