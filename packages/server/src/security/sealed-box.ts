import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The two keys of an encrypt-then-MAC box: 16 bytes for SM4, 32 for HMAC-SM3. */
export interface BoxKeys {
  encryption: Buffer;
  mac: Buffer;
}

const ivLength = 16;
const macLength = 32;

/**
 * SM4-CTR under a random IV, then HMAC-SM3 over the header, IV, ciphertext and `context`. The context
 * (e.g. table, column and row) is not stored but must be given again to open the box, so a ciphertext
 * copied into another row or column does not open there. CTR needs no padding, so the size is the
 * plaintext's plus 48 bytes.
 */
export function seal(keys: BoxKeys, header: string, plaintext: Buffer, context = ''): Buffer {
  const iv = randomBytes(ivLength);
  const cipher = createCipheriv('sm4-ctr', keys.encryption, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const tag = macOf(keys.mac, header, iv, ciphertext, context);
  return Buffer.concat([iv, ciphertext, tag]);
}

/** Opens a box made by {@link seal}; throws when the MAC does not match (tampered or wrong context). */
export function open(keys: BoxKeys, header: string, box: Buffer, context = ''): Buffer {
  if (box.length < ivLength + macLength) throw new SealedDataError('The sealed value is too short');
  const iv = box.subarray(0, ivLength);
  const ciphertext = box.subarray(ivLength, box.length - macLength);
  const tag = box.subarray(box.length - macLength);
  if (!timingSafeEqual(tag, macOf(keys.mac, header, iv, ciphertext, context))) {
    throw new SealedDataError('The sealed value does not authenticate');
  }
  const decipher = createDecipheriv('sm4-ctr', keys.encryption, iv);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}

function macOf(key: Buffer, header: string, iv: Buffer, ciphertext: Buffer, context: string): Buffer {
  const hmac = createHmac('sm3', key);
  // Lengths first, so no two (header, context) pairs run together into the same bytes.
  const lengths = Buffer.alloc(8);
  lengths.writeUInt32BE(Buffer.byteLength(header), 0);
  lengths.writeUInt32BE(Buffer.byteLength(context), 4);
  return hmac.update(lengths).update(header).update(context).update(iv).update(ciphertext).digest();
}

/** A sealed value that does not open: tampered, under an unknown key, or moved to another place. */
export class SealedDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealedDataError';
  }
}
