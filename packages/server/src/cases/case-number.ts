import { sql, type Transaction } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';
import { chinaDay } from '../common/china-time.js';

/** The shape of a case number: region, China-time date and a daily sequence, 20 digits. */
export const caseNumberPattern = /^\d{20}$/;

/**
 * Allocates the next readable case number, e.g. `15030220261123000042` (150302 · 20261123 · 000042): the handling region's
 * code, the day of submission and a per-region, per-day sequence kept in the database (so several
 * processes never hand out the same number).
 */
export async function nextCaseNumber(
  trx: Transaction<DatabaseSchema>,
  regionCode: string,
  now: Date,
): Promise<string> {
  const prefix = `${regionCode}${chinaDay(now).replace(/-/g, '')}`;
  const row = await trx
    .insertInto('case_sequences')
    .values({ prefix, last_value: 1 })
    .onConflict((oc) => oc.column('prefix').doUpdateSet({ last_value: sql`case_sequences.last_value + 1` }))
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return `${prefix}${String(row.last_value).padStart(6, '0')}`;
}
