import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadCalendar } from '../../src/calendar/calendar-store.js';
import { sweepRatings } from '../../src/evaluations/rating-sweep.js';
import { importItems } from '../../src/items/importer.js';
import { defaultLocalRules } from '../../src/local-rules/local-rules.js';
import type { Notification } from '../../src/notify/notifier.js';
import { PiiCipher } from '../../src/security/pii-cipher.js';
import { SealedColumnsPlugin } from '../../src/security/sealed-columns.js';
import { concludeCase, submitCase } from '../support/cases.js';
import { exampleForm, exampleItem, itemVariant } from '../support/fixtures.js';
import { createHarness, staffClaims, type Harness } from '../support/harness.js';

const piiKey = Buffer.alloc(32, 7);

interface Member {
  caseNumber: string;
  itemName: string;
  department: { id: string };
  state: string;
  promisedDeadline: string | null;
}
interface Bundle {
  state: string;
  refusedMembers: number;
  members: Member[];
}

describe('一件事: a bundle is filed as one member case per item and department', () => {
  let h: Harness;
  // Monday 2 November 2026, 10:00 in Beijing.
  const now = new Date('2026-11-02T02:00:00Z');
  // Two members in two departments, with their own time limits.
  const housing = itemVariant(11, { name: '住房登记', departmentId: '150302-zjj' });
  const police = itemVariant(12, {
    name: '户口登记',
    departmentId: '150302-gaj',
    departmentName: '乌海市公安局海勃湾区分局',
    promisedTimeLimit: { value: 3, unit: 'workingDays' },
  });
  const bundle = itemVariant(13, {
    name: '安家“一件事”',
    kind: 'bundle',
    departmentId: '150200-zwfwj',
    departmentName: '包头市政务服务局',
    bundleMembers: [housing, police].map(({ item }) => ({
      code: item.code,
      name: item.name,
      departmentName: item.department.name,
    })),
  });
  let housingStaff: Record<string, string>;

  before(async () => {
    h = await createHarness({ clock: () => now, piiKey });
    await importItems(h.database.db, [{ item: exampleItem(), form: exampleForm() }, housing, police, bundle]);
    housingStaff = await h.bearer(
      staffClaims({ sub: 's-housing', name: '王芳', departments: ['150302-zjj'] }),
    );
  });
  after(() => h.close());

  const move = (caseNumber: string, body: Record<string, unknown>, staff = h.staff) =>
    h.call('POST', `/api/v1/cases/${caseNumber}/transitions`, { body, headers: staff });
  const read = async (caseNumber: string) => {
    const response = await h.call('GET', `/api/v1/cases/${caseNumber}`, { headers: h.staff });
    assert.equal(response.status, 200, response.text);
    return response.body as {
      state: string;
      bundle?: Bundle;
      bundleCaseNumber?: string;
      delivery: { deliveredAt: string | null };
    };
  };
  const fileBundle = async () => {
    const created = await submitCase(h, bundle.item.code);
    const members = (created.case.bundle as Bundle).members;
    const [ofHousing, ofPolice] = [housing, police].map(
      ({ item }) => members.find((m) => m.department.id === item.department.id)!.caseNumber,
    );
    return { ...created, members, housingCase: ofHousing!, policeCase: ofPolice! };
  };

  it('files one member case per member item, each in its department, tracked from the bundle', async () => {
    const { caseNumber, queryCode, members, housingCase } = await fileBundle();
    assert.deepEqual(
      members.map((m) => [m.itemName, m.department.id, m.state]),
      [
        ['住房登记', '150302-zjj', 'submitted'],
        ['户口登记', '150302-gaj', 'submitted'],
      ],
    );
    const member = await read(housingCase);
    assert.equal(member.bundleCaseNumber, caseNumber);
    assert.equal(member.bundle, undefined);
    // The applicant follows the whole bundle with the one query code.
    const tracked = await h.call('GET', `/api/v1/cases/${caseNumber}`, {
      headers: { 'X-Query-Code': queryCode },
    });
    assert.equal(tracked.status, 200, tracked.text);
    assert.equal(tracked.body.bundle.state, 'inProgress');
    assert.equal(tracked.body.bundle.members.length, 2);
  });

  it('keeps each member on its own clock', async () => {
    const { caseNumber, housingCase, policeCase } = await fileBundle();
    await move(policeCase, { action: 'accept' });
    const { bundle: after } = await read(caseNumber);
    const deadlines = Object.fromEntries(after!.members.map((m) => [m.caseNumber, m.promisedDeadline]));
    assert.equal(deadlines[policeCase], '2026-11-05'); // 3 working days from Monday
    assert.equal(deadlines[housingCase], null); // not accepted by its department yet
    assert.equal((await read(caseNumber)).state, 'accepted');
  });

  it("lets a department's staff act on its own member only", async () => {
    const { housingCase, policeCase } = await fileBundle();
    const other = await move(policeCase, { action: 'accept' }, housingStaff);
    assert.equal(other.status, 404, other.text);
    assert.equal((await read(policeCase)).state, 'submitted');
    const own = await move(housingCase, { action: 'accept' }, housingStaff);
    assert.equal(own.status, 200, own.text);
  });

  it('concludes the bundle only when its last member concludes', async () => {
    const { caseNumber, housingCase, policeCase } = await fileBundle();
    await concludeCase(h, housingCase);
    const half = await read(caseNumber);
    assert.equal(half.bundle!.state, 'inProgress');
    assert.notEqual(half.state, 'concluded');
    await concludeCase(h, policeCase);
    const whole = await read(caseNumber);
    assert.equal(whole.bundle!.state, 'concluded');
    assert.equal(whole.state, 'concluded');
    assert.deepEqual(
      whole.bundle!.members.map((m) => m.state),
      ['concluded', 'concluded'],
    );
  });

  it('concludes the bundle when its last two members conclude at the same moment', async () => {
    const { caseNumber, housingCase, policeCase } = await fileBundle();
    for (const member of [housingCase, policeCase])
      for (const action of ['accept', 'approve']) assert.equal((await move(member, { action })).status, 200);
    const both = await Promise.all(
      [housingCase, policeCase].map((member) => move(member, { action: 'conclude' })),
    );
    assert.deepEqual(
      both.map((r) => r.status),
      [200, 200],
    );
    const whole = await read(caseNumber);
    assert.equal(whole.state, 'concluded');
    assert.equal(whole.bundle!.state, 'concluded');
  });

  it("shows a member's rejection in the bundle's state", async () => {
    const { caseNumber, housingCase, policeCase } = await fileBundle();
    const rejected = await move(housingCase, { action: 'reject', reason: '不属于本部门受理范围' });
    assert.equal(rejected.status, 200, rejected.text);
    const shown = (await read(caseNumber)).bundle!;
    assert.equal(shown.refusedMembers, 1);
    assert.equal(shown.members.find((m) => m.caseNumber === housingCase)!.state, 'rejected');
    assert.equal(shown.state, 'inProgress');
    await concludeCase(h, policeCase);
    const done = (await read(caseNumber)).bundle!;
    assert.equal(done.state, 'concluded');
    assert.equal(done.refusedMembers, 1);
  });

  it('hands the results over once, at the bundle, never per member', async () => {
    const { caseNumber, housingCase, policeCase } = await fileBundle();
    const handled = await move(caseNumber, { action: 'accept' });
    assert.equal(handled.status, 409, handled.text);
    assert.equal(handled.body.code, 'bundle_handled_by_members');
    await concludeCase(h, housingCase);
    const early = await move(caseNumber, { action: 'deliver', method: 'window' });
    assert.equal(early.status, 409, early.text);
    await concludeCase(h, policeCase);
    const alone = await move(housingCase, { action: 'deliver', method: 'window' });
    assert.equal(alone.status, 409, alone.text);
    assert.equal(alone.body.code, 'bundle_member_delivery');
    const once = await move(caseNumber, { action: 'deliver', method: 'window' });
    assert.equal(once.status, 200, once.text);
    assert.equal(once.body.bundle.state, 'delivered');
    assert.ok(once.body.delivery.deliveredAt);
    const twice = await move(caseNumber, { action: 'deliver', method: 'window' });
    assert.equal(twice.status, 409, twice.text);
    for (const member of [housingCase, policeCase]) {
      const view = await read(member);
      assert.equal(view.state, 'concluded');
      assert.equal(view.delivery.deliveredAt, null);
    }
  });

  it('withdraws every open member with the bundle', async () => {
    const { caseNumber, queryCode, housingCase, policeCase } = await fileBundle();
    await concludeCase(h, policeCase);
    const withdrawn = await h.call('POST', `/api/v1/cases/${caseNumber}/withdrawal`, {
      body: { reason: '不再需要' },
      headers: { 'X-Query-Code': queryCode },
    });
    assert.equal(withdrawn.status, 200, withdrawn.text);
    assert.equal((await read(housingCase)).state, 'withdrawn');
    assert.equal((await read(policeCase)).state, 'concluded');
    assert.equal(withdrawn.body.bundle.refusedMembers, 1);
  });

  it('invites the applicant to rate the bundle once, not each member', async () => {
    const { caseNumber, housingCase, policeCase } = await fileBundle();
    await concludeCase(h, housingCase);
    await concludeCase(h, policeCase);
    const db = h.database.db.withPlugin(new SealedColumnsPlugin(new PiiCipher([piiKey])));
    const sent: Notification[] = [];
    const notifier = { send: async (n: Notification) => void sent.push(n) };
    const later = new Date(now.getTime() + 4 * 86_400_000);
    await sweepRatings(db, notifier, defaultLocalRules, await loadCalendar(db), later);
    const about = (number: string) => sent.filter((n) => n.text.includes(number)).length;
    assert.equal(about(caseNumber), 1);
    assert.equal(about(housingCase) + about(policeCase), 0);
  });
});
