import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PagePromise, paginate } from '../../src/core/pagination.js';
import { Transport } from '../../src/core/transport.js';
import { startScriptedServer } from './support/scripted-server.js';

interface Listing {
  items: string[];
  nextCursor: string | null;
}

const pages: Record<string, Listing> = {
  '': { items: ['a1', 'a2'], nextCursor: 'p2' },
  p2: { items: ['b1', 'b2'], nextCursor: 'p3' },
  p3: { items: ['c1'], nextCursor: null },
};

async function listingServer() {
  return startScriptedServer((request) => {
    const cursor = new URL(request.url, 'http://x').searchParams.get('cursor') ?? '';
    return { status: 200, body: pages[cursor] };
  });
}

function lister(transport: Transport) {
  return () =>
    paginate((cursor) =>
      transport.send<Listing>({ method: 'GET', path: '/items', query: { q: 'sfz', cursor } }),
    );
}

test('for await walks every item across three pages, fetching each page once', async (t) => {
  const server = await listingServer();
  t.after(() => server.close());
  const list = lister(new Transport({ baseUrl: server.origin, timeout: 5_000, maxRetries: 0 }));
  const seen: string[] = [];
  for await (const item of list()) seen.push(item);
  assert.deepEqual(seen, ['a1', 'a2', 'b1', 'b2', 'c1']);
  assert.deepEqual(
    server.requests.map((request) => request.url),
    ['/items?q=sfz', '/items?q=sfz&cursor=p2', '/items?q=sfz&cursor=p3'],
  );
});

test('awaiting a list gives the first page, which can step to the next by hand', async (t) => {
  const server = await listingServer();
  t.after(() => server.close());
  const list = lister(new Transport({ baseUrl: server.origin, timeout: 5_000, maxRetries: 0 }));
  const first = await list();
  assert.deepEqual(first.items, ['a1', 'a2']);
  assert.equal(first.hasNextPage(), true);
  const second = await first.getNextPage();
  assert.deepEqual(second.items, ['b1', 'b2']);
  const third = await second.getNextPage();
  assert.equal(third.hasNextPage(), false);
  assert.equal(third.nextCursor, null);
  await assert.rejects(third.getNextPage(), /No next page/);
  assert.equal(server.requests.length, 3);
});

test('breaking out of the loop early fetches no further pages', async (t) => {
  const server = await listingServer();
  t.after(() => server.close());
  const list = lister(new Transport({ baseUrl: server.origin, timeout: 5_000, maxRetries: 0 }));
  for await (const item of list()) {
    if (item === 'a2') break;
  }
  assert.equal(server.requests.length, 1);
});

test('a page iterates from itself onwards; iterPages yields whole pages', async (t) => {
  const server = await listingServer();
  t.after(() => server.close());
  const list = lister(new Transport({ baseUrl: server.origin, timeout: 5_000, maxRetries: 0 }));
  const first = await list();
  const sizes: number[] = [];
  for await (const page of first.iterPages()) sizes.push(page.items.length);
  assert.deepEqual(sizes, [2, 2, 1]);
});

test('a list call is a real Promise, so Promise tools accept it; then() gives a plain Promise', async (t) => {
  const server = await listingServer();
  t.after(() => server.close());
  const list = lister(new Transport({ baseUrl: server.origin, timeout: 5_000, maxRetries: 0 }));
  const pending = list();
  assert.ok(pending instanceof Promise);
  assert.ok(pending instanceof PagePromise);
  const chained = pending.then((page) => page.items.length);
  assert.equal(chained instanceof PagePromise, false);
  assert.equal(await chained, 2);
  const [first] = await Promise.all([list()]);
  assert.deepEqual(first.items, ['a1', 'a2']);
});
