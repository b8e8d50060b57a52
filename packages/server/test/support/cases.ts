import assert from 'node:assert/strict';
import { idCardCheckChar } from '@banshi/sdk/forms';
import { importItems } from '../../src/items/importer.js';
import type { Harness } from './harness.js';
import { exampleForm, exampleItem } from './fixtures.js';
import { pdfBytes } from './files.js';

/** A valid resident ID number (region 150302, born 1990-01-01). */
export const validIdNumber = (() => {
  const body = '15030219900101123';
  return body + idCardCheckChar(body);
})();

/** The example item (公共租赁住房申请) with its form, imported. */
export async function importExample(h: Harness) {
  const item = exampleItem();
  await importItems(h.database.db, [{ item, form: exampleForm() }]);
  return item;
}

/** The same number with a wrong check character. */
export const invalidIdNumber = validIdNumber.slice(0, 17) + (validIdNumber.endsWith('1') ? '2' : '1');

/** A fresh form session token of an item's form (the example item's by default), as a widget gets it. */
export async function formSession(h: Harness, itemCode = exampleItem().code): Promise<string> {
  const form = await h.call('GET', `/api/v1/items/${itemCode}/form`);
  assert.equal(form.status, 200, form.text);
  return (form.body as { session: { token: string } }).session.token;
}

/** Uploads a file in a fresh form session (or the one given) and answers the response. */
export async function upload(
  h: Harness,
  bytes: Uint8Array = pdfBytes,
  name = '收入证明.pdf',
  fields: Record<string, string> = {},
  session?: string,
) {
  const form = new FormData();
  form.set('file', new File([bytes], name, { type: 'application/pdf' }));
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  const token = session ?? (await formSession(h, fields.itemCode));
  return h.call('POST', '/api/v1/uploads', { raw: form, headers: { 'X-Form-Session': token } });
}

/** A complete, valid application body for the example item. */
export async function applicationBody(h: Harness, itemCode: string, changes: Record<string, unknown> = {}) {
  const uploaded = await upload(h);
  assert.equal(uploaded.status, 201, uploaded.text);
  return {
    itemCode,
    formVersion: '1.0.0',
    applicant: {
      kind: 'person',
      name: '张丽',
      idType: 'residentIdCard',
      idNumber: validIdNumber,
      mobile: '13947312345',
    },
    situationAnswers: { household: 'single' },
    formData: { applicant: { name: '张丽', idNumber: validIdNumber }, currentHousing: 'rented' },
    materials: [{ materialId: 'income-proof', provision: 'upload', uploadIds: [uploaded.body.id] }],
    commitmentAccepted: true,
    delivery: {
      method: 'mail',
      address: { recipient: '张丽', mobile: '13947312345', regionCode: '150302', detail: '黄河东街 29 号' },
    },
    ...changes,
  };
}

/** Submits an application and answers the CaseCreated body. */
export async function submitCase(h: Harness, itemCode: string, changes: Record<string, unknown> = {}) {
  const response = await h.call('POST', '/api/v1/cases', {
    body: await applicationBody(h, itemCode, changes),
  });
  assert.equal(response.status, 201, response.text);
  return response.body as {
    caseNumber: string;
    queryCode: string;
    applicantToken: string;
    case: Record<string, unknown>;
  };
}

/** Takes a submitted case through 受理 and 准予 to 办结 as a member of staff (the default one unless given). */
export async function concludeCase(h: Harness, caseNumber: string, staff = h.staff): Promise<void> {
  for (const action of ['accept', 'approve', 'conclude']) {
    const moved = await h.call('POST', `/api/v1/cases/${caseNumber}/transitions`, {
      body: { action },
      headers: staff,
    });
    assert.equal(moved.status, 200, moved.text);
  }
}

/** A real-name bad review (不满意) of the item at a hall window, as its rating device sends it. */
export async function postBadReview(h: Harness, itemCode: string) {
  const bad = await h.call('POST', '/api/v1/evaluations', {
    body: {
      target: { kind: 'onSite', itemCode, windowId: 'hbw-b03' },
      level: 'dissatisfied',
      reasons: ['repeatedVisits'],
      channel: 'hallTablet',
      anonymous: false,
      rater: { name: '赵海燕', mobile: '15004736627' },
    },
  });
  assert.equal(bad.status, 201, bad.text);
  return bad.body as { id: string; rectification: Record<string, unknown> };
}
