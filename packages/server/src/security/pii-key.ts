import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Where the personal-data key comes from. */
export interface PiiKeySource {
  /** `BANSHI_PII_KEY`: 32 bytes as 64 hex digits or base64. */
  key?: string;
  /** `BANSHI_PII_KEY_FILE`: a file holding the key in the same form. */
  keyFile?: string;
  /** A production start refuses to run without `key` or `keyFile`. */
  production: boolean;
  /** Development only: the data folder where a generated key is kept (`pii.key`). */
  dataDir?: string;
}

/** The key and where it came from (for the start-up line; never the key itself). */
export interface LoadedPiiKey {
  key: Buffer;
  origin: 'environment' | 'file' | 'generated';
  path?: string;
}

/** Parses a key given as 64 hex digits or base64 of 32 bytes. */
export function parsePiiKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new Error('The personal-data key must be 32 bytes (64 hex digits or base64)');
  return key;
}

/**
 * Loads the key that encrypts personal data at rest. In development without one, a key is generated
 * into the data folder (readable by the owner only) and reused on the next start; in production the
 * server refuses to start, since data encrypted under a forgotten key is lost.
 */
export async function loadPiiKey(source: PiiKeySource): Promise<LoadedPiiKey> {
  if (source.key) return { key: parsePiiKey(source.key), origin: 'environment' };
  if (source.keyFile) {
    return { key: parsePiiKey(await readFile(source.keyFile, 'utf8')), origin: 'file', path: source.keyFile };
  }
  if (source.production) {
    throw new Error(
      'A production start needs BANSHI_PII_KEY or BANSHI_PII_KEY_FILE (32 bytes, hex or base64)',
    );
  }
  const path = join(source.dataDir ?? './.data', 'pii.key');
  try {
    return { key: parsePiiKey(await readFile(path, 'utf8')), origin: 'generated', path };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dirname(path), { recursive: true });
  const key = randomBytes(32);
  // `wx`: two processes starting at once never overwrite each other's key.
  await writeFile(path, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' }).catch(async (error) => {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  });
  return { key: parsePiiKey(await readFile(path, 'utf8')), origin: 'generated', path };
}
