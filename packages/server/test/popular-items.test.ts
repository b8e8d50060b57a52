import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importItems } from '../src/items/importer.js';
import { createHarness, type Harness } from './support/harness.js';
import { importExample, submitCase } from './support/cases.js';
import { itemVariant } from './support/fixtures.js';

describe('GET /items?sort=popular (热门事项)', () => {
  let h: Harness;
  let rental: string;

  before(async () => {
    h = await createHarness();
    rental = (await importExample(h)).code;
    await importItems(h.database.db, [
      itemVariant(1, {
        name: '食品经营许可',
        regionCode: '150302',
        departmentName: '海勃湾区市场监督管理局',
        departmentId: '150202-scj',
        formVersion: null,
      }),
      itemVariant(2, {
        name: '个体工商户登记',
        regionCode: '150302',
        departmentName: '海勃湾区市场监督管理局',
        departmentId: '150202-scj',
        formVersion: null,
      }),
    ]);
  });
  after(() => h.close());

  const codes = async (query: string) => {
    const answer = await h.call<{ items: { code: string }[] }>('GET', `/api/v1/items?${query}`);
    assert.equal(answer.status, 200, answer.text);
    return answer.body.items.map((item) => item.code);
  };

  it('lists the most applied-for items first, by the applications of the last 90 days', async () => {
    const usual = await codes('site=150302');
    assert.notEqual(usual[0], rental, 'the listing does not start with the applied-for item');
    await submitCase(h, rental);
    await submitCase(h, rental);
    const popular = await codes('site=150302&sort=popular');
    assert.equal(popular[0], rental);
    assert.deepEqual([...popular].sort(), [...usual].sort(), 'the same items, in another order');
    assert.deepEqual(await codes('site=150302&sort=popular&limit=1'), [rental]);
  });

  it('refuses an unknown order', async () => {
    const answer = await h.call('GET', '/api/v1/items?sort=newest');
    assert.equal(answer.status, 400, answer.text);
  });
});
