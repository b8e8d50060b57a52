import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createHarness, type Harness } from './support/harness.js';
import { importExample, submitCase } from './support/cases.js';

/**
 * Staff lists page newest first with keyset cursors: a row added between two pages (a new case, rating or
 * question arrives while someone reads) must neither repeat a row already shown nor hide one.
 */
describe('keyset cursors of the staff lists', () => {
  let h: Harness;
  let itemCode: string;
  const statements: string[] = [];
  // Each write happens a minute after the last, as arrivals do.
  let now = new Date('2026-10-12T02:00:00Z');
  const tick = () => (now = new Date(now.getTime() + 60_000));

  before(async () => {
    h = await createHarness({ piiKey: randomBytes(32), clock: () => now, statements });
    itemCode = (await importExample(h)).code;
  });
  after(() => h.close());

  /** Reads every page of `path` with `limit`, calling `between` once after the first page. */
  async function readAll(path: string, key: string, between: () => Promise<unknown>): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const query: string = `${separator}limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await h.call('GET', `${path}${query}`, { headers: h.staff });
      assert.equal(page.status, 200, page.text);
      seen.push(...page.body.items.map((row: Record<string, string>) => row[key]));
      cursor = page.body.nextCursor;
      if (++pages === 1) await between();
    } while (cursor);
    return seen;
  }

  it('cases: a case filed between pages neither repeats nor hides one', async () => {
    const filed: string[] = [];
    for (let i = 0; i < 5; i++) {
      tick();
      filed.unshift((await submitCase(h, itemCode)).caseNumber);
    }
    const seen = await readAll('/api/v1/cases', 'caseNumber', async () => {
      tick();
      await submitCase(h, itemCode);
    });
    assert.deepEqual(seen, filed);
  });

  it('cases: one query reads the ratings of a whole page', async () => {
    statements.length = 0;
    const page = await h.call('GET', '/api/v1/cases?limit=5', { headers: h.staff });
    assert.equal(page.body.items.length, 5);
    const ratingReads = statements.filter((statement) => /from "evaluations"/.test(statement));
    assert.equal(ratingReads.length, 1, ratingReads.join('\n'));
  });

  it('evaluations: a rating made between pages neither repeats nor hides one', async () => {
    const rate = async () => {
      tick();
      const rated = await h.call('POST', '/api/v1/evaluations', {
        body: {
          target: { kind: 'onSite', itemCode, windowId: 'w1' },
          level: 'satisfied',
          channel: 'pc',
          anonymous: true,
        },
      });
      assert.equal(rated.status, 201, rated.text);
      return rated.body.id as string;
    };
    const rated: string[] = [];
    for (let i = 0; i < 5; i++) rated.unshift(await rate());
    assert.deepEqual(await readAll('/api/v1/evaluations', 'id', rate), rated);
  });

  it('consultations: a question asked between pages neither repeats nor hides one', async () => {
    const ask = async () => {
      tick();
      const asked = await h.call('POST', '/api/v1/consultations', {
        body: { itemCode, question: '灵活就业人员怎么参加养老保险？需要带什么材料？', mobile: '13947312345' },
      });
      assert.equal(asked.status, 201, asked.text);
      return asked.body.number as string;
    };
    const asked: string[] = [];
    for (let i = 0; i < 5; i++) asked.unshift(await ask());
    assert.deepEqual(await readAll('/api/v1/consultations', 'number', ask), asked);
  });

  it('published answers: an answer published between pages neither repeats nor hides one', async () => {
    const waiting = await h.call('GET', '/api/v1/consultations?limit=6', { headers: h.staff });
    const numbers: string[] = waiting.body.items.map((row: { number: string }) => row.number);
    let n = 0;
    const publish = async () => {
      tick();
      const number = numbers[n++]!;
      const answer = '可以，请携带身份证到 A12 窗口办理。';
      await h.call('POST', `/api/v1/consultations/${number}/answer`, { headers: h.staff, body: { answer } });
      const published = await h.call('POST', `/api/v1/consultations/${number}/publication`, {
        headers: h.staff,
        body: {
          question: `灵活就业人员怎么参加养老保险？其${'一二三四五六'[n]}`,
          answer,
          personalDataRemoved: true,
        },
      });
      assert.equal(published.status, 201, published.text);
      return published.body.id as string;
    };
    const shown: string[] = [];
    for (let i = 0; i < 5; i++) shown.unshift(await publish());
    assert.deepEqual(await readAll(`/api/v1/items/${itemCode}/published-answers`, 'id', publish), shown);
  });

  it('refuses a cursor it did not make with 400 naming the cursor', async () => {
    const forged = Buffer.from(JSON.stringify({ o: 2 })).toString('base64url');
    const answer = await h.call('GET', `/api/v1/cases?cursor=${forged}`, { headers: h.staff });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.errors[0].pointer, '#/query/cursor');
  });
});
