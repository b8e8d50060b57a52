import { parseRetryAfter } from './errors.js';

/** Statuses that say "try again": timeout, rate limit, and the gateway family. */
const RETRYABLE_STATUSES: readonly number[] = [408, 429, 502, 503, 504];

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
 * Whether an error answer is worth another attempt: the statuses above, and a 409 `request_in_progress`,
 * which the server sends when an earlier attempt with the same idempotency key is still being processed
 * (typically one that timed out on our side); the next attempt then receives that attempt's result.
 */
export function isRetryableAnswer(status: number, problemCode: unknown): boolean {
  return RETRYABLE_STATUSES.includes(status) || (status === 409 && problemCode === 'request_in_progress');
}

/**
 * How long to wait before retry number `retry` (1 for the first retry). A server's `Retry-After` wins
 * when present; `undefined` means it asked for longer than {@link MAX_RETRY_AFTER_MS}, so do not retry.
 * Otherwise exponential backoff with jitter, so that many clients failing together do not return together.
 */
export function retryDelay(
  retry: number,
  retryAfterHeader: string | null,
  now = Date.now(),
): number | undefined {
  const asked = parseRetryAfter(retryAfterHeader, now);
  if (asked !== undefined) return asked <= MAX_RETRY_AFTER_MS ? asked : undefined;
  const backoff = Math.min(INITIAL_BACKOFF_MS * 2 ** (retry - 1), MAX_BACKOFF_MS);
  return backoff * (1 - Math.random() * 0.25);
}
