import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';
import type { PiiCipher } from '../security/pii-cipher.js';
import type { FileStorage } from './storage.js';
import { insufficientStorage } from './quota.js';

/** Default bound on the bytes all uploads may take in the database: 10 GiB. */
export const defaultDatabaseUploadBytes = 10 * 1024 * 1024 * 1024;

/**
 * Keeps uploaded files in the database (PostgreSQL): they outlive the process, every process and machine
 * reads the same ones, and a database backup holds them. Each file is sealed with the personal-data key
 * under the context of its own key, so a dump shows no content and a file copied onto another row does
 * not open. The total is bounded: the counter row is raised in the upload's transaction only while it
 * stays within `maxTotalBytes`, so concurrent uploads cannot pass the bound together (answered 507).
 */
export class DatabaseStorage implements FileStorage {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly cipher: PiiCipher,
    private readonly maxTotalBytes = defaultDatabaseUploadBytes,
  ) {}

  async put(key: string, bytes: Uint8Array, trx?: Transaction<DatabaseSchema>): Promise<void> {
    if (!trx) return this.db.transaction().execute((own) => this.put(key, bytes, own));
    const counted = await trx
      .updateTable('upload_usage')
      .set({ bytes: sql`bytes + ${bytes.length}` })
      .where('id', '=', 1)
      .where(sql<SqlBool>`bytes + ${bytes.length} <= ${this.maxTotalBytes}`)
      .executeTakeFirst();
    if (Number(counted.numUpdatedRows) === 0) throw insufficientStorage();
    await trx
      .insertInto('upload_contents')
      .values({ key, size: bytes.length, content: this.cipher.encryptBytes(bytes, contextOf(key)) })
      .execute();
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    const row = await this.db
      .selectFrom('upload_contents')
      .select('content')
      .where('key', '=', key)
      .executeTakeFirst();
    return row ? new Uint8Array(this.cipher.decryptBytes(row.content, contextOf(key))) : undefined;
  }
}

function contextOf(key: string): string {
  return `upload_contents.content:${key}`;
}

/**
 * Re-seals the files kept in the database that are under an older key (`banshi-server pii rotate`), a few
 * at a time in committed transactions, since each may be megabytes; answers how many were re-sealed.
 */
export async function rotateUploadContents(db: Kysely<DatabaseSchema>, cipher: PiiCipher): Promise<number> {
  const current = Buffer.from(`pii1:${cipher.keyId}:`, 'latin1');
  let moved = 0;
  for (;;) {
    const batch = await db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('upload_contents')
        .select(['key', 'content'])
        .where(sql<SqlBool>`substring(content from 1 for ${current.length}) <> ${current}`)
        .limit(10)
        .forUpdate()
        .skipLocked()
        .execute();
      for (const row of rows) {
        const plain = cipher.decryptBytes(row.content, contextOf(row.key));
        const content = cipher.encryptBytes(plain, contextOf(row.key));
        await trx.updateTable('upload_contents').set({ content }).where('key', '=', row.key).execute();
      }
      return rows.length;
    });
    moved += batch;
    if (batch === 0) return moved;
  }
}
