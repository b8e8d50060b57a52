import { errors, jwtVerify } from 'jose';
import { JwksCache, type JwksCacheOptions } from './jwks-cache.js';
import { defaultClaimNames, principalFromClaims, type ClaimNames } from './claims.js';
import type { Principal } from './principal.js';
import {
  IdentityUnavailable,
  TokenRejected,
  type RejectionReason,
  type TokenVerifier,
} from './token-verifier.js';

/**
 * Asymmetric algorithms only: an HMAC algorithm would let anyone who knows the provider's public key
 * sign tokens with it, and `none` is no signature at all.
 */
export const defaultAlgorithms = ['RS256', 'PS256', 'ES256', 'EdDSA'] as const;

/** Options of {@link JwtVerifier}. */
export interface JwtVerifierOptions {
  /** The provider's issuer identifier (`iss`), exactly. */
  issuer: string;
  /** This server's client id or resource name, which the token's `aud` must contain. */
  audience: string | string[];
  /** The provider's JWKS; default `<issuer>/jwks`. */
  jwksUrl?: string;
  /** Accepted signature algorithms; HMAC and `none` are refused whatever is listed here. */
  algorithms?: string[];
  /** Clock skew allowed on `exp` and `nbf`, in seconds. Default 60. */
  clockToleranceSeconds?: number;
  /** Claim names of this province's platform. */
  claims?: Partial<ClaimNames>;
  /** Key-cache tuning (age, cooldown, timeout). */
  jwks?: Omit<JwksCacheOptions, 'url' | 'clock'>;
  /** The clock, in milliseconds (tests). */
  clock?: () => number;
}

const symmetric = /^(HS|none$)/i;

const claimReasons: Record<string, RejectionReason> = {
  iss: 'issuer',
  aud: 'audience',
  nbf: 'notYetValid',
};

/** Verifies the identity platform's JWT access or ID tokens against its published keys. */
export class JwtVerifier implements TokenVerifier {
  private readonly jwks: JwksCache;
  private readonly algorithms: string[];
  private readonly claimNames: ClaimNames;

  constructor(private readonly options: JwtVerifierOptions) {
    const clock = options.clock ?? Date.now;
    this.jwks = new JwksCache({
      ...options.jwks,
      url: options.jwksUrl ?? `${options.issuer.replace(/\/$/, '')}/jwks`,
      clock,
    });
    this.algorithms = (options.algorithms ?? [...defaultAlgorithms]).filter((alg) => !symmetric.test(alg));
    if (this.algorithms.length === 0) throw new Error('No asymmetric signature algorithm is allowed');
    this.claimNames = { ...defaultClaimNames, ...options.claims };
  }

  /** Whether the provider's signing keys are loaded (for the readiness probe). */
  keysReady(): Promise<boolean> {
    return this.jwks.ready();
  }

  async verify(token: string): Promise<Principal> {
    const now = (this.options.clock ?? Date.now)();
    try {
      const { payload } = await jwtVerify(token, this.jwks.keyFor, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: this.algorithms,
        clockTolerance: this.options.clockToleranceSeconds ?? 60,
        currentDate: new Date(now),
        requiredClaims: ['sub', 'exp'],
      });
      return principalFromClaims(payload, this.claimNames);
    } catch (error) {
      throw rejection(error);
    }
  }
}

function rejection(error: unknown): Error {
  if (error instanceof TokenRejected || error instanceof IdentityUnavailable) return error;
  if (error instanceof errors.JWTExpired) return new TokenRejected('expired', error.message);
  if (error instanceof errors.JWTClaimValidationFailed) {
    return new TokenRejected(claimReasons[error.claim] ?? 'claims', error.message);
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return new TokenRejected('algorithm', error.message);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new TokenRejected('signature', error.message);
  }
  if (error instanceof errors.JOSEError) return new TokenRejected('malformed', error.message);
  if (error instanceof TypeError) return new TokenRejected('malformed', error.message);
  return error instanceof Error ? error : new Error(String(error));
}
