import type { RetryOptions } from 'ky';
import { parseRetryAfter } from './errors.js';

/** Statuses that say "try again": timeout, rate limit, the gateway family, and 409 (see below). */
const RETRYABLE_STATUSES = [408, 409, 429, 502, 503, 504];

/** Methods that may be repeated without changing the outcome. */
const IDEMPOTENT_METHODS: readonly string[] = ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'];

/** Longest `Retry-After` the SDK waits for; beyond it the error goes to the caller instead. */
export const MAX_RETRY_AFTER_MS = 60_000;

const INITIAL_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 8_000;

/**
 * Whether a request may be sent again at all. A POST is repeated only when it carries an
 * `Idempotency-Key`, because then the server answers a repeat with the first result instead of acting twice.
 */
export function isRepeatable(method: string, hasIdempotencyKey: boolean): boolean {
  const upper = method.toUpperCase();
  return IDEMPOTENT_METHODS.includes(upper) || (hasIdempotencyKey && (upper === 'POST' || upper === 'PATCH'));
}

/**
 * Whether an error answer is worth another attempt: the statuses above, except that a 409 is retried only
 * as `request_in_progress`, which the server sends when an earlier attempt with the same idempotency key
 * is still being processed (typically one that timed out on our side); the next attempt then receives
 * that attempt's result.
 */
export function isRetryableAnswer(status: number, problemCode: unknown): boolean {
  if (status === 409) return problemCode === 'request_in_progress';
  return RETRYABLE_STATUSES.includes(status);
}

/** Exponential backoff with jitter, so that many clients failing together do not return together. */
export function backoffDelay(retry: number): number {
  return Math.min(INITIAL_BACKOFF_MS * 2 ** (retry - 1), MAX_BACKOFF_MS);
}

/** What a failed attempt tells the retry policy. */
export interface FailedAttempt {
  /** The request as sent (after every hook), or as the call asked for it when no attempt got that far. */
  request: Pick<Request, 'method' | 'headers'>;
  /** The error answer, when there was one. */
  response: Response | undefined;
  /** The parsed error body, when there was one. */
  data: unknown;
}

/**
 * The SDK's retry policy in ky's terms. ky asks `shouldRetry` after each failed attempt (within `limit`);
 * `false` ends the call with that attempt's error, `undefined` lets ky retry after the server's
 * `Retry-After` (listed statuses) or the backoff below. Connection failures and per-attempt timeouts are
 * retried like the listed statuses; an abort by the caller never is.
 */
export function retryOptions(
  limit: number,
  describe: (error: Error) => FailedAttempt,
  aborted: () => boolean,
): RetryOptions {
  return {
    limit,
    methods: ['get', 'head', 'put', 'delete', 'options', 'post', 'patch'],
    statusCodes: RETRYABLE_STATUSES,
    afterStatusCodes: RETRYABLE_STATUSES,
    delay: backoffDelay,
    jitter: (delay) => delay * (1 - Math.random() * 0.25),
    retryOnTimeout: true,
    shouldRetry: ({ error }) => {
      if (aborted()) return false;
      const { request, response, data } = describe(error);
      if (!isRepeatable(request.method, request.headers.has('idempotency-key'))) return false;
      if (!response) return undefined;
      const code = typeof data === 'object' && data !== null ? (data as { code?: unknown }).code : undefined;
      if (!isRetryableAnswer(response.status, code)) return false;
      const asked = parseRetryAfter(response.headers.get('retry-after'), Date.now());
      return asked !== undefined && asked > MAX_RETRY_AFTER_MS ? false : undefined;
    },
  };
}
