import { ProblemError } from '../http/problem.js';
import { IdentityUnavailable, TokenRejected } from './token-verifier.js';

/**
 * The answer to a token that failed verification: 401 for a token that is not acceptable (the reason
 * is logged, never told), 503 while the identity platform's keys cannot be had. Other errors pass.
 */
export function identityProblem(error: unknown): unknown {
  if (error instanceof TokenRejected) {
    return new ProblemError(401, 'unauthorized', {
      detailKey: 'problem.tokenRejected',
      headers: { 'WWW-Authenticate': 'Bearer realm="banshi", error="invalid_token"' },
    });
  }
  if (error instanceof IdentityUnavailable) {
    return new ProblemError(503, 'service_unavailable', {
      titleKey: 'problem.serviceUnavailable',
      detailKey: 'problem.identityUnavailable',
      headers: { 'Retry-After': '30' },
    });
  }
  return error;
}
