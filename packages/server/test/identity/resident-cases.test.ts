import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { idCardCheckChar } from '@banshi/sdk/forms';
import { JwtVerifier } from '../../src/identity/jwt-verifier.js';
import { importItems } from '../../src/items/importer.js';
import { applicationBody, concludeCase, importExample, validIdNumber } from '../support/cases.js';
import { itemVariant } from '../support/fixtures.js';
import { createHarness, staffClaims, type Harness } from '../support/harness.js';
import { startFakeProvider, testAudience, type FakeProvider } from '../support/identity-provider.js';

const idNumber = (body: string) => body + idCardCheckChar(body);
const zhangli = {
  sub: 'r-zhangli',
  name: '张丽',
  id_type: 'residentIdCard',
  id_number: validIdNumber,
  phone_number: '13947312345',
  assurance_level: 3,
};
const wang = {
  sub: 'r-wang',
  name: '王建国',
  id_type: 'residentIdCard',
  id_number: idNumber('15030319650315201'),
  phone_number: '13804730021',
  assurance_level: 2,
};
const company = { company_credit_code: '91150302MA0N7K2X39', company_name: '乌海市蓝天商贸有限公司' };
const legal = {
  sub: 'c-legal',
  name: '周海',
  id_number: idNumber('15030219780620301'),
  phone_number: '13904731188',
  assurance_level: 3,
  ...company,
  company_relation: 'legalRepresentative',
};
const agent = (sub: string, name: string) => ({
  sub,
  name,
  id_number: idNumber('15030219920908402'),
  phone_number: '13614739920',
  assurance_level: 3,
  ...company,
  company_relation: 'agent',
});

describe('residents and companies signed in (我的办件)', () => {
  let provider: FakeProvider;
  let h: Harness;
  let itemCode: string;
  let strictItem: string;
  /** The example item with a form that names the applicant's fields. */
  let declaredItem: string;
  const applicantFields = {
    name: '/applicant/name',
    idNumber: '/applicant/idNumber',
    mobile: '/applicant/mobile',
  };
  const bearer = async (claims: Record<string, unknown>) => ({
    Authorization: `Bearer ${await provider.sign(claims)}`,
  });

  /** The application of a resident as the form fills it from their verified claims. */
  const personBody = async (claims: typeof zhangli, code = itemCode, changes: Record<string, unknown> = {}) =>
    applicationBody(h, code, {
      applicant: {
        kind: 'person',
        name: claims.name,
        idType: 'residentIdCard',
        idNumber: claims.id_number,
        mobile: claims.phone_number,
      },
      formData: {
        applicant: { name: claims.name, idNumber: claims.id_number },
        currentHousing: 'rented',
      },
      ...changes,
    });

  const companyBody = async (filer: { name: string }) =>
    applicationBody(h, itemCode, {
      applicant: {
        kind: 'organisation',
        name: company.company_name,
        creditCode: company.company_credit_code,
        legalRepresentative: legal.name,
        contact: { name: filer.name, mobile: '13614739920' },
      },
    });

  const file = async (claims: Record<string, unknown>, body: unknown) => {
    const response = await h.call('POST', '/api/v1/cases', { body, headers: await bearer(claims) });
    assert.equal(response.status, 201, response.text);
    return response.body as { caseNumber: string; queryCode: string; case: Record<string, unknown> };
  };

  before(async () => {
    provider = await startFakeProvider();
    h = await createHarness({
      tokenVerifier: new JwtVerifier({
        issuer: provider.issuer,
        audience: testAudience,
        jwksUrl: provider.jwksUrl,
      }),
    });
    itemCode = (await importExample(h)).code;
    const declared = itemVariant(8, {});
    declaredItem = declared.item.code;
    await importItems(h.database.db, [{ ...declared, form: { ...declared.form, applicantFields } }]);
    const strict = itemVariant(7, {});
    strictItem = strict.item.code;
    await importItems(h.database.db, [
      { ...strict, form: { ...strict.form, signIn: { required: true, assuranceLevel: 3 } } },
    ]);
  });
  after(async () => {
    await h.close();
    await provider.close();
  });

  it('shows the verified applicant fields in the form, for the signed-in caller only', async () => {
    const signedIn = await h.call('GET', `/api/v1/items/${itemCode}/form`, {
      headers: await bearer(zhangli),
    });
    assert.equal(signedIn.status, 200, signedIn.text);
    const fields = Object.fromEntries(
      signedIn.body.verifiedApplicant.fields.map((f: { pointer: string; value: string }) => [
        f.pointer,
        f.value,
      ]),
    );
    // A form that does not say where the applicant is: the application's own applicant is locked.
    assert.equal(fields['/applicant/name'], '张丽');
    assert.equal(fields['/applicant/idNumber'], validIdNumber);
    assert.equal(signedIn.body.verifiedApplicant.assuranceLevel, 3);
    // A form that does: the fields it names, and nothing else.
    const declared = await h.call('GET', `/api/v1/items/${declaredItem}/form`, {
      headers: await bearer(zhangli),
    });
    assert.deepEqual(
      declared.body.verifiedApplicant.fields.map((f: { pointer: string }) => f.pointer),
      ['/formData/applicant/name', '/formData/applicant/idNumber', '/formData/applicant/mobile'],
    );
    const anonymous = await h.call('GET', `/api/v1/items/${itemCode}/form`);
    assert.equal(anonymous.body.verifiedApplicant, undefined);
    const strict = await h.call('GET', `/api/v1/items/${strictItem}/form`);
    assert.deepEqual(strict.body.signIn, { required: true, assuranceLevel: 3 });
  });

  it('refuses a changed verified value with 422 naming the field, never replacing it', async () => {
    const body = await personBody(zhangli);
    const changed = {
      ...body,
      applicant: { ...body.applicant, name: '张莉' },
      formData: { ...body.formData, applicant: { name: '张丽', idNumber: wang.id_number } },
    };
    const response = await h.call('POST', '/api/v1/cases', { body: changed, headers: await bearer(zhangli) });
    assert.equal(response.status, 422, response.text);
    assert.deepEqual(
      response.body.errors.map((e: { pointer: string; code: string }) => `${e.pointer} ${e.code}`).sort(),
      ['/applicant/name verified_value_changed'],
    );
    // Where the form names the applicant's fields, those are the ones locked, and no applicant is sent.
    const { applicant: _sent, ...fromForm } = await personBody(zhangli, declaredItem);
    const changedInForm = await h.call('POST', '/api/v1/cases', {
      body: {
        ...fromForm,
        formData: {
          applicant: { name: '张丽', idNumber: wang.id_number, mobile: zhangli.phone_number },
          currentHousing: 'rented',
        },
      },
      headers: await bearer(zhangli),
    });
    assert.equal(changedInForm.status, 422, changedInForm.text);
    assert.deepEqual(
      changedInForm.body.errors.map((e: { pointer: string; code: string }) => `${e.pointer} ${e.code}`),
      ['/formData/applicant/idNumber verified_value_changed'],
    );
    // A lower-case x is the same ID number as people type it.
    const created = await file(zhangli, body);
    assert.deepEqual(created.case.identity, {
      verified: true,
      filedAs: 'resident',
      assuranceLevel: 3,
      boundToCaller: true,
    });
  });

  it('needs sign-in at the item’s assurance level: 401 without, 403 below, naming the level', async () => {
    const unsigned = await h.call('POST', '/api/v1/cases', { body: await personBody(zhangli, strictItem) });
    assert.equal(unsigned.status, 401, unsigned.text);
    assert.equal(unsigned.body.code, 'sign_in_required');
    assert.equal(unsigned.body.requiredAssuranceLevel, 3);
    const low = await h.call('POST', '/api/v1/cases', {
      body: await personBody(wang, strictItem),
      headers: await bearer(wang),
    });
    assert.equal(low.status, 403, low.text);
    assert.equal(low.body.code, 'assurance_level_insufficient');
    assert.equal(low.body.requiredAssuranceLevel, 3);
    assert.equal(low.body.assuranceLevel, 2);
    assert.match(low.body.detail, /3/);
    await file(zhangli, await personBody(zhangli, strictItem));
  });

  it('lists, reads, corrects and withdraws one’s own cases with the token alone', async () => {
    const mine = await file(wang, await personBody(wang));
    const second = await file(wang, await personBody(wang));
    const other = await file(zhangli, await personBody(zhangli));
    const headers = await bearer(wang);
    const first = await h.call('GET', '/api/v1/me/cases?limit=1', { headers });
    assert.equal(first.status, 200, first.text);
    assert.deepEqual(
      first.body.items.map((c: { caseNumber: string }) => c.caseNumber),
      [second.caseNumber],
    );
    const rest = await h.call('GET', `/api/v1/me/cases?limit=5&cursor=${first.body.nextCursor}`, { headers });
    assert.deepEqual(
      rest.body.items.map((c: { caseNumber: string }) => c.caseNumber),
      [mine.caseNumber],
    );
    assert.equal(rest.body.nextCursor, null);
    const read = await h.call('GET', `/api/v1/cases/${mine.caseNumber}`, { headers });
    assert.equal(read.status, 200, read.text);
    assert.equal(read.body.identity.boundToCaller, true);
    const timeline = await h.call('GET', `/api/v1/cases/${mine.caseNumber}/timeline`, { headers });
    assert.equal(timeline.status, 200);
    const withdrawn = await h.call('POST', `/api/v1/cases/${mine.caseNumber}/withdrawal`, {
      headers,
      body: { reason: '不需要了' },
    });
    assert.equal(withdrawn.status, 200, withdrawn.text);
    const byState = await h.call('GET', '/api/v1/me/cases?state=withdrawn', { headers });
    assert.deepEqual(
      byState.body.items.map((c: { caseNumber: string }) => c.caseNumber),
      [mine.caseNumber],
    );
    // Someone else's case answers like an unknown one, for every operation.
    for (const [method, path, body] of [
      ['GET', `/api/v1/cases/${other.caseNumber}`, undefined],
      ['GET', `/api/v1/cases/${other.caseNumber}/timeline`, undefined],
      ['POST', `/api/v1/cases/${other.caseNumber}/withdrawal`, { reason: 'x' }],
      ['POST', `/api/v1/cases/${other.caseNumber}/corrections`, { materials: [] }],
    ] as const) {
      const response = await h.call(method, path, { headers, body });
      assert.equal(response.status, 404, `${method} ${path}: ${response.text}`);
      assert.equal(response.body.code, 'case_lookup_failed');
    }
    // The query-code path stays, and shows the case as not the caller's.
    const byCode = await h.call('GET', `/api/v1/cases/${other.caseNumber}`, {
      headers: { 'X-Query-Code': other.queryCode },
    });
    assert.equal(byCode.status, 200);
    assert.equal(byCode.body.identity.boundToCaller, false);
  });

  it('answers /me/cases to residents and company representatives only', async () => {
    assert.equal((await h.call('GET', '/api/v1/me/cases')).status, 401);
    const namedStaff = await h.call('GET', '/api/v1/me/cases', {
      headers: await bearer({ sub: 's-1', name: '王芳', roles: ['approver'], departments: ['150302-zjj'] }),
    });
    assert.equal(namedStaff.status, 403);
  });

  it('shows a company’s cases to its legal representative and the filing 经办人, not another 经办人', async () => {
    const wumin = agent('c-agent-1', '吴敏');
    const other = agent('c-agent-2', '陈晨');
    const filed = await file(wumin, await companyBody(wumin));
    assert.equal((filed.case.identity as { filedAs: string }).filedAs, 'agent');
    const listed = async (claims: Record<string, unknown>) =>
      (await h.call('GET', '/api/v1/me/cases', { headers: await bearer(claims) })).body.items.map(
        (c: { caseNumber: string }) => c.caseNumber,
      );
    assert.deepEqual(await listed(wumin), [filed.caseNumber]);
    assert.deepEqual(await listed(legal), [filed.caseNumber]);
    assert.deepEqual(await listed(other), []);
    const byLegal = await h.call('GET', `/api/v1/cases/${filed.caseNumber}`, {
      headers: await bearer(legal),
    });
    assert.equal(byLegal.status, 200);
    assert.equal(byLegal.body.identity.boundToCaller, true);
    const byOther = await h.call('GET', `/api/v1/cases/${filed.caseNumber}`, {
      headers: await bearer(other),
    });
    assert.equal(byOther.status, 404);
    // Another company's legal representative sees none of it.
    const stranger = { ...legal, sub: 'c-legal-2', company_credit_code: '91150302MA0N7K2X4C' };
    assert.deepEqual(await listed(stranger), []);
  });

  it('rates one’s own case real-name by default, the rater taken from the case', async () => {
    const filed = await file(zhangli, await personBody(zhangli));
    await concludeCase(h, filed.caseNumber, await bearer(staffClaims()));
    const rate = async (anonymous: boolean, caseNumber = filed.caseNumber, claims = zhangli) =>
      h.call('POST', '/api/v1/evaluations', {
        headers: await bearer(claims),
        body: { target: { kind: 'case', caseNumber }, level: 'satisfied', channel: 'pc', anonymous },
      });
    const otherCase = await file(wang, await personBody(wang));
    await concludeCase(h, otherCase.caseNumber, await bearer(staffClaims()));
    assert.equal((await rate(false, otherCase.caseNumber)).status, 404);
    const rated = await rate(false);
    assert.equal(rated.status, 201, rated.text);
    assert.equal(rated.body.anonymous, false);
    assert.deepEqual(rated.body.rater, { name: '张丽', maskedMobile: '139****2345' });
    const anonymous = await rate(true, otherCase.caseNumber, wang);
    assert.equal(anonymous.status, 201, anonymous.text);
    assert.equal(anonymous.body.rater, undefined);
    // 我的办件 shows each case's rating (the page's ratings are read in one query).
    const unrated = await file(zhangli, await personBody(zhangli));
    const mine = await h.call('GET', '/api/v1/me/cases', { headers: await bearer(zhangli) });
    const ratingOf = (number: string) =>
      mine.body.items.find((c: { caseNumber: string }) => c.caseNumber === number)?.evaluationId;
    assert.equal(ratingOf(filed.caseNumber), rated.body.id);
    assert.equal(ratingOf(unrated.caseNumber), null);
  });
});
