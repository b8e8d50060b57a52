import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createHarness, type Harness } from '../support/harness.js';
import { importExample } from '../support/cases.js';

const question = '非本区户籍在本区工作三年，可以申请公租房吗？';

describe('我要问: my questions (signed in)', () => {
  let h: Harness;
  let itemCode: string;
  let zhang: Record<string, string>;
  let wang: Record<string, string>;

  before(async () => {
    h = await createHarness({ clock: () => new Date('2026-12-07T01:00:00Z') });
    itemCode = (await importExample(h)).code;
    zhang = await h.bearer({ sub: 'r-1', name: '张丽', assurance_level: 3 });
    wang = await h.bearer({ sub: 'r-2', name: '王伟', assurance_level: 3 });
  });
  after(() => h.close());

  const ask = async (headers: Record<string, string>, text = question) => {
    const asked = await h.call('POST', '/api/v1/consultations', {
      body: { itemCode, question: text },
      headers,
    });
    assert.equal(asked.status, 201, asked.text);
    return asked.body.number as string;
  };

  it('lists the questions a resident asked signed in, newest first, with their answers', async () => {
    const first = await ask(zhang);
    const second = await ask(zhang, '公租房申请需要提供哪些收入证明材料？');
    await ask(wang);
    await ask({}); // not signed in: nobody's list
    const answered = await h.call('POST', `/api/v1/consultations/${first}/answer`, {
      headers: h.staff,
      body: { answer: '可以，在本区连续缴纳社会保险满 1 年即可申请。' },
    });
    assert.equal(answered.status, 200, answered.text);

    const mine = await h.call('GET', '/api/v1/me/consultations', { headers: zhang });
    assert.equal(mine.status, 200, mine.text);
    const numbers = mine.body.items.map((c: { number: string }) => c.number);
    assert.deepEqual(new Set(numbers), new Set([first, second]));
    const read = mine.body.items.find((c: { number: string }) => c.number === first);
    assert.equal(read.answer.text, '可以，在本区连续缴纳社会保险满 1 年即可申请。');

    const page = await h.call('GET', '/api/v1/me/consultations?limit=1', { headers: zhang });
    assert.equal(page.body.items.length, 1);
    assert.ok(page.body.nextCursor);
    const theirs = await h.call('GET', '/api/v1/me/consultations', { headers: wang });
    assert.equal(theirs.body.items.length, 1);
  });

  it('is for signed-in residents only', async () => {
    assert.equal((await h.call('GET', '/api/v1/me/consultations')).status, 401);
    const staff = await h.call('GET', '/api/v1/me/consultations', { headers: h.staff });
    assert.equal(staff.status, 403, staff.text);
    assert.equal(staff.headers.get('content-type'), 'application/problem+json');
  });
});
