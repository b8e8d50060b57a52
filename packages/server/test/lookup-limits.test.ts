import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '../src/server.js';
import { createHarness, type Harness } from './support/harness.js';
import { importExample, submitCase } from './support/cases.js';

// A fixed clock: the limits count in fixed windows, and a test must not straddle the edge of one.
const clock = () => new Date('2026-11-18T02:01:00Z');

const tally = (statuses: number[]) =>
  statuses.reduce<Record<number, number>>(
    (counts, status) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }),
    {},
  );

/** The n-th of many well-formed codes (`ZZZZ` and n in base 8 over the digits 2–9): wrong for a fresh case. */
const wrongCode = (n: number) =>
  `ZZZZ${n
    .toString(8)
    .padStart(4, '0')
    .replace(/[0-7]/g, (d) => String(Number(d) + 2))}`;

describe('query-code lookup limits', () => {
  let h: Harness;
  let itemCode: string;
  before(async () => {
    h = await createHarness({
      clock,
      lookupLimits: {
        perCase: { limit: 10, windowSeconds: 600 },
        perAddress: { limit: 1000, windowSeconds: 600 },
      },
    });
    itemCode = (await importExample(h)).code;
  });
  after(() => h.close());

  it('checks only as many of 200 concurrent wrong codes for one case as its limit allows; the rest get 429', async () => {
    const { caseNumber } = await submitCase(h, itemCode);
    const statuses = await Promise.all(
      Array.from({ length: 200 }, (_, n) =>
        h
          .call('GET', `/api/v1/cases/${caseNumber}`, { headers: { 'X-Query-Code': wrongCode(n) } })
          .then((response) => response.status),
      ),
    );
    assert.deepEqual(tally(statuses), { 404: 10, 429: 190 });
  });
});

describe('query-code lookups behind shared addresses and proxies', () => {
  let h: Harness;
  let server: RunningServer;
  let itemCode: string;
  const lookupLimits = {
    perCase: { limit: 10, windowSeconds: 600 },
    perAddress: { limit: 5, windowSeconds: 600 },
  };
  before(async () => {
    // The server reads the cases the harness wrote: one personal-data key for both.
    const piiKey = randomBytes(32);
    h = await createHarness({ clock, lookupLimits, piiKey });
    itemCode = (await importExample(h)).code;
    server = await startServer({
      port: 0,
      database: h.database,
      trustProxy: ['127.0.0.1', '::1'],
      piiKey: piiKey.toString('hex'),
      lookupLimits,
      clock,
      demoDir: null,
      cdnDir: null,
      log: () => {},
    });
  });
  after(async () => {
    await server.close();
    await h.close();
  });

  const lookup = (caseNumber: string, headers: Record<string, string>) =>
    fetch(`${server.url}/api/v1/cases/${caseNumber}`, { headers }).then(async (response) => {
      await response.arrayBuffer();
      return response.status;
    });

  it('closes one case number after its limit, whichever addresses the guesses come from', async () => {
    const target = await submitCase(h, itemCode);
    const statuses = await Promise.all(
      Array.from({ length: 60 }, (_, n) =>
        lookup(target.caseNumber, { 'X-Query-Code': wrongCode(n), 'X-Forwarded-For': `198.51.100.${n + 1}` }),
      ),
    );
    assert.deepEqual(tally(statuses), { 404: 10, 429: 50 });
    // The addresses were not what stopped them: another case opens from one of them.
    const other = await submitCase(h, itemCode);
    assert.equal(
      await lookup(other.caseNumber, { 'X-Query-Code': other.queryCode, 'X-Forwarded-For': '198.51.100.1' }),
      200,
    );
  });

  it('never refuses a correct query code or applicant token from an address over its limit', async () => {
    const mine = await submitCase(h, itemCode);
    const hall = { 'X-Forwarded-For': '203.0.113.7' };
    // Someone else in the hall guesses at 20 case numbers: all checked and wrong.
    const guesses: number[] = [];
    for (let n = 0; n < 20; n++)
      guesses.push(
        await lookup(`${mine.caseNumber.slice(0, -3)}${String(n).padStart(3, '9')}`, {
          ...hall,
          'X-Query-Code': wrongCode(n),
        }),
      );
    assert.deepEqual(tally(guesses), { 404: 20 });
    assert.equal(await lookup(mine.caseNumber, { ...hall, 'X-Query-Code': mine.queryCode }), 200);
    assert.equal(
      await lookup(mine.caseNumber, { ...hall, Authorization: `Bearer ${mine.applicantToken}` }),
      200,
    );
  });

  it('takes the client from X-Forwarded-For only when the connection comes from a trusted proxy', async () => {
    const counted = async () =>
      (
        await h.database.db
          .selectFrom('rate_limits')
          .select('client')
          .where('scope', '=', 'case-lookup:address')
          .execute()
      ).map((row) => row.client);
    const untrusting = await startServer({
      port: 0,
      database: h.database,
      lookupLimits,
      clock,
      demoDir: null,
      cdnDir: null,
      log: () => {},
    });
    try {
      const before = await counted();
      const status = await fetch(`${untrusting.url}/api/v1/cases/15030220261123999991`, {
        headers: { 'X-Query-Code': wrongCode(1), 'X-Forwarded-For': '192.0.2.55' },
      }).then((r) => r.status);
      assert.equal(status, 404);
      const added = (await counted()).filter((client) => !before.includes(client));
      assert.ok(!added.includes('192.0.2.55'), 'a header from an untrusted peer is ignored');
      // Through the trusted proxy, the rightmost untrusted hop is the client; what the client wrote
      // further left proves nothing.
      await lookup('15030220261123999992', {
        'X-Query-Code': wrongCode(2),
        'X-Forwarded-For': '10.9.9.9, 192.0.2.66, 127.0.0.1',
      });
      assert.ok((await counted()).includes('192.0.2.66'));
      assert.ok(!(await counted()).includes('10.9.9.9'));
    } finally {
      await untrusting.close();
    }
  });
});
