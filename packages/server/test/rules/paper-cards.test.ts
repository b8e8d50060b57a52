import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importExample } from '../support/cases.js';
import { createHarness, staffClaims, type Harness } from '../support/harness.js';

describe('paper cards (纸质评价卡) and ratings in the hall', () => {
  let h: Harness;
  let itemCode: string;
  const now = new Date('2026-11-18T02:00:00Z');

  before(async () => {
    h = await createHarness({ clock: () => now });
    itemCode = (await importExample(h)).code;
  });
  after(() => h.close());

  const card = (headers: Record<string, string>, extra: Record<string, unknown> = {}) =>
    h.call('POST', '/api/v1/evaluations', {
      headers,
      body: {
        target: { kind: 'onSite', itemCode, windowId: 'hbw-a12' },
        level: 'dissatisfied',
        reasons: ['poorAttitude'],
        channel: 'paperCard',
        anonymous: true,
        // Dropped in the ballot box twelve days ago.
        ratedAt: '2026-11-06T15:00:00+08:00',
        ...extra,
      },
    });

  it('is entered by a named member of staff of the item’s department, who is recorded', async () => {
    assert.equal((await card({})).status, 401);
    const elsewhere = await h.bearer(
      staffClaims({ sub: 's-other', roles: ['windowClerk'], departments: ['x-1'] }),
    );
    assert.equal((await card(elsewhere)).status, 404, 'another department’s item');
    const clerk = await h.bearer(staffClaims({ sub: 's-clerk', name: '李娜', roles: ['windowClerk'] }));
    const entered = await card(clerk);
    assert.equal(entered.status, 201, entered.text);
    assert.equal(entered.body.channel, 'paperCard');
    assert.equal(entered.body.ratedAt, '2026-11-06T15:00:00+08:00');
    assert.equal(entered.body.enteredBy.name, '李娜');
    assert.equal(entered.body.rectification.state, 'open', 'a bad card is rectified like any bad review');
    const audit = await h.call('GET', `/api/v1/audit?action=staff.action&targetId=${entered.body.id}`, {
      headers: h.staff,
    });
    assert.equal(audit.body.items.length, 1, audit.text);
    assert.equal(audit.body.items[0].actor.name, '李娜');
  });

  it('refuses a rating given in the hall with no window (422), an item’s web page may name none', async () => {
    const hall = await h.call('POST', '/api/v1/evaluations', {
      body: {
        target: { kind: 'onSite', itemCode },
        level: 'satisfied',
        channel: 'hallTablet',
        anonymous: true,
      },
    });
    assert.equal(hall.status, 422, hall.text);
    assert.equal(hall.body.errors[0].pointer, '/target/windowId');
    const page = await h.call('POST', '/api/v1/evaluations', {
      body: { target: { kind: 'onSite', itemCode }, level: 'satisfied', channel: 'pc', anonymous: true },
    });
    assert.equal(page.status, 201, page.text);
  });
});
