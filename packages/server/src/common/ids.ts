import { randomBytes } from 'node:crypto';

const idAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new unguessable id with a prefix, e.g. `up_01HX…` (26 characters of Crockford base32, 130 bits). */
export function newId(prefix: string): string {
  const bytes = randomBytes(26);
  let id = '';
  for (const byte of bytes) id += idAlphabet[byte % 32];
  return `${prefix}_${id}`;
}
