import { sql, type Kysely } from 'kysely';
import type { PiiCipher } from './pii-cipher.js';

/** A table's encrypted columns and the blind indexes computed from them. */
export interface SealedColumns {
  table: string;
  /** The primary-key column. */
  key: string;
  /** Encrypted columns; each is encrypted with the context `<table>.<column>`. */
  columns: string[];
  /**
   * Blind-index columns recomputed from the plaintext of an encrypted column, or from the part of it
   * `value` picks.
   */
  indexes?: { column: string; from: string; purpose: string; value?: (plain: string) => string }[];
}

/**
 * Re-encrypts every value under an older key (or still in clear, stored before encryption at rest)
 * with the cipher's current key, and recomputes the blind indexes, in batches of committed transactions (a rotation can be interrupted and run again). The
 * cipher must hold the current key first and the old keys after it.
 */
export async function rotatePii(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- works over any table named in `tables`
  db: Kysely<any>,
  tables: SealedColumns[],
  cipher: PiiCipher,
  batchSize = 500,
): Promise<{ rows: number }> {
  let rows = 0;
  const current = `pii1:${cipher.keyId}:%`;
  for (const spec of tables) {
    const stale = sql.join(
      spec.columns.map(
        (column) => sql`(${sql.ref(column)} is not null and ${sql.ref(column)} not like ${current})`,
      ),
      sql` or `,
    );
    for (;;) {
      const moved = await db.transaction().execute(async (trx) => {
        const batch = await sql<Record<string, string | null>>`
          select ${sql.ref(spec.key)} as "key", ${sql.join(spec.columns.map((c) => sql.ref(c)))}
          from ${sql.table(spec.table)} where ${stale} limit ${batchSize} for update skip locked`.execute(
          trx,
        );
        for (const row of batch.rows) {
          const updates: Record<string, string | null> = {};
          for (const column of spec.columns) {
            const value = row[column];
            if (value === null || value === undefined) continue;
            const context = `${spec.table}.${column}`;
            // A value still in clear was stored before encryption at rest: it is sealed now.
            const plain = value.startsWith('pii1:') ? cipher.decrypt(value, context) : value;
            updates[column] = cipher.encrypt(plain, context);
            for (const index of spec.indexes ?? []) {
              if (index.from === column)
                updates[index.column] = cipher.blindIndex(index.value?.(plain) ?? plain, index.purpose);
            }
          }
          await trx.updateTable(spec.table).set(updates).where(spec.key, '=', row.key).execute();
        }
        return batch.rows.length;
      });
      rows += moved;
      if (moved < batchSize) break;
    }
  }
  return { rows };
}
