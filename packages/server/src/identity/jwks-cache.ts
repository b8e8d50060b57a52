import {
  createLocalJWKSet,
  errors,
  type CryptoKey,
  type JSONWebKeySet,
  type JWSHeaderParameters,
} from 'jose';
import { IdentityUnavailable, TokenRejected } from './token-verifier.js';

/** Options of {@link JwksCache}. */
export interface JwksCacheOptions {
  /** The provider's `jwks_uri`. */
  url: string;
  /** Keys older than this are refetched on the next use (kept when the refetch fails). Default 10 min. */
  maxAgeMs?: number;
  /** An unknown `kid` refetches at most once per this interval. Default 30 s. */
  cooldownMs?: number;
  /** Abort a fetch after this long. Default 5 s. */
  timeoutMs?: number;
  clock?: () => number;
  /** Told when a refetch fails while cached keys stay in use. */
  onStale?: (error: unknown) => void;
}

/**
 * The identity provider's signing keys, fetched and cached. Rotation: a token signed with a key the
 * cache does not know refetches the set (at most once per cooldown, so a flood of made-up `kid`s does
 * not become a flood of requests to the provider). While the provider cannot be reached the cached keys
 * keep working; only when none fits is the answer "unavailable".
 */
export class JwksCache {
  private keys: ReturnType<typeof createLocalJWKSet> | undefined;
  private fetchedAt = Number.NEGATIVE_INFINITY;
  private attemptedAt = Number.NEGATIVE_INFINITY;
  private pending: Promise<void> | undefined;
  private lastFailure: IdentityUnavailable | undefined;
  private readonly maxAgeMs: number;
  private readonly cooldownMs: number;
  private readonly timeoutMs: number;
  private readonly clock: () => number;

  constructor(private readonly options: JwksCacheOptions) {
    this.maxAgeMs = options.maxAgeMs ?? 600_000;
    this.cooldownMs = options.cooldownMs ?? 30_000;
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.clock = options.clock ?? Date.now;
  }

  /** The key for a token's protected header (jose's key-resolver signature). */
  readonly keyFor = async (header: JWSHeaderParameters): Promise<CryptoKey> => {
    const now = this.clock();
    if (!this.keys) await this.refresh();
    else if (now - this.fetchedAt > this.maxAgeMs && now - this.attemptedAt > this.cooldownMs) {
      await this.refresh().catch((error: unknown) => this.options.onStale?.(error));
    }
    try {
      return await this.keys!(header);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey)) throw error;
      if (this.clock() - this.attemptedAt < this.cooldownMs) {
        // Within the cooldown: a key the provider may have just published cannot be ruled out while
        // the last fetch failed.
        if (this.lastFailure) throw this.lastFailure;
        throw new TokenRejected('unknownKey', 'No key of the provider matches the token');
      }
    }
    await this.refresh();
    try {
      return await this.keys!(header);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey) {
        throw new TokenRejected('unknownKey', 'No key of the provider matches the token');
      }
      throw error;
    }
  };

  /** Whether keys are in hand, fetching them first when there are none and the cooldown allows. */
  async ready(): Promise<boolean> {
    if (!this.keys && this.clock() - this.attemptedAt >= this.cooldownMs) {
      await this.refresh().catch(() => undefined);
    }
    return this.keys !== undefined;
  }

  /** Fetches the key set now (concurrent callers share one request). */
  refresh(): Promise<void> {
    this.pending ??= this.fetchKeys().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async fetchKeys(): Promise<void> {
    this.attemptedAt = this.clock();
    let jwks: JSONWebKeySet;
    try {
      const response = await fetch(this.options.url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: 'error',
      });
      if (!response.ok) throw new Error(`The key set answered ${response.status}`);
      jwks = (await response.json()) as JSONWebKeySet;
      if (!Array.isArray(jwks?.keys)) throw new Error('The key set has no keys array');
    } catch (error) {
      this.lastFailure = new IdentityUnavailable(
        `The identity provider's keys cannot be fetched from ${this.options.url}`,
        { cause: error },
      );
      throw this.lastFailure;
    }
    this.lastFailure = undefined;
    this.keys = createLocalJWKSet(jwks);
    this.fetchedAt = this.clock();
  }
}
