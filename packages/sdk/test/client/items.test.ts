import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, isNotFoundError } from '../../src/index.js';
import { startScriptedServer } from './support/scripted-server.js';

const summary = (code: string) => ({ code, name: `事项 ${code}` });

test('client.items.list walks every item across three pages with for await', async (t) => {
  const server = await startScriptedServer((request) => {
    const cursor = new URL(request.url, 'http://x').searchParams.get('cursor');
    if (!cursor) return { status: 200, body: { items: [summary('1'), summary('2')], nextCursor: 'c2' } };
    if (cursor === 'c2') return { status: 200, body: { items: [summary('3')], nextCursor: 'c3' } };
    return { status: 200, body: { items: [summary('4')], nextCursor: null } };
  });
  t.after(() => server.close());
  const client = createClient({ baseUrl: `${server.origin}/api/v1`, locale: 'zh-CN' });
  const codes: string[] = [];
  for await (const item of client.items.list({ q: 'sfz', audience: 'naturalPerson', limit: 2 }))
    codes.push(item.code);
  assert.deepEqual(codes, ['1', '2', '3', '4']);
  assert.deepEqual(
    server.requests.map((request) => request.url),
    [
      '/api/v1/items?q=sfz&audience=naturalPerson&limit=2',
      '/api/v1/items?q=sfz&audience=naturalPerson&limit=2&cursor=c2',
      '/api/v1/items?q=sfz&audience=naturalPerson&limit=2&cursor=c3',
    ],
  );
  assert.ok(server.requests.every((request) => request.headers['accept-language'] === 'zh-CN'));
});

test('client.items.list awaited gives the first page', async (t) => {
  const server = await startScriptedServer(() => ({
    status: 200,
    body: { items: [summary('1')], nextCursor: 'c2' },
  }));
  t.after(() => server.close());
  const client = createClient({ baseUrl: server.origin });
  const page = await client.items.list();
  assert.deepEqual(page.items, [summary('1')]);
  assert.equal(page.nextCursor, 'c2');
  assert.equal(page.hasNextPage(), true);
  assert.equal(server.requests[0]!.url, '/items');
});

test('client.items.get revalidates the guide with its ETag and returns the remembered body on 304', async (t) => {
  const guide = { ...summary('11150302MB154687214000105012000'), materials: [] };
  const server = await startScriptedServer((request) =>
    request.headers['if-none-match'] === '"g1"'
      ? { status: 304, headers: { etag: '"g1"' } }
      : { status: 200, headers: { etag: '"g1"' }, body: guide },
  );
  t.after(() => server.close());
  const client = createClient({ baseUrl: `${server.origin}/api/v1` });
  const first = await client.items.get(guide.code);
  const second = await client.items.get(guide.code);
  assert.deepEqual(second, first);
  assert.deepEqual(
    server.requests.map((request) => [request.url, request.headers['if-none-match']]),
    [
      [`/api/v1/items/${guide.code}`, undefined],
      [`/api/v1/items/${guide.code}`, '"g1"'],
    ],
  );
});

test('client.items.getForm reads the form definition; a missing one is a NotFoundError', async (t) => {
  const server = await startScriptedServer((request) =>
    request.url.includes('/nope/')
      ? {
          status: 404,
          body: { type: 'urn:banshi:problem:not-found', title: '未找到', status: 404, code: 'not_found' },
        }
      : { status: 200, body: { itemCode: 'x', version: '1.0.0' } },
  );
  t.after(() => server.close());
  const client = createClient({ baseUrl: server.origin });
  assert.deepEqual(await client.items.getForm('x'), { itemCode: 'x', version: '1.0.0' });
  const error = await client.items.getForm('nope').catch((e: unknown) => e);
  assert.ok(isNotFoundError(error));
  assert.equal(error.problem?.code, 'not_found');
  assert.equal(server.requests[1]!.url, '/items/nope/form');
});

test('client.reference lists departments, themes and regions with their filters', async (t) => {
  const server = await startScriptedServer(() => ({
    status: 200,
    body: { items: [{ id: 'a' }], nextCursor: null },
  }));
  t.after(() => server.close());
  const client = createClient({ baseUrl: server.origin });
  await client.reference.listDepartments({ region: '150302' });
  await client.reference.listThemes({ audience: 'naturalPerson' });
  const regions = await client.reference.listRegions({ parent: '150300', q: '海勃湾' });
  assert.equal(regions.hasNextPage(), false);
  assert.deepEqual(
    server.requests.map((request) => decodeURIComponent(request.url)),
    ['/departments?region=150302', '/themes?audience=naturalPerson', '/regions?parent=150300&q=海勃湾'],
  );
});

test('an aborted list call rejects with APIUserAbortError and the iteration stops', async (t) => {
  const controller = new AbortController();
  // Abort once the request has arrived, so the abort meets a call in flight.
  const server = await startScriptedServer(() => {
    setTimeout(() => controller.abort(), 10);
    return { status: 200, hang: true };
  });
  t.after(() => server.close());
  const client = createClient({ baseUrl: server.origin });
  const seen: unknown[] = [];
  const error = await (async () => {
    for await (const item of client.items.list({ q: 'x' }, { signal: controller.signal })) seen.push(item);
  })().catch((e: unknown) => e);
  assert.equal((error as { kind?: string }).kind, 'APIUserAbortError');
  assert.deepEqual(seen, []);
  assert.equal(server.requests.length, 1);
});
