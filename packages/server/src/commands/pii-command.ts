import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { openDatabase } from '../db/database.js';
import { PiiCipher } from '../security/pii-cipher.js';
import { loadPiiKey, parsePiiKey } from '../security/pii-key.js';
import { sealStoredRows } from '../security/sealed-columns.js';
import type { DatabaseSchema } from '../db/schema-types.js';
import { rotateUploadContents } from '../uploads/database-storage.js';
import { databaseArgs, databaseOptionsOf } from './database-options.js';

const usage = `banshi-server pii rotate --old-key-file <file> [--old-key-file <file> …]
                          [--data-dir <folder> | --database-url <url>]

Re-encrypts the personal data of cases and evaluations, and uploaded files kept in the database,
under the new key (BANSHI_PII_KEY or BANSHI_PII_KEY_FILE) and recomputes its blind indexes. The old keys are given as files (32 bytes, hex
or base64). Work is done in committed batches: an interrupted rotation can be run again. Start the
servers with the new key once it has finished.
`;

/** Re-encrypts every personal-data value under `current`, opening those under `old` keys. */
export async function rotateKeys(db: Kysely<unknown>, current: Buffer, old: Buffer[]) {
  const cipher = new PiiCipher([current, ...old]);
  const { rows } = await sealStoredRows(db, cipher);
  return { rows: rows + (await rotateUploadContents(db as Kysely<DatabaseSchema>, cipher)) };
}

/** `banshi-server pii rotate …`; answers the exit status. */
export async function piiCommand(args: string[], out: (line: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      ...databaseArgs,
      'old-key-file': { type: 'string', multiple: true },
      help: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help || positionals[0] !== 'rotate' || !values['old-key-file']?.length) {
    out(usage);
    return values.help ? 0 : 2;
  }
  const { key } = await loadPiiKey({
    key: process.env.BANSHI_PII_KEY || undefined,
    keyFile: process.env.BANSHI_PII_KEY_FILE || undefined,
    production: true,
  });
  const old = await Promise.all(
    values['old-key-file'].map(async (file) => parsePiiKey(await readFile(file, 'utf8'))),
  );
  const database = await openDatabase(databaseOptionsOf(values));
  try {
    const { rows } = await rotateKeys(database.db as Kysely<unknown>, key, old);
    out(`Personal data re-encrypted under the new key: ${rows} rows`);
    return 0;
  } finally {
    await database.close();
  }
}
