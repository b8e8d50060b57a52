import { createHmac, hkdfSync } from 'node:crypto';
import { open, seal, type BoxKeys } from './sealed-box.js';

/**
 * Idempotency replays hold what a create answered (query codes, applicant tokens). They are sealed
 * under a key derived with HKDF from the caller's own Idempotency-Key, salted with a server secret: a
 * database dump alone opens none of them, and only the caller who holds the key can read its replay.
 * The key itself is stored only as a keyed digest.
 */
export class ReplaySealer {
  constructor(private readonly serverSalt: Buffer) {}

  /** What the idempotency table stores instead of the key: an HMAC-SM3 digest. */
  digest(scope: string, idempotencyKey: string): string {
    return createHmac('sm3', this.serverSalt).update(`${scope}\0${idempotencyKey}`).digest('base64url');
  }

  seal(scope: string, idempotencyKey: string, plaintext: string): string {
    return seal(this.keys(scope, idempotencyKey), 'replay1', Buffer.from(plaintext, 'utf8')).toString(
      'base64url',
    );
  }

  /** Throws `SealedDataError` when the stored value was not sealed under this key. */
  open(scope: string, idempotencyKey: string, stored: string): string {
    return open(this.keys(scope, idempotencyKey), 'replay1', Buffer.from(stored, 'base64url')).toString(
      'utf8',
    );
  }

  private keys(scope: string, idempotencyKey: string): BoxKeys {
    const bytes = Buffer.from(hkdfSync('sm3', idempotencyKey, this.serverSalt, `banshi replay ${scope}`, 48));
    return { encryption: bytes.subarray(0, 16), mac: bytes.subarray(16) };
  }
}
