import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateForm, type FormError, type JsonObject } from '../../src/forms/index.js';
import { creditCode, idNumber, loadDefinition } from './fixtures.js';

const rental = loadDefinition('public-rental-housing');
const company = loadDefinition('business-licence-change');
const newborn = loadDefinition('newborn-bundle');

const applicantId = idNumber('150302', '19850312', '021');
const childId = idNumber('150302', '20120901', '042');

const goodRental = (): JsonObject => ({
  applicant: {
    name: '王芳',
    idNumber: applicantId,
    mobile: '13847212345',
    address: '海勃湾区新华大街 12 号',
  },
  income: { monthlyPerCapita: 180000 },
  currentHousing: 'rented',
});

const byPointer = (errors: FormError[]) => Object.fromEntries(errors.map((error) => [error.pointer, error]));

describe('validateForm: the public rental housing application', () => {
  it('accepts a complete application', () => {
    const result = validateForm(rental, { data: goodRental(), situation: { household: 'single' } });
    assert.deepEqual(result.errors, []);
    assert.equal(result.valid, true);
  });

  it('reports a missing property at its own pointer, once', () => {
    const data = goodRental();
    delete (data.applicant as JsonObject).idNumber;
    const { errors } = validateForm(rental, { data });
    assert.deepEqual(errors, [{ pointer: '/applicant/idNumber', code: 'required', params: {} }]);
  });

  it('reports one error per field with the most specific code', () => {
    const data = {
      ...goodRental(),
      applicant: { name: '王', idNumber: '15030219850312021', mobile: '1384721', address: 'x' },
    };
    const errors = byPointer(validateForm(rental, { data }).errors);
    assert.deepEqual(Object.keys(errors), ['/applicant/name', '/applicant/idNumber', '/applicant/mobile']);
    assert.deepEqual(errors['/applicant/name'], {
      pointer: '/applicant/name',
      code: 'minLength',
      params: { min: 2 },
    });
    assert.deepEqual(errors['/applicant/idNumber']?.params, { reason: 'length' });
    assert.equal(errors['/applicant/mobile']?.code, 'format.cn-mobile');
  });

  it('says when only the check character of an ID number is wrong', () => {
    const wrongLast = applicantId.slice(0, 17) + (applicantId[17] === '1' ? '2' : '1');
    const data = {
      ...goodRental(),
      applicant: { ...(goodRental().applicant as JsonObject), idNumber: wrongLast },
    };
    const [error] = validateForm(rental, { data }).errors;
    assert.deepEqual(error, {
      pointer: '/applicant/idNumber',
      code: 'format.cn-id-card',
      params: { reason: 'checkChar' },
    });
  });

  it('points errors in the family members at the member and field', () => {
    const data = {
      ...goodRental(),
      members: [
        { name: '李强', idNumber: childId, relation: 'child' },
        { name: '李娜', idNumber: childId.slice(0, 17) + 'Z', relation: 'child' },
        { name: '李', relation: 'cousin' },
      ],
    };
    const { errors } = validateForm(rental, { data, situation: { household: 'family' } });
    assert.deepEqual(errors, [
      { pointer: '/members/1/idNumber', code: 'format.cn-id-card', params: { reason: 'length' } },
      { pointer: '/members/2/idNumber', code: 'required', params: {} },
      { pointer: '/members/2/name', code: 'minLength', params: { min: 2 } },
      { pointer: '/members/2/relation', code: 'enum', params: {} },
    ]);
  });

  it('limits the number of family members', () => {
    const member = { name: '李强', idNumber: childId, relation: 'child' };
    const data = { ...goodRental(), members: Array.from({ length: 11 }, () => member) };
    const { errors } = validateForm(rental, { data, situation: { household: 'family' } });
    assert.deepEqual(errors, [{ pointer: '/members', code: 'maxItems', params: { max: 10 } }]);
  });

  it('drops the family members and does not check them when applying alone', () => {
    const data = { ...goodRental(), members: [{ name: '李' }] };
    const result = validateForm(rental, { data, situation: { household: 'single' } });
    assert.deepEqual(result.errors, []);
    assert.equal('members' in result.data, false);
    assert.deepEqual(data.members, [{ name: '李' }], 'the input keeps what the user typed');
  });

  it('requires the owned area only for a small owned home, at most 15 ㎡', () => {
    const owned = { ...goodRental(), currentHousing: 'owned-small' };
    assert.deepEqual(validateForm(rental, { data: owned }).errors, [
      { pointer: '/ownedArea', code: 'required', params: {} },
    ]);
    assert.deepEqual(validateForm(rental, { data: { ...owned, ownedArea: 20 } }).errors, [
      { pointer: '/ownedArea', code: 'maximum', params: { max: 15 } },
    ]);
    assert.deepEqual(validateForm(rental, { data: { ...owned, ownedArea: 12.5 } }).errors, []);
  });

  it('drops a hidden owned area and never reports it', () => {
    const result = validateForm(rental, { data: { ...goodRental(), ownedArea: 999 } });
    assert.deepEqual(result.errors, []);
    assert.equal('ownedArea' in result.data, false);
  });

  it('treats a blank answer as missing', () => {
    const data = { ...goodRental(), applicant: { ...(goodRental().applicant as JsonObject), name: '   ' } };
    assert.deepEqual(validateForm(rental, { data }).errors, [
      { pointer: '/applicant/name', code: 'required', params: {} },
    ]);
  });

  it('reports a wrong type with the expected type', () => {
    const data = { ...goodRental(), income: { monthlyPerCapita: 1800.5 } };
    assert.deepEqual(validateForm(rental, { data }).errors, [
      { pointer: '/income/monthlyPerCapita', code: 'type', params: { reason: 'integer' } },
    ]);
  });

  it('lists errors in the order of the layout', () => {
    const data = {
      currentHousing: 'owned-small',
      applicant: { name: '王芳', mobile: '13847212345', address: 'x' },
    };
    assert.deepEqual(
      validateForm(rental, { data }).errors.map((error) => error.pointer),
      ['/applicant/idNumber', '/income', '/ownedArea'],
    );
  });

  it('requires the materials that apply, unless fetched from the e-licence library', () => {
    const situation = { hukou: 'nonlocal', household: 'single' };
    const missing = validateForm(rental, { data: goodRental(), situation, materials: {} }).errors;
    assert.deepEqual(missing, [
      { pointer: '#materials/income-proof', code: 'material.required', params: { material: 'income-proof' } },
    ]);
    const uploaded = validateForm(rental, {
      data: goodRental(),
      situation,
      materials: { 'income-proof': ['upl_01J9Z8X7'] },
    });
    assert.equal(uploaded.valid, true, 'the deferrable labour contract may come later');
    assert.deepEqual(
      uploaded.deferredMaterials.map((material) => [material.id, material.deferDays]),
      [['labour-contract', 10]],
    );
    const all = validateForm(rental, {
      data: goodRental(),
      situation,
      materials: { 'income-proof': ['upl_01J9Z8X7'], 'labour-contract': ['upl_01J9Z8X8'] },
    });
    assert.deepEqual(all.deferredMaterials, []);
  });

  it('requires the commitment when it is required', () => {
    assert.deepEqual(validateForm(rental, { data: goodRental(), commitmentAccepted: false }).errors, [
      { pointer: '#commitment', code: 'commitment.required', params: {} },
    ]);
    assert.equal(validateForm(rental, { data: goodRental(), commitmentAccepted: true }).valid, true);
  });
});

describe('validateForm: a company changing its business licence', () => {
  const legalRep = {
    name: '赵刚',
    idNumber: idNumber('150203', '19700501', '015'),
    mobile: '+86 139 4721 0000',
  };
  const good = (): JsonObject => ({
    company: {
      name: '包头市鹿城机械有限公司',
      creditCode: creditCode('91150203MA0N2K3L'),
      regionCode: '150203',
    },
    legalRepresentative: legalRep,
  });

  it('accepts a complete application', () => {
    assert.deepEqual(
      validateForm(company, { data: good(), situation: { applicantRole: 'legalRep' } }).errors,
      [],
    );
  });

  it('checks the credit code and tells a wrong check character apart', () => {
    const code = creditCode('91150203MA0N2K3L');
    const wrong = code.slice(0, 17) + (code[17] === 'A' ? 'B' : 'A');
    const errors = (creditCodeValue: string) =>
      validateForm(company, {
        data: { ...good(), company: { ...(good().company as JsonObject), creditCode: creditCodeValue } },
      }).errors;
    assert.deepEqual(errors(wrong), [
      { pointer: '/company/creditCode', code: 'format.cn-uscc', params: { reason: 'checkChar' } },
    ]);
    assert.deepEqual(errors('9115020'), [
      { pointer: '/company/creditCode', code: 'format.cn-uscc', params: { reason: 'length' } },
    ]);
  });

  it('checks people defined once in $defs wherever they appear', () => {
    const data = { ...good(), agent: { name: '钱', idNumber: '150203197005010150' } };
    const { errors } = validateForm(company, { data, situation: { applicantRole: 'agent' } });
    assert.deepEqual(
      errors.map((error) => [error.pointer, error.code]),
      [
        ['/agent/name', 'minLength'],
        ['/agent/idNumber', 'format.cn-id-card'],
        ['/agent/mobile', 'required'],
      ],
    );
  });

  it('does not report an object whose fields are all hidden', () => {
    // newLegalRepresentative is a $ref to a person with required fields, but its section is hidden.
    const data = { ...good(), newLegalRepresentative: { name: '孙' } };
    const result = validateForm(company, { data, situation: { changes: ['name'] } });
    assert.deepEqual(result.errors, []);
    assert.equal('newLegalRepresentative' in result.data, true, 'only the hidden fields are dropped');
    assert.deepEqual(result.data.newLegalRepresentative, {});
  });

  it('checks region codes against the server list when given', () => {
    const data = { ...good(), company: { ...(good().company as JsonObject), regionCode: '150299' } };
    assert.deepEqual(validateForm(company, { data }).errors, []);
    assert.deepEqual(validateForm(company, { data }, { regionCodes: new Set(['150202', '150203']) }).errors, [
      { pointer: '/company/regionCode', code: 'format.cn-region-code', params: {} },
    ]);
    const outside = { ...good(), company: { ...(good().company as JsonObject), regionCode: '990000' } };
    assert.equal(validateForm(company, { data: outside }).errors[0]?.code, 'format.cn-region-code');
  });

  it('checks the postcode', () => {
    const data = { ...good(), company: { ...(good().company as JsonObject), postalCode: '01400' } };
    assert.deepEqual(validateForm(company, { data }).errors, [
      { pointer: '/company/postalCode', code: 'format.cn-postal-code', params: {} },
    ]);
  });

  it('requires the letter of authorisation only from an agent', () => {
    const materials = { application: ['upl_1'] };
    assert.equal(
      validateForm(company, { data: good(), situation: { applicantRole: 'legalRep' }, materials }).valid,
      true,
    );
    const agent = validateForm(company, {
      data: { ...good(), agent: legalRep },
      situation: { applicantRole: 'agent' },
      materials,
    });
    assert.deepEqual(
      agent.errors.map((error) => error.pointer),
      ['#materials/authorisation'],
    );
  });
});

describe('validateForm: the newborn bundle', () => {
  const mother = { name: '刘丽', idNumber: idNumber('620302', '19930214', '024') };
  const baby = {
    name: '刘小禾',
    sex: 'female',
    birthDate: '2026-11-02',
    birthCertificateNumber: 'Q620012345',
  };

  it('checks only the pages of the services chosen', () => {
    const data = { baby, mother, hukou: { followParent: 'mother' }, insurance: { payment: 'bank' } };
    const withoutServices = validateForm(newborn, {
      data,
      situation: { services: [], parentsMarried: 'no' },
    });
    assert.deepEqual(withoutServices.errors, []);
    assert.deepEqual(Object.keys(withoutServices.data), ['baby', 'mother', 'hukou', 'insurance']);
    const withServices = validateForm(newborn, {
      data,
      situation: { services: ['hukou', 'insurance'], parentsMarried: 'no' },
    });
    assert.deepEqual(
      withServices.errors.map((error) => [error.pointer, error.code]),
      [
        ['/hukou/regionCode', 'required'],
        ['/insurance/bankAccount', 'required'],
      ],
    );
  });

  it('checks patterns and standard formats', () => {
    const data = { baby: { ...baby, birthDate: '2026-02-30', birthCertificateNumber: 'q62001234' }, mother };
    assert.deepEqual(
      validateForm(newborn, { data }).errors.map((error) => [error.pointer, error.code, error.params]),
      [
        ['/baby/birthDate', 'format', { format: 'date' }],
        ['/baby/birthCertificateNumber', 'pattern', {}],
      ],
    );
  });

  it('requires the father only when the parents are married', () => {
    const data = { baby, mother, father: { name: '张' } };
    assert.deepEqual(validateForm(newborn, { data, situation: { parentsMarried: 'no' } }).errors, []);
    assert.deepEqual(
      validateForm(newborn, { data, situation: { parentsMarried: 'yes' } }).errors.map(
        (error) => error.pointer,
      ),
      ['/father/name', '/father/idNumber'],
    );
  });
});
