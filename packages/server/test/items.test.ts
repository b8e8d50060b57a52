import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importItems } from '../src/items/importer.js';
import { createHarness, type Harness } from './support/harness.js';
import { exampleItem, exampleForm, itemVariant } from './support/fixtures.js';

describe('items', () => {
  let h: Harness;
  const example = exampleItem();

  before(async () => {
    h = await createHarness();
    await importItems(h.database.db, [
      {
        item: example,
        form: exampleForm(),
        translations: { en: { ...example, name: 'Public rental housing application' } },
      },
      itemVariant(1, {
        name: '居民身份证申领',
        aliases: ['办身份证'],
        departmentName: '海勃湾区公安分局',
        departmentId: '150302-gaj',
        formVersion: null,
      }),
      itemVariant(2, {
        name: '身份信息核验',
        aliases: [],
        departmentName: '海勃湾区公安分局',
        departmentId: '150302-gaj',
        formVersion: null,
      }),
      itemVariant(3, {
        name: '食品经营许可',
        aliases: ['食品许可证'],
        type: 'licensing',
        onlineDepth: 'III',
        regionCode: '150202',
        departmentName: '东河区市场监督管理局',
        departmentId: '150202-scj',
        formVersion: null,
      }),
      itemVariant(4, {
        name: '高龄津贴认证',
        aliases: ['身份证明材料核验'],
        status: 'abolished',
        formVersion: null,
      }),
    ]);
  });
  after(() => h.close());

  it('lists active items, department then name, with a cursor to the next page', async () => {
    const first = await h.call('GET', '/api/v1/items?limit=2');
    assert.equal(first.status, 200);
    assert.equal(first.body.items.length, 2);
    assert.ok(first.body.nextCursor);
    const second = await h.call('GET', `/api/v1/items?limit=2&cursor=${first.body.nextCursor}`);
    assert.equal(second.body.items.length, 2);
    assert.equal(second.body.nextCursor, null);
    const names = [...first.body.items, ...second.body.items].map((i: { name: string }) => i.name);
    assert.ok(!names.includes('高龄津贴认证'), 'abolished items are not listed by default');
  });

  it('finds items by Chinese substring, full pinyin and initials, name matches first', async () => {
    for (const q of ['身份证', 'shenfenzheng', 'sfz']) {
      const { body } = await h.call('GET', `/api/v1/items?q=${encodeURIComponent(q)}`);
      assert.deepEqual(
        body.items.map((i: { name: string }) => i.name),
        ['居民身份证申领'],
        `q=${q}`,
      );
    }
    const { body } = await h.call('GET', `/api/v1/items?q=${encodeURIComponent('身份')}`);
    assert.deepEqual(
      body.items.map((i: { name: string }) => i.name),
      ['身份信息核验', '居民身份证申领'],
    );
  });

  it('ranks a name match before an alias match before a department match', async () => {
    await importItems(h.database.db, [
      itemVariant(10, {
        name: '户口迁移',
        aliases: ['公安户籍'],
        departmentName: '测试局',
        departmentId: 'x-1',
        formVersion: null,
      }),
      itemVariant(11, {
        name: '公安备案',
        aliases: [],
        departmentName: '测试局',
        departmentId: 'x-1',
        formVersion: null,
      }),
      itemVariant(12, {
        name: '其他事项',
        aliases: [],
        departmentName: '海勃湾公安局',
        departmentId: 'x-2',
        formVersion: null,
      }),
    ]);
    const { body } = await h.call('GET', `/api/v1/items?q=${encodeURIComponent('公安')}`);
    const names = body.items.map((i: { name: string }) => i.name);
    assert.ok(names.indexOf('公安备案') < names.indexOf('户口迁移'));
    assert.ok(names.indexOf('户口迁移') < names.indexOf('其他事项'));
  });

  it('filters by region (including the regions below), type, depth and department', async () => {
    const byRegion = await h.call('GET', '/api/v1/items?region=150200');
    assert.deepEqual(
      byRegion.body.items.map((i: { name: string }) => i.name),
      ['食品经营许可'],
    );
    const byDepth = await h.call('GET', '/api/v1/items?onlineDepth=III');
    assert.deepEqual(
      byDepth.body.items.map((i: { name: string }) => i.name),
      ['食品经营许可'],
    );
    const byDepartment = await h.call('GET', '/api/v1/items?department=150302-gaj');
    assert.equal(byDepartment.body.items.length, 2);
    const abolished = await h.call('GET', '/api/v1/items?status=abolished');
    assert.deepEqual(
      abolished.body.items.map((i: { name: string }) => i.name),
      ['高龄津贴认证'],
    );
  });

  it('rejects bad parameters with a problem naming the parameter', async () => {
    const response = await h.call('GET', '/api/v1/items?limit=0&type=nonsense');
    assert.equal(response.status, 400);
    assert.match(response.headers.get('content-type')!, /application\/problem\+json/);
    assert.equal(response.body.code, 'validation_failed');
    const pointers = response.body.errors.map((e: { pointer: string }) => e.pointer).sort();
    assert.deepEqual(pointers, ['#/query/limit', '#/query/type']);
    const badCursor = await h.call('GET', '/api/v1/items?cursor=not-a-cursor');
    assert.equal(badCursor.status, 400);
    assert.equal(badCursor.body.errors[0].pointer, '#/query/cursor');
  });

  it('answers in English when asked', async () => {
    const response = await h.call('GET', '/api/v1/items?limit=0', {
      headers: { 'Accept-Language': 'en-GB,en;q=0.9' },
    });
    assert.equal(response.headers.get('content-language'), 'en');
    assert.match(response.body.errors[0].message, /at least 1/);
    const zh = await h.call('GET', '/api/v1/items?limit=0');
    assert.equal(zh.headers.get('content-language'), 'zh-CN');
    assert.match(zh.body.errors[0].message, /不能小于/);
  });

  it('returns one item with an ETag, and 304 when it has not changed', async () => {
    const response = await h.call('GET', `/api/v1/items/${example.code}`);
    assert.equal(response.status, 200);
    assert.equal(response.body.name, example.name);
    const etag = response.headers.get('etag')!;
    assert.ok(etag);
    const again = await h.call('GET', `/api/v1/items/${example.code}`, {
      headers: { 'If-None-Match': etag },
    });
    assert.equal(again.status, 304);
    assert.equal(again.text, '');
    const english = await h.call('GET', `/api/v1/items/${example.code}`, {
      headers: { 'Accept-Language': 'en' },
    });
    assert.equal(english.body.name, 'Public rental housing application');
    assert.notEqual(english.headers.get('etag'), etag);
  });

  it('answers 404 for an unknown item and 400 for a malformed code', async () => {
    const missing = await h.call('GET', `/api/v1/items/${example.code.slice(0, -1)}9`);
    assert.equal(missing.status, 404);
    assert.equal(missing.body.code, 'not_found');
    const malformed = await h.call('GET', '/api/v1/items/abc');
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.errors[0].pointer, '#/path/code');
  });

  it('returns the form definition of an item that has one, 404 otherwise', async () => {
    const form = await h.call('GET', `/api/v1/items/${example.code}/form`);
    assert.equal(form.status, 200);
    assert.equal(form.body.id, exampleForm().id);
    // Each answer carries its own form session, so none is cached or revalidated.
    assert.equal(form.headers.get('etag'), null);
    const again = await h.call('GET', `/api/v1/items/${example.code}/form`, {
      headers: { 'If-None-Match': '*' },
    });
    assert.equal(again.status, 200);
    assert.notEqual(again.body.session.token, form.body.session.token);
    const noForm = await h.call('GET', `/api/v1/items/${itemVariant(1, {}).item.code}/form`);
    assert.equal(noForm.status, 404);
  });

  it('lists departments, themes and regions', async () => {
    const departments = await h.call('GET', '/api/v1/departments?region=150302');
    assert.ok(
      departments.body.items.some(
        (d: { id: string; itemCount: number }) => d.id === '150302-gaj' && d.itemCount === 2,
      ),
    );
    const themes = await h.call('GET', '/api/v1/themes?audience=naturalPerson');
    assert.ok(themes.body.items.length >= 1);
    assert.ok(themes.body.items.every((t: { audience: string[] }) => t.audience.includes('naturalPerson')));
    const companies = await h.call('GET', '/api/v1/themes?audience=enterprise');
    assert.ok(
      companies.body.items.every((t: { audience: string[] }) => !t.audience.includes('naturalPerson')),
    );
    assert.equal((await h.call('GET', '/api/v1/themes?audience=person')).status, 400, 'one vocabulary');
    const top = await h.call('GET', '/api/v1/regions');
    assert.ok(top.body.items.every((r: { parent: string | null }) => r.parent === null));
    const children = await h.call('GET', '/api/v1/regions?parent=150300');
    assert.deepEqual(
      children.body.items.map((r: { code: string }) => r.code),
      ['150302', '150303', '150304'],
    );
    const byName = await h.call('GET', `/api/v1/regions?q=${encodeURIComponent('海勃湾')}`);
    assert.deepEqual(
      byName.body.items.map((r: { code: string }) => r.code),
      ['150302'],
    );
    const byPinyin = await h.call('GET', '/api/v1/regions?q=hbw');
    assert.deepEqual(
      byPinyin.body.items.map((r: { code: string }) => r.code),
      ['150302'],
    );
  });
});
