import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importItems } from '../../src/items/importer.js';
import { itemVariant } from '../support/fixtures.js';
import { createHarness, type Harness, type TestResponse } from '../support/harness.js';

describe('a repeated search answered before routing', () => {
  const site = 'https://county.example';
  let h: Harness;
  before(async () => {
    h = await createHarness({ allowedOrigins: [site], searchCheckMs: 3_600_000 });
    const first = itemVariant(1, { name: '公共租赁住房资格申请' });
    await importItems(h.database.db, [
      { ...first, translations: { en: { ...first.item, name: 'Public rental housing eligibility' } } },
      itemVariant(2, { name: '公共租赁住房租金补贴申请' }),
    ]);
  });
  after(() => h.close());

  const headersOf = (response: TestResponse) =>
    Object.fromEntries([...response.headers].filter(([name]) => name !== 'x-request-id'));

  it('answers the same body and headers as the first time, request id included', async () => {
    const path = `/api/v1/items?q=${encodeURIComponent('租赁住房')}&limit=5`;
    const asked: Record<string, string>[] = [
      { 'Accept-Language': 'en', Origin: site },
      { Origin: 'https://elsewhere.example' },
      {},
    ];
    for (const headers of asked) {
      const first = await h.call('GET', path, { headers: { ...headers, 'X-Request-Id': 'req-first-1' } });
      const again = await h.call('GET', path, { headers: { ...headers, 'X-Request-Id': 'req-again-2' } });
      assert.equal(first.status, 200, first.text);
      assert.equal(again.status, 200, again.text);
      assert.equal(again.text, first.text);
      assert.deepEqual(headersOf(again), headersOf(first));
      assert.equal(again.headers.get('x-request-id'), 'req-again-2');
    }
    const english = await h.call('GET', path, { headers: { 'Accept-Language': 'en' } });
    assert.equal(english.headers.get('content-language'), 'en');
    assert.ok(english.text.includes('Public rental housing eligibility'), english.text);
    const chinese = await h.call('GET', path);
    assert.equal(chinese.headers.get('content-language'), 'zh-CN');
    assert.ok(chinese.text.includes('公共租赁住房资格申请'), chinese.text);
  });

  it('still refuses what the router refuses, however often the words were answered', async () => {
    const path = `/api/v1/items?q=${encodeURIComponent('租金')}`;
    assert.equal((await h.call('GET', path)).status, 200);
    assert.equal((await h.call('GET', path)).status, 200);
    const tooLong = await h.call('GET', path, { headers: { 'Accept-Language': 'en,'.repeat(80) } });
    assert.equal(tooLong.status, 400, tooLong.text);
    const badToken = await h.call('GET', path, { headers: { Authorization: 'Bearer not-a-token' } });
    assert.equal(badToken.status, 401, badToken.text);
    const badLimit = await h.call('GET', `${path}&limit=0`);
    assert.equal(badLimit.status, 400, badLimit.text);
  });

  it('shows an item imported through this process at once', async () => {
    const path = `/api/v1/items?q=${encodeURIComponent('退出')}`;
    assert.deepEqual((await h.call('GET', path)).body.items, []);
    assert.deepEqual((await h.call('GET', path)).body.items, []);
    await importItems(h.database.db, [itemVariant(3, { name: '公共租赁住房退出申请' })]);
    const names = (await h.call('GET', path)).body.items.map((item: { name: string }) => item.name);
    assert.deepEqual(names, ['公共租赁住房退出申请']);
  });
});
