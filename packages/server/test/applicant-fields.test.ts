import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importItems } from '../src/items/importer.js';
import { createHarness, type Harness } from './support/harness.js';
import { applicationBody, importExample, invalidIdNumber, validIdNumber } from './support/cases.js';
import { itemVariant } from './support/fixtures.js';

type Errors = Array<{ pointer: string; code: string; materialId?: string }>;

/** The example form, naming where its applicant and its mailing address are. */
function declaredForm(form: Record<string, unknown>): Record<string, unknown> {
  const schema = structuredClone(form.schema) as {
    properties: Record<string, { type?: string; properties?: Record<string, unknown> }>;
  };
  schema.properties.applicant!.properties!.mobile = { type: 'string', format: 'cn-mobile' };
  schema.properties.mail = {
    type: 'object',
    properties: {
      recipient: { type: 'string' },
      mobile: { type: 'string', format: 'cn-mobile' },
      regionCode: { type: 'string', format: 'cn-region-code' },
      address: { type: 'string' },
    },
  };
  return {
    ...form,
    schema,
    applicantFields: {
      name: '/applicant/name',
      idNumber: '/applicant/idNumber',
      mobile: '/applicant/mobile',
    },
    deliveryFields: {
      recipient: '/mail/recipient',
      mobile: '/mail/mobile',
      regionCode: '/mail/regionCode',
      address: '/mail/address',
    },
  };
}

describe('the applicant and the delivery read from the form data', () => {
  let h: Harness;
  let itemCode: string;
  const formData = (idNumber = validIdNumber) => ({
    applicant: { name: '张丽', idNumber, mobile: '13947312345' },
    mail: { recipient: '张丽', mobile: '13947312345', regionCode: '150302', address: '黄河东街 29 号' },
    currentHousing: 'rented',
  });
  /** The application as the widget sends it: the form data, and no applicant or delivery beside it. */
  const bodyOf = async (changes: Record<string, unknown>) => {
    const {
      applicant: _applicant,
      delivery: _delivery,
      ...body
    } = await applicationBody(h, itemCode, changes);
    return body;
  };

  before(async () => {
    h = await createHarness();
    await importExample(h); // its form session carries the uploads
    const variant = itemVariant(9, {});
    itemCode = variant.item.code;
    await importItems(h.database.db, [
      { ...variant, form: declaredForm(variant.form as Record<string, unknown>) },
    ]);
  });
  after(() => h.close());

  it('records the applicant and the mailing address the form data holds', async () => {
    const response = await h.call('POST', '/api/v1/cases', { body: await bodyOf({ formData: formData() }) });
    assert.equal(response.status, 201, response.text);
    const view = response.body.case as {
      applicant: { kind: string; name: string; maskedIdNumber: string };
      delivery: { method: string };
    };
    assert.equal(view.applicant.kind, 'person');
    assert.equal(view.applicant.name, '张丽');
    assert.ok(view.applicant.maskedIdNumber.endsWith(validIdNumber.slice(-1)), view.applicant.maskedIdNumber);
    assert.equal(view.delivery.method, 'mail');
  });

  it('says a bad ID number once, at the form field, with the form engine’s code', async () => {
    const response = await h.call('POST', '/api/v1/cases', {
      body: await bodyOf({ formData: formData(invalidIdNumber) }),
    });
    assert.equal(response.status, 422, response.text);
    const errors = (response.body.errors as Errors).map((e) => `${e.pointer} ${e.code}`);
    assert.deepEqual(errors, ['/formData/applicant/idNumber format.cn-id-card']);
  });

  it('names the material of a material error, also one that is missing', async () => {
    const response = await h.call('POST', '/api/v1/cases', {
      body: await bodyOf({
        formData: formData(),
        materials: [{ materialId: 'income-proof', provision: 'deferred' }],
      }),
    });
    assert.equal(response.status, 422, response.text);
    const errors = response.body.errors as Errors;
    assert.ok(
      errors.some(
        (e) =>
          e.pointer === '/materials/0/provision' &&
          e.materialId === 'income-proof' &&
          e.code === 'not_deferrable',
      ),
      JSON.stringify(errors),
    );
    const missing = await h.call('POST', '/api/v1/cases', {
      body: await bodyOf({ formData: formData(), materials: [] }),
    });
    assert.ok(
      (missing.body.errors as Errors).some(
        (e) =>
          e.pointer === '/materials' && e.materialId === 'income-proof' && e.code === 'material.required',
      ),
      JSON.stringify(missing.body.errors),
    );
  });
});
