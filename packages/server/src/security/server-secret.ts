import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where the server secret comes from (see {@link loadServerSecret}). */
export interface ServerSecretSource {
  /** `BANSHI_SERVER_SECRET`: at least 32 characters. */
  secret?: string;
  /** `BANSHI_SERVER_SECRET_FILE`: a file holding it. */
  secretFile?: string;
  /** A PGlite data folder: without the two above a secret is generated there (`server.secret`). */
  dataDir?: string;
}

/**
 * Loads the server secret that signs form sessions and salts idempotency replays. It is apart from the
 * personal-data key so that rotating that key ends no open form session; every process of one
 * deployment needs the same. Answers `undefined` when none is configured and there is no data folder
 * (the caller then derives one from the personal-data key, as earlier releases did).
 */
export async function loadServerSecret(source: ServerSecretSource): Promise<Buffer | undefined> {
  const given = source.secret ?? (source.secretFile ? await readFile(source.secretFile, 'utf8') : undefined);
  if (given !== undefined) {
    if (given.trim().length < 32) throw new Error('The server secret must be at least 32 characters');
    return Buffer.from(given.trim(), 'utf8');
  }
  if (!source.dataDir) return undefined;
  const path = join(source.dataDir, 'server.secret');
  await mkdir(source.dataDir, { recursive: true });
  // `wx`: two processes starting at once never overwrite each other's secret.
  await writeFile(path, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' }).catch(
    (error) => {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    },
  );
  return Buffer.from((await readFile(path, 'utf8')).trim(), 'utf8');
}
