import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PostgresQueryCompiler, type KyselyPlugin } from 'kysely';
import { importItems } from '../../src/items/importer.js';
import { ItemCache } from '../../src/items/item-cache.js';
import { openTestDatabase } from '../support/database.js';
import { itemVariant } from '../support/fixtures.js';
import { createHarness, type Harness } from '../support/harness.js';

describe('search pages kept between identical searches', () => {
  const statements: string[] = [];
  const recorder: KyselyPlugin = {
    transformQuery: ({ node, queryId }) => {
      statements.push(new PostgresQueryCompiler().compileQuery(node, queryId).sql);
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let h: Harness;
  before(async () => {
    database = await openTestDatabase();
    h = await createHarness({
      database: { ...database, db: database.db.withPlugin(recorder) },
      search: 'database',
      // Never due within a test: what is seen at once is seen through this process's own change.
      searchCheckMs: 3_600_000,
    });
    const first = itemVariant(1, { name: '公共租赁住房资格申请' });
    await importItems(database.db, [
      { ...first, translations: { en: { ...first.item, name: 'Public rental housing eligibility' } } },
      itemVariant(2, { name: '公共租赁住房租金补贴申请' }),
    ]);
  });
  after(async () => {
    await h.close();
    await database.close();
  });

  const search = async (q: string, language = 'zh-CN') => {
    const page = await h.call('GET', `/api/v1/items?q=${encodeURIComponent(q)}&limit=20`, {
      headers: { 'Accept-Language': language },
    });
    assert.equal(page.status, 200, page.text);
    return (page.body.items as { name: string }[]).map((item) => item.name).sort();
  };
  const searchesRun = () => statements.filter((statement) => /search_(name|grams)/.test(statement)).length;

  it('answers the same words again without a single database statement', async () => {
    const first = await search('租赁住房');
    const before = searchesRun();
    assert.ok(before > 0, 'the first search ran in the database');
    const statementsBefore = statements.length;
    assert.deepEqual(await search('租赁住房'), first);
    assert.deepEqual(statements.slice(statementsBefore), [], 'the repeated search was answered from memory');
    await search('租金');
    assert.ok(searchesRun() > before, 'other words are searched');
  });

  it('answers the same words in each language in its own words', async () => {
    const chinese = await search('资格申请');
    assert.deepEqual(chinese, ['公共租赁住房资格申请']);
    assert.deepEqual(await search('资格申请', 'en'), ['Public rental housing eligibility']);
    assert.deepEqual(await search('资格申请'), chinese);
  });

  it('finds an item imported after the search at once', async () => {
    assert.deepEqual(await search('公共租赁'), ['公共租赁住房租金补贴申请', '公共租赁住房资格申请']);
    await importItems(database.db, [itemVariant(3, { name: '公共租赁住房退出申请' })]);
    assert.deepEqual(await search('公共租赁'), [
      '公共租赁住房租金补贴申请',
      '公共租赁住房资格申请',
      '公共租赁住房退出申请',
    ]);
  });

  it('keeps answers within their size bound, dropping the least recently used', async () => {
    const kept = new ItemCache<string>(database.db, 10, 3_600_000, {
      weigh: (body) => body.length,
      maxWeight: 10,
    });
    const loaded: string[] = [];
    const read = (key: string) =>
      kept.get(key, async () => {
        loaded.push(key);
        return key.repeat(5);
      });
    for (const key of ['a', 'b', 'a', 'c', 'a', 'b']) await read(key);
    // c (5 characters) pushed the kept total past 10: b, the least recently used, was dropped.
    assert.deepEqual(loaded, ['a', 'b', 'c', 'b']);
  });
});
