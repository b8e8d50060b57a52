import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openDatabase } from '../../src/db/database.js';
import { importItems } from '../../src/items/importer.js';
import { exampleForm, exampleItem } from '../support/fixtures.js';
import { testDatabaseUrl } from '../support/database.js';
import { freshPostgresDatabase } from '../support/postgres.js';
import { spawnServer } from '../support/process.js';
import { staffClaims } from '../support/harness.js';
import { providerForCli } from '../support/identity-provider.js';

/** Polls `read` until `done` holds or three seconds pass; answers the last value. */
async function within<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const until = Date.now() + 3000;
  let value = await read();
  while (!done(value) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

const sharedPostgres = {
  skip: !testDatabaseUrl && 'BANSHI_TEST_DATABASE_URL is not set: this needs a shared PostgreSQL',
};

/** A fresh PostgreSQL database holding one item, and a connection of this test process to it. */
async function catalogueOfOne() {
  const database = await freshPostgresDatabase();
  const item = exampleItem();
  const writer = await openDatabase({ databaseUrl: database.url });
  await importItems(writer.db, [{ item, form: exampleForm() }]);
  return { database, item, writer };
}

/**
 * What one process caches (the item guide and form with their ETags, the search index, the calendar)
 * must follow a change made elsewhere: two processes on one PostgreSQL, each cache warmed through the
 * second, the data changed through the first (or by the catalogue importer), then read through the second.
 */
describe('two processes on one PostgreSQL agree', { timeout: 240_000 }, () => {
  it(
    'sees an item, its search terms and the calendar changed elsewhere within a second or so',
    sharedPostgres,
    async () => {
      const { database, item, writer } = await catalogueOfOne();
      const signIn = await providerForCli(staffClaims());
      const staff = { Authorization: `Bearer ${signIn.token}` };
      const args = ['--database-url', database.url, ...signIn.args];
      const [first, second] = await Promise.all([spawnServer(args), spawnServer(args)]);
      try {
        const guideUrl = `${second!.url}/api/v1/items/${item.code}`;
        const guide = await fetch(guideUrl);
        const etag = guide.headers.get('etag')!;
        assert.equal((await fetch(guideUrl, { headers: { 'If-None-Match': etag } })).status, 304);
        const search = (q: string) =>
          fetch(`${second!.url}/api/v1/items?q=${encodeURIComponent(q)}`).then(
            (r) => r.json() as Promise<{ items: { code: string }[] }>,
          );
        assert.equal((await search('跨进程改名')).items.length, 0);
        const calendarUrl = (server: { url: string }) => `${server.url}/api/v1/calendar/2026`;
        const days = (
          (await (await fetch(calendarUrl(second!), { headers: staff })).json()) as {
            days: { date: string }[];
          }
        ).days;

        // The catalogue changes (the importer, as an operator's import runs it) ...
        await importItems(writer.db, [
          { item: { ...item, name: '跨进程改名后的事项', version: '2' }, form: exampleForm() },
        ]);
        // ... and the calendar through the first process.
        const put = await fetch(calendarUrl(first!), {
          method: 'PUT',
          headers: { ...staff, 'content-type': 'application/json' },
          body: JSON.stringify({
            days: [...days, { date: '2026-10-22', kind: 'holiday', name: '临时停工' }],
          }),
        });
        assert.equal(put.status, 200);

        const renamed = await within(
          () => fetch(guideUrl, { headers: { 'If-None-Match': etag } }),
          (response) => response.status === 200,
        );
        assert.equal(renamed.status, 200, 'the old ETag no longer matches');
        assert.equal(((await renamed.json()) as { name: string }).name, '跨进程改名后的事项');
        const found = await within(
          () => search('跨进程改名'),
          (page) => page.items.length === 1,
        );
        assert.deepEqual(
          found.items.map((entry) => entry.code),
          [item.code],
        );
        const calendar = (await (await fetch(calendarUrl(second!), { headers: staff })).json()) as {
          days: { date: string; name?: string }[];
        };
        assert.ok(calendar.days.some((day) => day.date === '2026-10-22' && day.name === '临时停工'));
      } finally {
        await Promise.all([first!.stop(), second!.stop()]);
        await writer.close();
        await database.drop();
      }
    },
  );

  it(
    'shows an imported item in a search repeated through a server process within a second',
    sharedPostgres,
    async () => {
      const { database, item, writer } = await catalogueOfOne();
      const server = await spawnServer(['--database-url', database.url]);
      try {
        const search = () =>
          fetch(`${server.url}/api/v1/items?q=${encodeURIComponent('跨进程新事项')}`).then(
            (r) => r.json() as Promise<{ items: { code: string }[] }>,
          );
        // The server keeps this (empty) answer; a repeated search is answered from it.
        assert.equal((await search()).items.length, 0);
        assert.equal((await search()).items.length, 0);

        // This test process is the other process: the catalogue changes through its importer.
        await importItems(writer.db, [
          { item: { ...item, name: '跨进程新事项', version: '2' }, form: exampleForm() },
        ]);
        const changed = Date.now();
        const found = await within(search, (page) => page.items.length === 1);
        const seenAfter = Date.now() - changed;
        assert.deepEqual(
          found.items.map((entry) => entry.code),
          [item.code],
        );
        assert.ok(seenAfter < 1000, `seen ${seenAfter} ms after the change, not within a second`);
      } finally {
        await server.stop();
        await writer.close();
        await database.drop();
      }
    },
  );
});
