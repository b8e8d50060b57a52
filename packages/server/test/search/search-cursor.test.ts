import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importItems } from '../../src/items/importer.js';
import { itemVariant } from '../support/fixtures.js';
import { createHarness, type Harness } from '../support/harness.js';

interface Page {
  items: { code: string; name: string }[];
  nextCursor: string | null;
}

/** Items named 居住证事项1…9 in 海勃湾区: the same length, so they rank by code, item 1 first. */
const numbered = (index: number) => itemVariant(index, { name: `居住证事项${index}` });

for (const site of ['', '&site=150302']) {
  describe(`paging a database search with the cursor${site ? ' on a site' : ''}`, () => {
    let h: Harness;
    before(async () => {
      h = await createHarness({ search: 'database' });
      await importItems(
        h.database.db,
        Array.from({ length: 9 }, (_, i) => numbered(i + 1)),
      );
    });
    after(() => h.close());

    async function page(cursor?: string): Promise<Page> {
      const answer = await h.call<Page>(
        'GET',
        `/api/v1/items?q=${encodeURIComponent('居住证')}&limit=3${site}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      assert.equal(answer.status, 200, answer.text);
      return answer.body;
    }

    it('goes on after the last item shown, though an item was added before it meanwhile', async () => {
      const first = await page();
      assert.deepEqual(
        first.items.map((item) => item.name),
        ['居住证事项1', '居住证事项2', '居住证事项3'],
      );
      // Ranks first: the same name length and a smaller code. Counting three from the start again
      // would show 居住证事项3 twice.
      await importItems(h.database.db, [numbered(0)]);
      const second = await page(first.nextCursor!);
      assert.deepEqual(
        second.items.map((item) => item.name),
        ['居住证事项4', '居住证事项5', '居住证事项6'],
      );
      const third = await page(second.nextCursor!);
      assert.deepEqual(
        third.items.map((item) => item.name),
        ['居住证事项7', '居住证事项8', '居住证事项9'],
      );
      assert.equal(third.nextCursor, null);
    });

    it('refuses a cursor whose position was made up, naming the cursor', async () => {
      const forged = Buffer.from(JSON.stringify({ o: 3, k: ['x', 'y', 'z', 'w'] })).toString('base64url');
      const answer = await h.call<{ errors: { pointer: string }[] }>(
        'GET',
        `/api/v1/items?q=${encodeURIComponent('居住证')}${site}&cursor=${forged}`,
      );
      assert.equal(answer.status, 400, answer.text);
      assert.equal(answer.body.errors[0]!.pointer, '#/query/cursor');
    });
  });
}

describe('paging a database listing past an item with a long name', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness({ search: 'database' });
    const long = itemVariant(0, { name: `居住证事项0${'附'.repeat(200)}` });
    await importItems(h.database.db, [long, numbered(1)]);
  });
  after(() => h.close());

  it('goes on to the next page, though the name is too long for the position to fit a cursor', async () => {
    const first = await h.call<Page>('GET', '/api/v1/items?limit=1');
    assert.equal(first.status, 200, first.text);
    assert.match(first.body.items[0]!.name, /^居住证事项0附/);
    const second = await h.call<Page>('GET', `/api/v1/items?limit=1&cursor=${first.body.nextCursor}`);
    assert.equal(second.status, 200, second.text);
    assert.deepEqual(
      second.body.items.map((item) => item.name),
      ['居住证事项1'],
    );
  });
});
