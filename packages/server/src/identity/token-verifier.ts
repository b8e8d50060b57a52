import type { Principal } from './principal.js';

/**
 * Turns a bearer token into a principal. The JWT verifier is one implementation; a province whose
 * platform issues opaque tickets adds another (checking the ticket at the platform) behind the same
 * interface.
 */
export interface TokenVerifier {
  /**
   * Resolves the principal, or rejects with {@link TokenRejected} (the token is not acceptable: 401)
   * or {@link IdentityUnavailable} (the platform's keys cannot be had now: 503).
   */
  verify(token: string): Promise<Principal>;
}

/** Why a token was refused; the reason goes to the log and the audit trail, never to the caller. */
export type RejectionReason =
  | 'malformed'
  | 'algorithm'
  | 'signature'
  | 'issuer'
  | 'audience'
  | 'expired'
  | 'notYetValid'
  | 'unknownKey'
  | 'claims';

/** The token is not acceptable (answered 401, without saying why). */
export class TokenRejected extends Error {
  constructor(
    readonly reason: RejectionReason,
    message: string,
  ) {
    super(message);
    this.name = 'TokenRejected';
  }
}

/** The identity platform cannot be reached for keys, and no cached key fits (answered 503). */
export class IdentityUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'IdentityUnavailable';
  }
}
