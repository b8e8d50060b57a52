import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { creditCodeCheckChar, idCardCheckChar } from '@banshi/sdk/forms';
import { importItems } from '../../src/items/importer.js';
import { applicationBody, validIdNumber } from '../support/cases.js';
import { exampleForm, exampleItem } from '../support/fixtures.js';
import { createHarness, type Harness } from '../support/harness.js';

const withCheck = (first17: string) => first17 + idCardCheckChar(first17);

/** The example form with a 户籍所在地 field in the `cn-region-code` format. */
function formWithRegion() {
  const form = exampleForm() as {
    schema: { properties: { applicant: { properties: Record<string, unknown> } } };
    layout: { pages: { elements: { scope: string; label: string }[] }[] };
  };
  form.schema.properties.applicant.properties.hukouRegion = { type: 'string', format: 'cn-region-code' };
  form.layout.pages[0]!.elements.push({ scope: '/applicant/hukouRegion', label: 'field.name' });
  return form;
}

describe('validation against the full region list and each identity document', () => {
  let h: Harness;
  const item = exampleItem();
  before(async () => {
    h = await createHarness();
    await importItems(h.database.db, [{ item, form: formWithRegion() }]);
  });
  after(() => h.close());

  const submit = async (changes: Record<string, unknown>) =>
    h.call('POST', '/api/v1/cases', { body: await applicationBody(h, item.code, changes) });
  const codes = (response: { body: { errors?: { pointer: string; code: string }[] } }) =>
    (response.body.errors ?? []).map((e) => `${e.pointer} ${e.code}`);
  const formData = (hukouRegion: string) => ({
    formData: { applicant: { name: '张丽', idNumber: validIdNumber, hukouRegion }, currentHousing: 'rented' },
  });

  it('refuses a region code that is shaped right but not in GB/T 2260 (159999)', async () => {
    const response = await submit(formData('159999'));
    assert.equal(response.status, 422);
    assert.deepEqual(codes(response), ['/formData/applicant/hukouRegion format.cn-region-code']);
  });

  it('accepts a county anywhere in China, not only the seeded regions', async () => {
    for (const county of ['150302', '650102', '460203']) {
      const response = await submit(formData(county));
      assert.equal(response.status, 201, `${county}: ${response.text}`);
    }
  });

  const person = (idType: string, idNumber: string) => ({
    applicant: { kind: 'person', name: '陈大文', idType, idNumber, mobile: '13947312345' },
  });

  it('takes 港澳台居民居住证, the 2023 永久居留身份证, passports and permits by their own patterns', async () => {
    const accepted: [string, string][] = [
      ['hkMacaoTaiwanResidencePermit', withCheck('81000019900101002')],
      ['foreignPermanentResidentCard', withCheck('91184019850315001')],
      ['passport', 'E12345678'],
      ['hkMacaoPermit', 'H12345678'],
      ['taiwanPermit', '12345678'],
    ];
    for (const [idType, idNumber] of accepted) {
      const response = await submit(person(idType, idNumber));
      assert.equal(response.status, 201, `${idType} ${idNumber}: ${response.text}`);
    }
  });

  it('refuses a number that does not fit its document, and a permit number given as an ID card', async () => {
    const refused: [string, string, string][] = [
      ['residentIdCard', withCheck('81000019900101002'), 'format.cn-id-card'],
      ['hkMacaoTaiwanResidencePermit', validIdNumber, 'id_document'],
      ['foreignPermanentResidentCard', withCheck('11184019850315001'), 'id_document'],
      ['hkMacaoPermit', 'E12345678', 'id_document'],
      ['taiwanPermit', 'H12345678', 'id_document'],
      ['passport', 'ABCDEFGHI', 'id_document'],
    ];
    for (const [idType, idNumber, code] of refused) {
      const response = await submit(person(idType, idNumber));
      assert.equal(response.status, 422, `${idType} ${idNumber}`);
      assert.deepEqual(codes(response), [`/applicant/idNumber ${code}`], idType);
    }
  });

  it('refuses a credit code whose final check holds but whose organisation code check does not', async () => {
    // 91150302MA0Q3K8C: its organisation code's check character is 0; 7 is wrong.
    const first17 = '91150302MA0Q3K8C7';
    const response = await submit({
      applicant: {
        kind: 'organisation',
        name: '乌海市示例商贸有限公司',
        creditCode: first17 + creditCodeCheckChar(first17),
        legalRepresentative: '刘建国',
        contact: { name: '张丽', mobile: '13947312345' },
      },
    });
    assert.equal(response.status, 422, response.text);
    assert.ok(codes(response).includes('/applicant/creditCode format.cn-uscc'), codes(response).join());
  });
});
