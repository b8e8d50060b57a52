import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generateItems } from '../../../../bench/synthetic/generate-items.js';
import { loadDemoCatalogue } from '../../src/demo-catalogue/load.js';
import { importItems, type ItemDocument } from '../../src/items/importer.js';
import { SearchIndex, type ItemFilters } from '../../src/items/search-index.js';
import { normaliseQuery } from '../../src/items/search-terms.js';
import { DatabaseSearch, type SearchPosition } from '../../src/search/database-search.js';
import { openTestDatabase } from '../support/database.js';

const database = openTestDatabase();
let names: string[] = [];
let nationalCodes = new Set<string>();

before(async () => {
  const { db } = await database;
  const catalogue = await loadDemoCatalogue();
  // Some national items, which every site's search lists (another region code than any site's).
  const national = (item: ItemDocument, i: number) =>
    i % 50 === 0 ? { ...item, level: 'national', regionCode: '100000' } : item;
  const items = [...catalogue.items, ...(generateItems(1500, 7) as unknown as ItemDocument[]).map(national)];
  names = items.map((item) => item.name);
  nationalCodes = new Set(items.filter((item) => item.level === 'national').map((item) => item.code));
  await importItems(
    db,
    items.map((item) => ({ item: item as ItemDocument })),
    {
      departments: catalogue.departments.map((d) => ({ ...d, shortName: d.shortName ?? undefined })),
      themes: catalogue.themes,
      regions: catalogue.regions,
    },
  );
});
after(async () => (await database).close());

/** Queries of every kind a resident types: characters, pairs, whole names, pinyin, initials, misses. */
function queries(): string[] {
  const picked = names.filter((_, i) => i % 97 === 0).slice(0, 12);
  return [
    ...picked,
    ...picked.map((name) => name.slice(0, 2)),
    ...picked.map((name) => name.slice(1, 3)),
    '证',
    '身份证',
    '社保',
    'sfz',
    'shenfenzheng',
    'gzf',
    'yyzz',
    'hk',
    '公安',
    '民政局',
    'zz',
    '不存在的事项名称',
    '50%',
    'a_b',
  ].map(normaliseQuery);
}

describe('search in the database and in memory', () => {
  it('answers every query, filter and page alike', async () => {
    const { db } = await database;
    const memory = new SearchIndex(db);
    await memory.ensureFresh();
    // Walked by name length, and with a site ranked in one pass.
    const paths = [new DatabaseSearch(db)];
    const filterSets: ItemFilters[] = [
      { status: 'active' },
      { status: 'active', region: ['150300'] },
      { status: 'active', site: '150302' },
      { status: 'active', audience: 'enterprise', onlineDepth: 'fullyOnline' },
      { status: 'active', type: 'administrativeLicensing' },
    ];
    let compared = 0;
    let found = 0;
    let siteNational = 0;
    for (const filters of filterSets) {
      for (const query of ['', ...queries()]) {
        // The database's next page starts after the last item shown, the memory's after an offset.
        let next: SearchPosition | undefined;
        for (const offset of [0, 20, 40]) {
          const expected = memory.search(query, filters, offset, 20);
          for (const [path, inDatabase] of paths.entries()) {
            const where = `${path} ${JSON.stringify(filters)} q=${query} offset=${offset}`;
            const { codes, more, next: fromHere } = await inDatabase.search(query, filters, offset, 20);
            assert.deepEqual({ codes, more }, expected, where);
            if (offset === 0) next = fromHere;
            else if (next) {
              const after = await inDatabase.search(query, filters, 0, 20, next);
              assert.deepEqual({ codes: after.codes, more: after.more }, expected, `${where}, after ${next}`);
              next = after.next;
            }
            compared++;
          }
          found += expected.codes.length;
          if (filters.site) siteNational += expected.codes.filter((code) => nationalCodes.has(code)).length;
        }
      }
    }
    assert.ok(compared > 200 && found > 1000, `${compared} searches compared, ${found} codes`);
    assert.ok(siteNational > 0, 'a site’s searches list national items');
  });

  it('sees a renamed item at once', async () => {
    const { db } = await database;
    const search = new DatabaseSearch(db);
    const { codes } = await search.search('', { status: 'active' }, 0, 1);
    const code = codes[0]!;
    await db
      .updateTable('items')
      .set({ search_name: '跨进程可见测试 kuajinchengkejianceshi kjckjcs' })
      .where('code', '=', code)
      .execute();
    assert.deepEqual((await search.search('kjckjcs', { status: 'active' }, 0, 5)).codes, [code]);
    assert.deepEqual((await search.search('跨进程', { status: 'active' }, 0, 5)).codes, [code]);
  });
});
