import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { openDatabase, type DatabaseOptions } from '../../src/db/database.js';
import { migrateTo, migrateToLatest } from '../../src/db/migrate.js';
import { migrateCommand } from '../../src/commands/migrate-command.js';
import { DatabaseSearch } from '../../src/search/database-search.js';
import { testDatabaseUrl } from '../support/database.js';
import { freshPostgresDatabase } from '../support/postgres.js';

/** The last migration of the release before search moved into the database. */
const previousRelease = '0004-theme-audiences';

/** An item row as the previous release wrote it. */
function previousItem(code: string, name: string, searchName: string) {
  const summary = { code, name };
  return sql`insert into items (code, name, kind, department_id, department_name, region_code, item_type,
      level, online_depth, cross_region_scope, audience, themes, status, has_form, search_name,
      search_keywords, search_department, summary, document, etag)
    values (${code}, ${name}, 'administrative', 'd1', '住建局', '150302', 'administrativeLicensing', 'county',
      'fullyOnline', 'none', array['naturalPerson'], array['housing'], 'active', false, ${searchName},
      '', 'zhujianju zjj 住建局', ${JSON.stringify(summary)}::jsonb, ${JSON.stringify(summary)}::jsonb, '"i-1-x"')`;
}

async function upgradeKeepsData(options: DatabaseOptions) {
  const old = await openDatabase({ ...options, migrate: false });
  try {
    await migrateTo(old.db, previousRelease);
    await previousItem(
      'A1',
      '公共租赁住房申请',
      '公共租赁住房申请 gonggongzulinzhufangshenqing ggzlzfsq',
    ).execute(old.db);
    await previousItem('A2', '住房公积金提取', '住房公积金提取 zhufanggongjijintiqu zfgjjtq').execute(old.db);
    const before = await sql`select * from items order by code`.execute(old.db);
    await migrateToLatest(old.db);
    const after = await sql<Record<string, unknown>>`select * from items order by code`.execute(old.db);
    assert.equal(after.rows.length, 2);
    after.rows.forEach((row, i) => {
      const { search_grams: grams, name_length: _length, search_field_grams: _fieldGrams, ...rest } = row;
      assert.deepEqual(rest, before.rows[i], 'every column of the old rows is kept');
      assert.ok(Array.isArray(grams) && grams.includes('公租') === false && grams.includes('zf'));
    });
    // The rows written by the old release are searchable the new way at once.
    const search = new DatabaseSearch(old.db);
    assert.deepEqual((await search.search('zfgjj', { status: 'active' }, 0, 5)).codes, ['A2']);
    assert.deepEqual((await search.search('住房', { status: 'active' }, 0, 5)).codes, ['A2', 'A1']);
  } finally {
    await old.close();
  }
}

describe('migrations', { timeout: 240_000 }, () => {
  it('upgrades a PGlite database of the previous release without losing its rows', async () => {
    await upgradeKeepsData({});
  });

  it(
    'upgrades a PostgreSQL database of the previous release; processes starting together take turns',
    { skip: !testDatabaseUrl && 'BANSHI_TEST_DATABASE_URL is not set' },
    async () => {
      const first = await freshPostgresDatabase();
      const second = await freshPostgresDatabase();
      try {
        await upgradeKeepsData({ databaseUrl: first.url });
        const opened = await Promise.all([0, 1, 2, 3].map(() => openDatabase({ databaseUrl: second.url })));
        const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(opened[0]!.db);
        await Promise.all(opened.map((database) => database.close()));
        assert.equal(applied.rows.length, new Set(applied.rows.map((row) => row.name)).size);
      } finally {
        await first.drop();
        await second.drop();
      }
    },
  );

  it('prints the SQL of pending migrations on a dry run and changes nothing', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'banshi-migrate-'));
    const args = ['--data-dir', join(folder, 'pglite')];
    try {
      const lines: string[] = [];
      assert.equal(await migrateCommand(['--dry-run', ...args], (line) => lines.push(line)), 0);
      const printed = lines.join('\n');
      assert.match(printed, /^-- 0001-initial$/m);
      assert.match(printed, /create table "items"/);
      assert.match(printed, /^-- 0050-search-grams$/m);
      assert.match(printed, /create index items_search_grams on items using gin \(search_grams\)/);
      const untouched = await openDatabase({ dataDir: join(folder, 'pglite'), migrate: false });
      const tables = await sql<{
        n: number;
      }>`select count(*)::int as n from pg_tables where tablename = 'items'`.execute(untouched.db);
      await untouched.close();
      assert.equal(tables.rows[0]!.n, 0);
      const done: string[] = [];
      assert.equal(await migrateCommand(args, (line) => done.push(line)), 0);
      assert.match(done.join('\n'), /Schema up to date/);
      const again: string[] = [];
      await migrateCommand(['--dry-run', ...args], (line) => again.push(line));
      assert.match(again.join('\n'), /nothing to run/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
