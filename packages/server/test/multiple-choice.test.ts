import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importItems, type ItemDocument } from '../src/items/importer.js';
import { loadDemoCatalogue } from '../src/demo-catalogue/load.js';
import type { CaseCreate } from '../src/demo-catalogue/types.js';
import { createHarness, type Harness } from './support/harness.js';
import { applicationBody, formSession, importExample, upload } from './support/cases.js';

// 营业执照变更登记: its situation `change-item` lets the applicant tick several changes at once.
const itemName = '营业执照变更登记';

describe('multiple-choice situations', () => {
  let h: Harness;
  let sample: CaseCreate;

  before(async () => {
    h = await createHarness();
    const catalogue = await loadDemoCatalogue();
    const item = catalogue.items.find((i) => i.name === itemName);
    assert.ok(item, `${itemName} is in the seed catalogue`);
    const form = catalogue.forms.get(item.code)!;
    assert.equal(form.situations?.find((s) => s.id === 'change-item')?.multiple, true);
    await importItems(h.database.db, [
      { item: item as unknown as ItemDocument, form: form as unknown as Record<string, unknown> },
    ]);
    sample = structuredClone(catalogue.applications.find((a) => a.itemCode === item.code)!);
    assert.ok(sample, `a sample application of ${itemName}`);
  });
  after(() => h.close());

  /** The sample application with real uploads in place of its example upload ids. */
  async function sampleWithUploads(changes: Partial<CaseCreate> = {}): Promise<CaseCreate> {
    const body = structuredClone(sample);
    for (const material of body.materials) {
      if (material.provision !== 'upload') continue;
      const ids: string[] = [];
      for (const _ of material.uploadIds ?? []) {
        const uploaded = await upload(h, undefined, undefined, {}, await formSession(h, body.itemCode));
        assert.equal(uploaded.status, 201, uploaded.text);
        ids.push(uploaded.body.id);
      }
      material.uploadIds = ids;
    }
    return { ...body, ...changes };
  }

  it('accepts the sample application, several changes ticked, end to end', async () => {
    const body = await sampleWithUploads();
    assert.ok(Array.isArray(body.situationAnswers['change-item']));
    const response = await h.call('POST', '/api/v1/cases', { body });
    assert.equal(response.status, 201, response.text);
    assert.deepEqual(response.body.case.situationAnswers, { 'change-item': ['address', 'scope'] });
    const read = await h.call('GET', `/api/v1/cases/${response.body.caseNumber}`, {
      headers: { Authorization: `Bearer ${response.body.applicantToken}` },
    });
    assert.equal(read.status, 200, read.text);
    assert.deepEqual(read.body.situationAnswers, { 'change-item': ['address', 'scope'] });
  });

  it('names an unknown option inside the array', async () => {
    const body = await sampleWithUploads({ situationAnswers: { 'change-item': ['address', 'colour'] } });
    const response = await h.call('POST', '/api/v1/cases', { body });
    assert.equal(response.status, 422, response.text);
    assert.ok(
      response.body.errors.some(
        (e: { pointer: string; code: string }) =>
          e.pointer === '/situationAnswers/change-item' && e.code === 'situation_unknown',
      ),
      response.text,
    );
  });

  it('refuses a single option id where several are asked for', async () => {
    const body = await sampleWithUploads({ situationAnswers: { 'change-item': 'address' } });
    const response = await h.call('POST', '/api/v1/cases', { body });
    assert.equal(response.status, 422, response.text);
    assert.ok(
      response.body.errors.some(
        (e: { pointer: string; code: string }) =>
          e.pointer === '/situationAnswers/change-item' && e.code === 'situation_unknown',
      ),
      response.text,
    );
  });

  it('refuses an array for a single-choice question', async () => {
    const example = await importExample(h);
    const body = await applicationBody(h, example.code, { situationAnswers: { household: ['single'] } });
    const response = await h.call('POST', '/api/v1/cases', { body });
    assert.equal(response.status, 422, response.text);
    assert.ok(
      response.body.errors.some(
        (e: { pointer: string; code: string }) =>
          e.pointer === '/situationAnswers/household' && e.code === 'situation_unknown',
      ),
      response.text,
    );
  });
});
