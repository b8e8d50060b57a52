import { randomBytes } from 'node:crypto';

const requestIdPattern = /^[A-Za-z0-9._:-]{1,100}$/;
// A random per-process prefix and a counter: unique across processes, and no randomness per request.
const prefix = `req_${randomBytes(10).toString('hex')}`;
let counter = 0;

/**
 * The request's id: the caller's `X-Request-Id` when it is a sensible token, else a new
 * `req_` + 32 hex digits.
 */
export function requestIdOf(incoming: string | undefined): string {
  if (incoming !== undefined && requestIdPattern.test(incoming)) return incoming;
  counter = (counter + 1) % 0x1000000000000;
  return prefix + counter.toString(16).padStart(12, '0');
}
