import { createHash, createHmac, hkdfSync } from 'node:crypto';
import { open, seal, SealedDataError, type BoxKeys } from './sealed-box.js';

const prefix = 'pii1';

interface DerivedKey extends BoxKeys {
  id: string;
  index: Buffer;
}

function derive(master: Buffer): DerivedKey {
  if (master.length !== 32) throw new Error('A personal-data key is 32 bytes');
  const part = (info: string, length: number) =>
    Buffer.from(hkdfSync('sm3', master, Buffer.alloc(0), `banshi pii ${info}`, length));
  return {
    // The id names the key in each ciphertext, so rotation knows which values are still under the old one.
    id: createHash('sm3').update(master).digest('hex').slice(0, 8),
    encryption: part('sm4', 16),
    mac: part('mac', 32),
    index: part('blind index', 32),
  };
}

/**
 * Encrypts personal data for storage (names, ID numbers, mobiles, addresses, form data) and computes
 * blind indexes for the lookups that need equality. Values are text: `pii1:<key id>:<base64url>`.
 * The first key encrypts; any key given opens (the old ones during a rotation).
 */
export class PiiCipher {
  private readonly current: DerivedKey;
  private readonly byId: Map<string, DerivedKey>;

  /** @param keys the current 32-byte key first, then keys still being rotated away from. */
  constructor(keys: Buffer[]) {
    if (keys.length === 0) throw new Error('At least one personal-data key is needed');
    const derived = keys.map(derive);
    this.current = derived[0]!;
    this.byId = new Map(derived.map((key) => [key.id, key]));
  }

  /** The id of the key new values are encrypted under. */
  get keyId(): string {
    return this.current.id;
  }

  /** Encrypts a text; `context` (e.g. `cases.applicant_name`) must be given again to decrypt. */
  encrypt(plaintext: string, context = ''): string {
    const header = `${prefix}:${this.current.id}`;
    return `${header}:${seal(this.current, header, Buffer.from(plaintext, 'utf8'), context).toString('base64url')}`;
  }

  /** Decrypts a value made by {@link encrypt}; throws {@link SealedDataError} when it does not open. */
  decrypt(stored: string, context = ''): string {
    const [tag, id, body] = stored.split(':');
    const key = tag === prefix && id ? this.byId.get(id) : undefined;
    if (!key || body === undefined) throw new SealedDataError('The value is not under a known key');
    return open(key, `${prefix}:${id}`, Buffer.from(body, 'base64url'), context).toString('utf8');
  }

  /**
   * Encrypts bytes (an uploaded file): `pii1:<key id>:` in ASCII, then the sealed box, so a file is
   * 62 bytes longer than its content and names its key as a text value does.
   */
  encryptBytes(plaintext: Uint8Array, context: string): Buffer {
    const header = `${prefix}:${this.current.id}`;
    const box = seal(this.current, header, Buffer.from(plaintext), context);
    return Buffer.concat([Buffer.from(`${header}:`, 'latin1'), box]);
  }

  /** Decrypts bytes made by {@link encryptBytes}; throws {@link SealedDataError} when they do not open. */
  decryptBytes(stored: Uint8Array, context: string): Buffer {
    const bytes = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
    const headerEnd = bytes.indexOf(':', prefix.length + 1);
    const [tag, id] = bytes.subarray(0, Math.max(headerEnd, 0)).toString('latin1').split(':');
    const key = tag === prefix && id ? this.byId.get(id) : undefined;
    if (!key) throw new SealedDataError('The value is not under a known key');
    return open(key, `${prefix}:${id}`, bytes.subarray(headerEnd + 1), context);
  }

  /** Whether a stored value is under a key other than the current one. */
  needsRotation(stored: string): boolean {
    return stored.split(':')[1] !== this.current.id;
  }

  /**
   * A keyed hash for equality lookups (a person's cases by ID number, duplicate applications): the
   * same value and purpose give the same index, and without the key nobody can test a guess against
   * it. Values are compared as given; callers normalise first (e.g. upper-case an ID number's X).
   */
  blindIndex(value: string, purpose: string): string {
    return createHmac('sm3', this.current.index)
      .update(purpose)
      .update('\0')
      .update(value)
      .digest('base64url');
  }
}

export { SealedDataError };
