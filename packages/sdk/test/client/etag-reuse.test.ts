import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Transport } from '../../src/core/transport.js';
import { startScriptedServer } from './support/scripted-server.js';

const guide = { code: '000000000001', name: '居民身份证申领', materials: [{ name: '户口簿' }] };

test('a second read of the same URL sends If-None-Match and a 304 returns the remembered body', async (t) => {
  const server = await startScriptedServer((request) =>
    request.headers['if-none-match'] === '"v1"'
      ? { status: 304, headers: { etag: '"v1"' } }
      : { status: 200, headers: { etag: '"v1"' }, body: guide },
  );
  t.after(() => server.close());
  const transport = new Transport({ baseUrl: server.origin, timeout: 5_000, maxRetries: 0 });
  const read = () =>
    transport.send({ method: 'GET', path: '/items/{code}', params: { code: guide.code }, reuseEtag: true });
  assert.deepEqual(await read(), guide);
  assert.deepEqual(await read(), guide);
  assert.equal(server.requests[0]!.headers['if-none-match'], undefined);
  assert.equal(server.requests[1]!.headers['if-none-match'], '"v1"');
});

test('a changed resource replaces the remembered body and ETag', async (t) => {
  let version = 1;
  const server = await startScriptedServer((request) =>
    request.headers['if-none-match'] === `"v${version}"`
      ? { status: 304 }
      : { status: 200, headers: { etag: `"v${version}"` }, body: { ...guide, version } },
  );
  t.after(() => server.close());
  const transport = new Transport({ baseUrl: server.origin, timeout: 5_000, maxRetries: 0 });
  const read = () =>
    transport.send({ method: 'GET', path: '/items/{code}', params: { code: guide.code }, reuseEtag: true });
  await read();
  version = 2;
  assert.deepEqual(await read(), { ...guide, version: 2 });
  assert.deepEqual(await read(), { ...guide, version: 2 });
  assert.deepEqual(
    server.requests.map((request) => request.headers['if-none-match']),
    [undefined, '"v1"', '"v2"'],
  );
});

test('reads in another language do not reuse the body of the first', async (t) => {
  const server = await startScriptedServer((request) => ({
    status: 200,
    headers: { etag: `"${request.headers['accept-language']}"` },
    body: { name: request.headers['accept-language'] === 'en' ? 'ID card' : '身份证' },
  }));
  t.after(() => server.close());
  const chinese = new Transport({ baseUrl: server.origin, timeout: 5_000, maxRetries: 0, locale: 'zh-CN' });
  await chinese.send({ method: 'GET', path: '/items/x', reuseEtag: true });
  const english = await chinese.send({
    method: 'GET',
    path: '/items/x',
    reuseEtag: true,
    headers: { 'accept-language': 'en' },
  });
  assert.deepEqual(english, { name: 'ID card' });
  assert.equal(server.requests[1]!.headers['if-none-match'], undefined);
});

test('reads without ETag reuse never send If-None-Match', async (t) => {
  const server = await startScriptedServer(() => ({ status: 200, headers: { etag: '"v1"' }, body: guide }));
  t.after(() => server.close());
  const transport = new Transport({ baseUrl: server.origin, timeout: 5_000, maxRetries: 0 });
  await transport.send({ method: 'GET', path: '/items/x' });
  await transport.send({ method: 'GET', path: '/items/x' });
  assert.equal(server.requests[1]!.headers['if-none-match'], undefined);
});
