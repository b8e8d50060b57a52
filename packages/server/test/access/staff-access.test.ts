import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { verifyAuditChain } from '../../src/audit/verify.js';
import { createServiceAccount } from '../../src/service-accounts/service-accounts.js';
import { createHarness, staffClaims, type Harness } from '../support/harness.js';
import { concludeCase, importExample, submitCase } from '../support/cases.js';

// The example item belongs to 海勃湾区住房和城乡建设局 (150302-zjj); 公安分局 (150302-gaj) is another office.
const zjj = '150302-zjj';
const gaj = '150302-gaj';

describe('staff see and move only their own departments’ cases and ratings', () => {
  let h: Harness;
  let itemCode: string;
  type Person =
    | 'zjjClerk'
    | 'zjjApprover'
    | 'zjjSupervisor'
    | 'gajClerk'
    | 'gajSupervisor'
    | 'zjjReviewer'
    | 'admin'
    | 'resident';
  let as: Record<Person, Record<string, string>>;
  const now = new Date('2026-11-18T02:00:00Z');

  before(async () => {
    h = await createHarness({ clock: () => now });
    itemCode = (await importExample(h)).code;
    const staff = (sub: string, name: string, roles: string[], departments: string[]) =>
      h.bearer(staffClaims({ sub, name, roles, departments }));
    as = {
      zjjClerk: await staff('s-zjj-clerk', '李娜', ['windowClerk'], [zjj]),
      zjjApprover: await staff('s-zjj-appr', '王芳', ['approver'], [zjj]),
      zjjSupervisor: await staff('s-zjj-sup', '马骏', ['supervisor'], [zjj]),
      gajClerk: await staff('s-gaj-clerk', '刘强', ['windowClerk', 'approver'], [gaj]),
      gajSupervisor: await staff('s-gaj-sup', '高原', ['supervisor'], [gaj]),
      // A reviewer who also belongs to the rated office.
      zjjReviewer: await staff('s-zjj-rev', '钱进', ['reviewer'], ['150302-zwfw', zjj]),
      admin: await staff('s-admin', '孙磊', ['admin'], ['150302-zwfw']),
      resident: await h.bearer({ sub: 'r-1', name: '张丽', assurance_level: 3 }),
    };
  });
  after(() => h.close());

  const move = (caseNumber: string, body: Record<string, unknown>, headers: Record<string, string>) =>
    h.call('POST', `/api/v1/cases/${caseNumber}/transitions`, { body, headers });
  const audit = async (query: string) =>
    (await h.call('GET', `/api/v1/audit?${query}`, { headers: as.admin })).body.items as {
      actor: { name: string; id: string };
      departmentId: string | null;
      action: string;
      target: { type: string; id: string } | null;
      detail: Record<string, unknown>;
    }[];

  it('answers another department’s case with 404, to a read and to a move, and lists none of it', async () => {
    const created = await submitCase(h, itemCode);
    const path = `/api/v1/cases/${created.caseNumber}`;
    for (const read of [path, `${path}/timeline`]) {
      const response = await h.call('GET', read, { headers: as.gajClerk });
      assert.equal(response.status, 404, `${read}: ${response.text}`);
      assert.equal((await h.call('GET', read, { headers: as.zjjClerk })).status, 200);
    }
    const unknown = await h.call('GET', `${path.slice(0, -6)}999999`, { headers: as.gajClerk });
    // The same answer as for a number never issued, so the case's existence does not leak.
    const strip = (body: Record<string, unknown>) => ({ ...body, instance: null, requestId: null });
    assert.deepEqual(strip(unknown.body), strip((await h.call('GET', path, { headers: as.gajClerk })).body));
    const moved = await move(created.caseNumber, { action: 'accept' }, as.gajClerk);
    assert.equal(moved.status, 404, moved.text);
    const listed = await h.call('GET', '/api/v1/cases?limit=100', { headers: as.gajClerk });
    assert.equal(listed.status, 200);
    assert.equal(listed.body.items.length, 0);
    const own = await h.call('GET', '/api/v1/cases?limit=100', { headers: as.zjjClerk });
    assert.ok(own.body.items.some((c: { caseNumber: string }) => c.caseNumber === created.caseNumber));
    assert.equal((await h.call('GET', path, { headers: h.staff })).body.state, 'submitted', 'not moved');
  });

  it('answers a resident’s token on a staff operation with 403', async () => {
    const created = await submitCase(h, itemCode);
    const calls: [string, string, unknown?][] = [
      ['GET', '/api/v1/cases'],
      ['POST', `/api/v1/cases/${created.caseNumber}/transitions`, { action: 'accept' }],
      ['GET', '/api/v1/evaluations'],
      ['GET', '/api/v1/calendar/2026'],
      ['PUT', '/api/v1/calendar/2026', { days: [] }],
      ['GET', '/api/v1/audit'],
    ];
    for (const [method, path, body] of calls) {
      const response = await h.call(method, path, { body, headers: as.resident });
      assert.equal(response.status, 403, `${method} ${path}: ${response.text}`);
      assert.equal(response.body.code, 'forbidden');
    }
  });

  it('lets the window accept but not approve: an approver’s step is 403 for a clerk', async () => {
    const created = await submitCase(h, itemCode);
    const accepted = await move(created.caseNumber, { action: 'accept' }, as.zjjClerk);
    assert.equal(accepted.status, 200, accepted.text);
    const approved = await move(created.caseNumber, { action: 'approve' }, as.zjjClerk);
    assert.equal(approved.status, 403, approved.text);
    assert.match(approved.body.detail, /岗位/);
    assert.equal((await move(created.caseNumber, { action: 'approve' }, as.zjjApprover)).status, 200);
  });

  it('names who took each step in the timeline and in the audit log', async () => {
    const created = await submitCase(h, itemCode);
    await move(created.caseNumber, { action: 'accept', opinion: '予以受理' }, as.zjjClerk);
    await move(created.caseNumber, { action: 'approve' }, as.zjjApprover);
    const timeline = await h.call('GET', `/api/v1/cases/${created.caseNumber}/timeline`, {
      headers: { 'X-Query-Code': created.queryCode },
    });
    const staffSteps = timeline.body.items.filter(
      (e: { actor: { kind: string } }) => e.actor.kind === 'staff',
    );
    assert.deepEqual(
      staffSteps.map((e: { action: string; actor: Record<string, string> }) => [
        e.action,
        e.actor.staffName,
        e.actor.actorId,
        e.actor.departmentId,
      ]),
      [
        ['accept', '李娜', `${h.provider!.issuer}#s-zjj-clerk`, zjj],
        ['approve', '王芳', `${h.provider!.issuer}#s-zjj-appr`, zjj],
      ],
    );
    const records = await audit(`action=staff.action&targetId=${created.caseNumber}`);
    assert.deepEqual(records.map((r) => [r.detail.step, r.actor.name, r.departmentId]).reverse(), [
      ['accept', '李娜', zjj],
      ['approve', '王芳', zjj],
    ]);
  });

  it('records each staff read of a case’s personal data, naming who read whose', async () => {
    const created = await submitCase(h, itemCode);
    await h.call('GET', `/api/v1/cases/${created.caseNumber}`, { headers: as.zjjClerk });
    const [reveal] = await audit(`action=pii.reveal&targetId=${created.caseNumber}`);
    assert.equal(reveal?.actor.name, '李娜');
    assert.equal(reveal?.detail.operation, 'getCase');
    // The applicant reading their own case is no reveal.
    await h.call('GET', `/api/v1/cases/${created.caseNumber}`, {
      headers: { 'X-Query-Code': created.queryCode },
    });
    assert.equal((await audit(`action=pii.reveal&targetId=${created.caseNumber}`)).length, 1);
  });

  describe('ratings and appeals', () => {
    const badRating = async () => {
      const created = await submitCase(h, itemCode);
      await concludeCase(h, created.caseNumber);
      const rated = await h.call('POST', '/api/v1/evaluations', {
        body: {
          target: { kind: 'case', caseNumber: created.caseNumber },
          level: 'veryDissatisfied',
          channel: 'pc',
          anonymous: true,
          reasons: ['poorAttitude'],
        },
        headers: { Authorization: `Bearer ${created.applicantToken}` },
      });
      assert.equal(rated.status, 201, rated.text);
      return rated.body.id as string;
    };
    const step = (id: string, body: Record<string, unknown>, headers: Record<string, string>) =>
      h.call('POST', `/api/v1/evaluations/${id}/rectification-actions`, { body, headers });

    it('hides another department’s rating (404) and lets no one else act on it', async () => {
      const id = await badRating();
      assert.equal(
        (await h.call('GET', `/api/v1/evaluations/${id}`, { headers: as.gajSupervisor })).status,
        404,
      );
      assert.equal(
        (await h.call('GET', `/api/v1/evaluations/${id}`, { headers: as.zjjSupervisor })).status,
        200,
      );
      const listed = await h.call('GET', '/api/v1/evaluations?limit=100', { headers: as.gajSupervisor });
      assert.ok(!listed.body.items.some((e: { id: string }) => e.id === id));
      const explained = await step(id, { action: 'explain', explanation: '已说明' }, as.gajSupervisor);
      assert.equal(explained.status, 404, explained.text);
    });

    it('lets only a reviewer outside the rated office decide an appeal', async () => {
      const id = await badRating();
      const appealed = await step(id, { action: 'submitAppeal', reason: '恶意差评' }, as.zjjSupervisor);
      assert.equal(appealed.status, 200, appealed.text);
      // A supervisor is no reviewer at all.
      assert.equal(
        (await step(id, { action: 'acceptAppeal', opinion: '成立' }, as.zjjSupervisor)).status,
        403,
      );
      const own = await step(id, { action: 'acceptAppeal', opinion: '成立' }, as.zjjReviewer);
      assert.equal(own.status, 403, own.text);
      assert.match(own.body.detail, /被评价部门以外/);
      const decided = await step(id, { action: 'rejectAppeal', opinion: '不成立' }, h.reviewer);
      assert.equal(decided.status, 200, decided.text);
      const history = decided.body.rectification.history as {
        action: string;
        staff: Record<string, string>;
      }[];
      assert.deepEqual(
        history.map((e) => [e.action, e.staff.name, e.staff.departmentId]),
        [
          ['submitAppeal', '马骏', zjj],
          ['rejectAppeal', '赵敏', '150302-zwfw'],
        ],
      );
      const records = await audit(`action=staff.action&targetId=${id}`);
      assert.deepEqual(records.map((r) => [r.detail.step, r.actor.name]).reverse(), [
        ['submitAppeal', '马骏'],
        ['rejectAppeal', '赵敏'],
      ]);
    });
  });

  it('names who changed the calendar, and records it as a configuration change', async () => {
    const admin = await h.bearer(
      staffClaims({ sub: 's-admin', name: '孙磊', roles: ['admin'], departments: ['150302-zwfw'] }),
    );
    const put = await h.call('PUT', '/api/v1/calendar/2027', {
      body: { days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] },
      headers: admin,
    });
    assert.equal(put.status, 200, put.text);
    assert.equal(put.body.updatedBy.name, '孙磊');
    assert.equal(put.body.updatedBy.departmentId, '150302-zwfw');
    assert.equal(
      (await h.call('PUT', '/api/v1/calendar/2027', { body: { days: [] }, headers: as.zjjClerk })).status,
      403,
    );
    const [change] = await audit('action=config.changed&targetId=2027');
    assert.equal(change?.actor.name, '孙磊');
  });

  it('lets a service account read with its scope, never move a case', async () => {
    const created = await submitCase(h, itemCode);
    const { key } = await createServiceAccount(h.database.db, '省平台数据汇聚', ['cases:read']);
    const machine = { Authorization: `Bearer ${key}` };
    assert.equal(
      (await h.call('GET', `/api/v1/cases/${created.caseNumber}`, { headers: machine })).status,
      200,
    );
    assert.equal((await move(created.caseNumber, { action: 'accept' }, machine)).status, 403);
    assert.equal((await h.call('GET', '/api/v1/evaluations', { headers: machine })).status, 403);
  });

  it('still finds an edited staff record with the chain check', async () => {
    const created = await submitCase(h, itemCode);
    await move(created.caseNumber, { action: 'accept' }, as.zjjClerk);
    assert.equal((await verifyAuditChain(h.database.db)).ok, true);
    const [record] = await audit(`action=staff.action&targetId=${created.caseNumber}`);
    const seq = (record as unknown as { seq: number }).seq;
    // Behind the append-only trigger's back, as someone with the database's owner rights could.
    await sql`alter table audit_records disable trigger audit_records_append_only`.execute(h.database.db);
    await sql`update audit_records set actor_name = '别人' where seq = ${seq}`.execute(h.database.db);
    await sql`alter table audit_records enable trigger audit_records_append_only`.execute(h.database.db);
    const result = await verifyAuditChain(h.database.db);
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.brokenAt, seq);
  });
});
