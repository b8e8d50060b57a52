import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { sql } from 'kysely';
import { generateItems } from '../../../../bench/synthetic/generate-items.js';
import { importItems, type ItemDocument } from '../../src/items/importer.js';
import { openTestDatabase } from '../support/database.js';

const database = openTestDatabase();
after(async () => (await database).close());

describe('the search indexes after an import', () => {
  it('hold no pending entries, which every lookup of a search would read in full', async () => {
    const { db } = await database;
    const items = generateItems(300, 11) as unknown as ItemDocument[];
    await importItems(
      db,
      items.map((item) => ({ item })),
    );
    for (const index of [
      'items_search_grams',
      'items_search_field_grams',
      'items_search_field_triples',
      'items_search_region_grams',
    ]) {
      // The number of pending pages it merges: none left by the import.
      const { rows } = await sql<{
        merged: number;
      }>`select gin_clean_pending_list(${index}::regclass)::int as merged`.execute(db);
      assert.equal(rows[0]!.merged, 0, index);
    }
  });
});
