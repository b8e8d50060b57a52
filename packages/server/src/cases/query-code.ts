import { createHash, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';

/** Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L). */
export const queryCodeAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const queryCodeLength = 8;
const scryptOptions = { N: 4096, r: 8, p: 1 } as const;
// Hashed when a case number does not exist, so a miss costs the same time as a wrong code.
const decoySalt = randomBytes(16);

/** A fresh random query code, e.g. `K7M2QX9D`. */
export function newQueryCode(): string {
  let code = '';
  for (let i = 0; i < queryCodeLength; i++) code += queryCodeAlphabet[randomInt(queryCodeAlphabet.length)];
  return code;
}

/** Upper-cases and drops spaces and dashes, so `k7m2-qx9d` matches `K7M2QX9D`. */
export function normaliseQueryCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

function scryptHash(code: string, salt: Uint8Array): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(normaliseQueryCode(code), salt, 32, scryptOptions, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** Salt and scrypt hash of a query code, for storage. */
export async function hashQueryCode(code: string): Promise<{ salt: Buffer; hash: Buffer }> {
  const salt = randomBytes(16);
  return { salt, hash: await scryptHash(code, salt) };
}

/**
 * Checks a code against a stored salt and hash in constant time. With no stored case, hashes with a
 * decoy salt anyway and answers false, so timing does not tell whether the case exists.
 */
export async function verifyQueryCode(
  code: string,
  stored: { salt: Uint8Array; hash: Uint8Array } | undefined,
): Promise<boolean> {
  const computed = await scryptHash(code, stored?.salt ?? decoySalt);
  const expected = stored ? Buffer.from(stored.hash) : Buffer.alloc(computed.length);
  return computed.length === expected.length && timingSafeEqual(computed, expected) && stored !== undefined;
}

/** A random bearer token for the applicant, and its sha256 for storage (it has 256 bits of entropy). */
export function newApplicantToken(): { token: string; hash: Buffer } {
  const token = `at_${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token) };
}

/** sha256 of a token. */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** Constant-time comparison of a presented token with a stored hash. */
export function tokenMatches(token: string, storedHash: Uint8Array): boolean {
  const hash = hashToken(token);
  return hash.length === storedHash.length && timingSafeEqual(hash, Buffer.from(storedHash));
}
