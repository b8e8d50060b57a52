import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { randomBytes } from 'node:crypto';
import { startServer, type StartServerOptions } from '../src/server.js';
import type { Database } from '../src/db/database.js';
import { storeSampleRatings } from '../../../bench/synthetic/sample-ratings.js';
import { openTestDatabase } from './support/database.js';
import { assertConforms } from './support/conformance.js';
import { staffClaims } from './support/harness.js';
import { startFakeProvider, testAudience, type FakeProvider } from './support/identity-provider.js';

// `npm start` shows the demo site, whose home and 好差评公示 pages summarise the ratings of department
// 150302-zjj; with no ratings stored they would show nothing but zeros, so it stores sample ratings first.
describe('sample ratings of the demo catalogue', () => {
  let database: Database;
  const now = new Date('2026-11-23T10:30:00+08:00');
  let provider: FakeProvider;
  const common: StartServerOptions = {
    // One key for every start, so rows sealed by one are read by the next.
    piiKey: randomBytes(32).toString('hex'),
    port: 0,
    seed: true,
    demoDir: null,
    cdnDir: null,
    log: () => {},
    clock: () => now,
  };

  before(async () => {
    database = await openTestDatabase();
    provider = await startFakeProvider();
    common.identity = { issuer: provider.issuer, audience: testAudience, jwksUrl: provider.jwksUrl };
  });
  after(async () => {
    await database.close();
    await provider.close();
  });

  async function summary(query: string) {
    const server = await startServer({ ...common, database });
    try {
      const response = await fetch(`${server.url}/api/v1/evaluations/summary${query}`);
      assert.equal(response.status, 200);
      return (await response.json()) as {
        total: number;
        satisfactionRate: number | null;
        badCount: number;
        rectificationRate: number | null;
      };
    } finally {
      await server.close();
    }
  }

  async function storedRatings() {
    const row = await database.db
      .selectFrom('evaluations')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  it('leaves the ratings empty when only the demo catalogue is imported', async () => {
    const server = await startServer({ ...common, database });
    await server.close();
    assert.equal(await storedRatings(), 0);
  });

  it('stores that many ratings of the demo items over the past year, once', async () => {
    assert.equal(await storeSampleRatings(database.db, 3000, { now }), 3000);
    assert.equal(await storedRatings(), 3000);

    const all = await summary('');
    assert.equal(all.total, 3000);
    assert.ok(
      all.satisfactionRate! > 0.99 && all.satisfactionRate! < 1,
      `satisfaction ${all.satisfactionRate}`,
    );
    assert.ok(all.badCount > 0, 'a realistic sample has a few bad reviews');
    // Within the year before the start, and none from the day it started on.
    assert.equal((await summary('?from=2025-11-23&to=2026-11-22')).total, 3000);

    // Bad reviews older than a week were dealt with, as a published board shows them.
    assert.ok(all.rectificationRate! > 0.5, `rectification ${all.rectificationRate}`);
    const settled = await database.db
      .selectFrom('evaluations')
      .select(['id', 'department_id'])
      .where('rectification_state', '=', 'rectified')
      .where('anonymous', '=', false)
      .executeTakeFirstOrThrow();
    const view = await startServer({ ...common, database });
    try {
      const path = `/api/v1/evaluations/${settled.id}`;
      const response = await fetch(`${view.url}${path}`, {
        headers: {
          Authorization: `Bearer ${await provider.sign(staffClaims({ departments: [settled.department_id] }), { expiresIn: '2h' })}`,
        },
      });
      const body = (await response.json()) as {
        rectification: { state: string; history: { action: string }[] };
      };
      assertConforms('GET', path, response.status, response.headers.get('content-type'), body);
      assert.equal(response.status, 200);
      assert.equal(body.rectification.state, 'rectified');
      assert.deepEqual(
        body.rectification.history.map((step: { action: string }) => step.action),
        ['callback', 'rectify'],
      );
    } finally {
      await view.close();
    }

    // The department and the item the demo pages show.
    assert.ok((await summary('?department=150302-zjj')).total > 0);
    assert.ok((await summary('?item=1115030201183506284200603001000')).total > 0);

    // A second run finds ratings and adds none.
    assert.equal(await storeSampleRatings(database.db, 3000, { now }), 0);
    assert.equal(await storedRatings(), 3000);
  });
});
