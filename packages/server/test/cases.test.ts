import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createHarness, type Harness } from './support/harness.js';
import {
  applicationBody,
  importExample,
  invalidIdNumber,
  submitCase,
  upload,
  validIdNumber,
} from './support/cases.js';

describe('cases', () => {
  let h: Harness;
  let itemCode: string;
  // Monday 28 September 2026, 10:00 in Beijing: the National Day holidays are two days away.
  let now = new Date('2026-09-28T02:00:00Z');

  before(async () => {
    h = await createHarness({
      clock: () => now,
      lookupLimits: { perCase: { limit: 2, windowSeconds: 600 } },
    });
    itemCode = (await importExample(h)).code;
  });
  after(() => h.close());

  const move = (caseNumber: string, body: Record<string, unknown>) =>
    h.call('POST', `/api/v1/cases/${caseNumber}/transitions`, { body, headers: h.staff });

  it('creates a case with a readable number, a query code and an applicant token, shown masked', async () => {
    const created = await submitCase(h, itemCode);
    assert.match(created.caseNumber, /^15030220260928\d{6}$/);
    assert.match(created.queryCode, /^[2-9A-HJKMNP-Z]{8}$/);
    assert.match(created.applicantToken, /^at_/);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- reading a checked body
    const view = created.case as Record<string, any>;
    assert.equal(view.state, 'submitted');
    assert.equal(
      view.applicant.maskedIdNumber,
      `${validIdNumber.slice(0, 4)}**********${validIdNumber.slice(-4)}`,
    );
    assert.equal(view.applicant.maskedMobile, '139****2345');
    assert.ok(
      !JSON.stringify(created.case).includes(validIdNumber),
      'the full ID number never leaves the server',
    );
    assert.equal(view.promisedDeadline, null);
    const deferred = view.materials.find((m: { materialId: string }) => m.materialId === 'labour-contract');
    assert.equal(deferred.status, 'deferred', 'a deferrable material not handed in is recorded as 容缺');
    assert.equal(
      deferred.deferredUntil,
      '2026-10-16',
      '10 working days after 28 September, skipping National Day and counting 10 October',
    );
  });

  it('numbers cases of one region and day in sequence', async () => {
    const a = await submitCase(h, itemCode);
    const b = await submitCase(h, itemCode);
    assert.equal(Number(b.caseNumber.slice(-6)), Number(a.caseNumber.slice(-6)) + 1);
  });

  it('names each bad form field with a pointer into the body, 422, in the request language', async () => {
    const body = await applicationBody(h, itemCode, {
      formData: { applicant: { name: '张', idNumber: invalidIdNumber }, currentHousing: 'owned-small' },
    });
    const response = await h.call('POST', '/api/v1/cases', { body, headers: { 'Accept-Language': 'en' } });
    assert.equal(response.status, 422);
    assert.equal(response.body.code, 'validation_failed');
    const byPointer = Object.fromEntries(
      response.body.errors.map((e: { pointer: string; code: string }) => [e.pointer, e.code]),
    );
    assert.equal(byPointer['/formData/applicant/idNumber'], 'format.cn-id-card');
    assert.equal(byPointer['/formData/applicant/name'], 'minLength');
    assert.equal(byPointer['/formData/ownedArea'], 'required');
    assert.ok(
      response.body.errors.every((e: { message: string }) => /^[\x20-\x7e“”’]+$/.test(e.message)),
      'messages are English',
    );
  });

  it('checks the applicant’s ID number, the commitment, the materials and the form version', async () => {
    const body = await applicationBody(h, itemCode, {
      applicant: {
        kind: 'person',
        name: '张丽',
        idType: 'residentIdCard',
        idNumber: invalidIdNumber,
        mobile: '13947312345',
      },
      commitmentAccepted: false,
      materials: [{ materialId: 'income-proof', provision: 'deferred' }],
    });
    const response = await h.call('POST', '/api/v1/cases', { body });
    assert.equal(response.status, 422);
    const codes = response.body.errors.map(
      (e: { pointer: string; code: string }) => `${e.pointer} ${e.code}`,
    );
    assert.ok(codes.includes('/applicant/idNumber format.cn-id-card'), codes.join());
    assert.ok(codes.includes('/commitmentAccepted commitment.required'), codes.join());
    assert.ok(codes.includes('/materials/0/provision not_deferrable'), codes.join());
    const outdated = await h.call('POST', '/api/v1/cases', {
      body: await applicationBody(h, itemCode, { formVersion: '0.9.0' }),
    });
    assert.equal(outdated.status, 422);
    assert.equal(outdated.body.errors[0].code, 'form_version_outdated');
    const unknownUpload = await h.call('POST', '/api/v1/cases', {
      body: await applicationBody(h, itemCode, {
        materials: [
          { materialId: 'income-proof', provision: 'upload', uploadIds: ['up_0000000000000000000000'] },
        ],
      }),
    });
    assert.equal(unknownUpload.body.errors[0].pointer, '/materials/0/uploadIds/0');
    assert.equal(unknownUpload.body.errors[0].code, 'upload_not_found');
  });

  it('rejects a body that does not match the document with 400 naming the field', async () => {
    const body = await applicationBody(h, itemCode);
    const response = await h.call('POST', '/api/v1/cases', {
      body: { ...body, applicant: { ...body.applicant, mobile: '12345' } },
    });
    assert.equal(response.status, 400);
    assert.ok(response.body.errors.length > 0);
    const missingItem = await h.call('POST', '/api/v1/cases', {
      body: { ...body, itemCode: `${itemCode.slice(0, -1)}9` },
    });
    assert.equal(missingItem.status, 404);
  });

  it('replays a retried submission instead of creating a second case', async () => {
    const body = await applicationBody(h, itemCode);
    const headers = { 'Idempotency-Key': 'case-submit-0001' };
    const first = await h.call('POST', '/api/v1/cases', { body, headers });
    const again = await h.call('POST', '/api/v1/cases', { body, headers });
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(again.body.caseNumber, first.body.caseNumber);
    assert.equal(again.body.queryCode, first.body.queryCode);
    const changed = await h.call('POST', '/api/v1/cases', {
      body: { ...body, commitmentAccepted: false },
      headers,
    });
    assert.equal(changed.status, 422);
    assert.equal(changed.body.code, 'idempotency_key_reused');
    const missingKey = await h.call('POST', '/api/v1/cases', {
      body,
      headers: { 'Idempotency-Key': 'short' },
    });
    assert.equal(missingKey.status, 400);
    assert.equal(missingKey.body.errors[0].pointer, '#/header/Idempotency-Key');
  });

  it('shows a case with its query code, its token or a member of staff, and to nobody else', async () => {
    const created = await submitCase(h, itemCode);
    const path = `/api/v1/cases/${created.caseNumber}`;
    assert.equal((await h.call('GET', path, { headers: { 'X-Query-Code': created.queryCode } })).status, 200);
    assert.equal(
      (await h.call('GET', path, { headers: { Authorization: `Bearer ${created.applicantToken}` } })).status,
      200,
    );
    assert.equal((await h.call('GET', path, { headers: h.staff })).status, 200);
    assert.equal((await h.call('GET', path)).status, 401);
    assert.equal(
      (await h.call('GET', path, { headers: { Authorization: 'Bearer not-a-token' } })).status,
      401,
    );
  });

  it('answers a wrong code exactly like an unknown case number, and limits failed lookups', async () => {
    const created = await submitCase(h, itemCode);
    const wrongCode = created.queryCode === 'ABCDEFGH' ? 'ABCDEFGJ' : 'ABCDEFGH';
    const headers = { 'X-Query-Code': wrongCode, 'X-Request-Id': 'same-request' };
    const wrong = await h.call('GET', `/api/v1/cases/${created.caseNumber}`, { headers });
    const unknown = await h.call('GET', `/api/v1/cases/${created.caseNumber.slice(0, -6)}999999`, {
      headers,
    });
    assert.equal(wrong.status, 404);
    assert.equal(unknown.status, 404);
    const strip = (body: Record<string, unknown>) => ({ ...body, instance: undefined });
    assert.deepEqual(strip(wrong.body), strip(unknown.body));
    assert.equal(wrong.body.code, 'case_lookup_failed');
    // The limit is 2 failures per case and window in this suite; each answer says how many remain for
    // that case number (IETF draft). The second fills it, and the case is closed to query codes until the
    // window ends, even to the right one.
    assert.equal(wrong.headers.get('ratelimit-policy'), '"case-lookup";q=2;w=600');
    assert.match(wrong.headers.get('ratelimit') ?? '', /^"case-lookup";r=1;t=\d+$/);
    assert.match(unknown.headers.get('ratelimit') ?? '', /^"case-lookup";r=1;t=\d+$/);
    await h.call('GET', `/api/v1/cases/${created.caseNumber}`, { headers });
    const limited = await h.call('GET', `/api/v1/cases/${created.caseNumber}`, {
      headers: { 'X-Query-Code': created.queryCode },
    });
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
    assert.match(limited.headers.get('ratelimit') ?? '', /^"case-lookup";r=0;t=\d+$/);
    assert.equal(limited.body.code, 'rate_limited');
    // Staff are not limited; time heals.
    assert.equal(
      (await h.call('GET', `/api/v1/cases/${created.caseNumber}`, { headers: h.staff })).status,
      200,
    );
    now = new Date(now.getTime() + 600_000);
    const healed = await h.call('GET', `/api/v1/cases/${created.caseNumber}`, {
      headers: { 'X-Query-Code': created.queryCode },
    });
    assert.equal(healed.status, 200);
    assert.match(healed.headers.get('ratelimit') ?? '', /^"case-lookup";r=2;t=\d+$/);
  });

  it('follows the state machine and keeps a timeline', async () => {
    const { caseNumber, applicantToken } = await submitCase(h, itemCode);
    assert.equal((await move(caseNumber, { action: 'approve' })).status, 409, 'not before acceptance');
    const accepted = await move(caseNumber, { action: 'accept', opinion: '材料齐全，予以受理。' });
    assert.equal(accepted.status, 200);
    assert.equal(accepted.body.state, 'accepted');
    assert.ok(accepted.body.promisedDeadline);
    assert.equal((await move(caseNumber, { action: 'accept' })).body.code, 'invalid_transition');
    assert.equal(
      (await move(caseNumber, { action: 'approve', resultNumber: 'GZF-2026-001' })).body.state,
      'approved',
    );
    assert.equal((await move(caseNumber, { action: 'conclude' })).body.state, 'concluded');
    // Each delivery method is its own branch: the error names the field inside it, once.
    const errorsOf = async (body: Record<string, unknown>) =>
      (await move(caseNumber, body)).body.errors.map(
        (e: { pointer: string; code: string }) => `${e.pointer} ${e.code}`,
      );
    assert.deepEqual(await errorsOf({ action: 'deliver', method: 'mail' }), ['/trackingNumber required']);
    assert.deepEqual(await errorsOf({ action: 'deliver', method: 'window', trackingNumber: 'x' }), [
      '/trackingNumber additionalProperties',
    ]);
    const delivered = await move(caseNumber, {
      action: 'deliver',
      method: 'mail',
      carrier: 'EMS',
      trackingNumber: '1187654321098',
    });
    assert.equal(delivered.body.state, 'delivered');
    assert.equal(delivered.body.delivery.trackingNumber, '1187654321098');
    const withdraw = await h.call('POST', `/api/v1/cases/${caseNumber}/withdrawal`, {
      body: {},
      headers: { Authorization: `Bearer ${applicantToken}` },
    });
    assert.equal(withdraw.status, 409);
    const timeline = await h.call('GET', `/api/v1/cases/${caseNumber}/timeline`, {
      headers: { Authorization: `Bearer ${applicantToken}` },
    });
    assert.deepEqual(
      timeline.body.items.map((e: { action: string }) => e.action),
      ['submit', 'accept', 'approve', 'conclude', 'deliver'],
    );
    assert.equal(timeline.body.items[1].opinion, '材料齐全，予以受理。');
    assert.equal(timeline.body.items[1].actor.kind, 'staff');
  });

  it('counts the promised deadline in working days and stops the clock while suspended', async () => {
    const { caseNumber } = await submitCase(h, itemCode);
    now = new Date('2026-09-28T02:00:00Z');
    const accepted = await move(caseNumber, { action: 'accept' });
    // 15 working days from Mon 28 Sep: 29, 30 Sep; 8, 9, 10 (调休 Saturday), 12–16, 19–23 Oct.
    assert.equal(accepted.body.promisedDeadline, '2026-10-23');
    assert.equal(accepted.body.workingDaysLeft, 15);
    now = new Date('2026-10-12T02:00:00Z');
    const suspended = await move(caseNumber, { action: 'suspend', reason: '组织专家评审' });
    assert.equal(suspended.body.state, 'suspended');
    assert.equal(suspended.body.suspension.reason, '组织专家评审');
    now = new Date('2026-10-14T02:00:00Z');
    const frozen = await h.call('GET', `/api/v1/cases/${caseNumber}`, { headers: h.staff });
    assert.equal(
      frozen.body.workingDaysLeft,
      suspended.body.workingDaysLeft,
      'the clock stands still while suspended',
    );
    const resumed = await move(caseNumber, { action: 'resume' });
    assert.equal(resumed.body.suspendedDays, 2);
    assert.equal(resumed.body.promisedDeadline, '2026-10-27');
    assert.equal(resumed.body.overdue, false);
    now = new Date('2026-10-28T02:00:00Z');
    const late = await h.call('GET', `/api/v1/cases/${caseNumber}`, { headers: h.staff });
    assert.equal(late.body.overdue, true);
    assert.equal(late.body.workingDaysLeft, -1);
    const overdueList = await h.call('GET', '/api/v1/cases?overdue=true', { headers: h.staff });
    assert.ok(overdueList.body.items.some((c: { caseNumber: string }) => c.caseNumber === caseNumber));
    // Back to the next morning (a fresh rate-limit window) for the tests that follow.
    now = new Date('2026-09-29T02:00:00Z');
  });

  it('accepts a correction only when one was requested, once, listing everything', async () => {
    const { caseNumber, queryCode } = await submitCase(h, itemCode);
    const fresh = await upload(h);
    const correction = {
      materials: [{ materialId: 'income-proof', provision: 'upload', uploadIds: [fresh.body.id] }],
    };
    const early = await h.call('POST', `/api/v1/cases/${caseNumber}/corrections`, {
      body: correction,
      headers: { 'X-Query-Code': queryCode },
    });
    assert.equal(early.status, 409);
    const requested = await move(caseNumber, {
      action: 'requestCorrection',
      items: [{ materialId: 'income-proof', name: '收入证明', reason: '未加盖单位公章' }],
      deadline: '2026-10-09',
    });
    assert.equal(requested.body.state, 'correctionRequested');
    assert.equal(
      requested.body.materials.find((m: { materialId: string }) => m.materialId === 'income-proof').status,
      'correctionRequested',
    );
    const corrected = await h.call('POST', `/api/v1/cases/${caseNumber}/corrections`, {
      body: correction,
      headers: { 'X-Query-Code': queryCode },
    });
    assert.equal(corrected.status, 200, corrected.text);
    assert.equal(corrected.body.state, 'submitted');
    assert.ok(corrected.body.corrections[0].fulfilledAt);
    const second = await move(caseNumber, {
      action: 'requestCorrection',
      items: [{ name: '其他', reason: '再次补正' }],
      deadline: '2026-10-09',
    });
    assert.equal(second.status, 409, '补齐补正 is asked once');
    const badForm = await h.call('POST', `/api/v1/cases/${caseNumber}/corrections`, {
      body: { materials: [], formData: { applicant: { name: '张丽' } } },
      headers: { 'X-Query-Code': queryCode },
    });
    assert.equal(badForm.status, 409, 'no correction is open any more');
  });

  it('takes deferred materials in any open state before their deadline', async () => {
    const { caseNumber, applicantToken } = await submitCase(h, itemCode);
    await move(caseNumber, { action: 'accept' });
    const contract = await upload(h);
    const handedIn = await h.call('POST', `/api/v1/cases/${caseNumber}/corrections`, {
      body: {
        materials: [{ materialId: 'labour-contract', provision: 'upload', uploadIds: [contract.body.id] }],
      },
      headers: { Authorization: `Bearer ${applicantToken}` },
    });
    assert.equal(handedIn.status, 200, handedIn.text);
    assert.equal(handedIn.body.state, 'accepted');
    assert.equal(
      handedIn.body.materials.find((m: { materialId: string }) => m.materialId === 'labour-contract').status,
      'provided',
    );
  });

  it('lets the applicant withdraw an open case', async () => {
    const { caseNumber, queryCode } = await submitCase(h, itemCode);
    const withdrawn = await h.call('POST', `/api/v1/cases/${caseNumber}/withdrawal`, {
      body: { reason: '不再需要' },
      headers: { 'X-Query-Code': queryCode },
    });
    assert.equal(withdrawn.body.state, 'withdrawn');
    assert.equal((await move(caseNumber, { action: 'accept' })).status, 409);
    const noCredential = await h.call('POST', `/api/v1/cases/${caseNumber}/withdrawal`, { body: {} });
    assert.equal(noCredential.status, 401);
  });

  it('lists cases for staff only, with filters', async () => {
    const { caseNumber } = await submitCase(h, itemCode);
    const all = await h.call('GET', '/api/v1/cases?limit=2', { headers: h.staff });
    assert.equal(all.status, 200);
    assert.equal(all.body.items.length, 2);
    assert.ok(all.body.nextCursor);
    const byNumber = await h.call('GET', `/api/v1/cases?q=${caseNumber}`, { headers: h.staff });
    assert.deepEqual(
      byNumber.body.items.map((c: { caseNumber: string }) => c.caseNumber),
      [caseNumber],
    );
    const submitted = await h.call('GET', '/api/v1/cases?state=withdrawn', { headers: h.staff });
    assert.ok(submitted.body.items.every((c: { state: string }) => c.state === 'withdrawn'));
    assert.equal((await h.call('GET', '/api/v1/cases')).status, 401);
    const applicant = await submitCase(h, itemCode);
    assert.equal(
      (
        await h.call('GET', '/api/v1/cases', {
          headers: { Authorization: `Bearer ${applicant.applicantToken}` },
        })
      ).status,
      403,
    );
    assert.equal((await h.call('GET', '/api/v1/cases?state=nonsense', { headers: h.staff })).status, 400);
  });
});
