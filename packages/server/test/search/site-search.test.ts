import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importDemoCatalogue } from '../../src/demo-catalogue/import.js';
import { createHarness, type Harness } from '../support/harness.js';

interface Summary {
  code: string;
  name: string;
  regionCode: string;
  level: string;
}

/** The site of the demo: 海勃湾区 in 乌海市, Inner Mongolia. */
const site = '150302';
const served = new Set(['150302', '150300', '150000']);

for (const search of ['memory', 'database'] as const) {
  describe(`GET /items?site= (${search} search)`, () => {
    let h: Harness;

    before(async () => {
      h = await createHarness({ search });
      await importDemoCatalogue(h.database.db);
    });
    after(() => h.close());

    async function list(query: string): Promise<Summary[]> {
      const answer = await h.call<{ items: Summary[] }>('GET', `/api/v1/items?${query}&limit=100`);
      assert.equal(answer.status, 200, answer.text);
      return answer.body.items;
    }

    it('lists only the site’s items and its city’s and province’s, the site’s own first', async () => {
      const items = await list(`site=${site}`);
      assert.ok(items.length >= 20, `${items.length} items`);
      for (const item of items)
        assert.ok(served.has(item.regionCode) || item.level === 'national', item.name);
      const rank = items.map((item) => [...served].indexOf(item.regionCode));
      assert.deepEqual(
        rank,
        [...rank].sort((a, b) => a - b),
        'own region, then the city, then the province',
      );
      assert.ok(items.some((item) => item.regionCode === '150300'));
      // 包头 and 金昌 items serve other sites.
      const everything = await list('');
      assert.ok(everything.some((item) => item.regionCode.startsWith('1502')));
    });

    for (const text of ['身份证', '社保', '公积金', '营业执照', '公租房']) {
      it(`finds 乌海 or 海勃湾 items first for “${text}”`, async () => {
        const items = await list(`site=${site}&q=${encodeURIComponent(text)}`);
        assert.ok(items.length > 0, `nothing found for ${text}`);
        assert.ok(
          ['150302', '150300'].includes(items[0]!.regionCode),
          `${items[0]!.name} ${items[0]!.regionCode}`,
        );
        for (const item of items) assert.ok(served.has(item.regionCode), `${item.name} ${item.regionCode}`);
      });
    }
  });
}
