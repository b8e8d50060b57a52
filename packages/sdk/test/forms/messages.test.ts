import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ERROR_MESSAGES,
  FORM_ERROR_CODES,
  formatError,
  pickLocale,
  translate,
  validateForm,
  type FormError,
} from '../../src/forms/index.js';
import { idNumber, loadDefinition } from './fixtures.js';

const rental = loadDefinition('public-rental-housing');
const company = loadDefinition('business-licence-change');

const error = (pointer: string, code: FormError['code'], params: FormError['params'] = {}): FormError => ({
  pointer,
  code,
  params,
});

describe('error messages', () => {
  for (const locale of ['zh-CN', 'en']) {
    it(`has a ${locale} message for every code, with no placeholder left over`, () => {
      for (const code of FORM_ERROR_CODES) {
        assert.ok(ERROR_MESSAGES[locale]?.[code], `${locale} ${code}`);
        const text = formatError(error('/x', code, { min: 2, max: 15 }), locale);
        assert.doesNotMatch(text, /[{}]/, `${locale} ${code}: ${text}`);
      }
    });
  }

  it('has the same specific messages in both locales', () => {
    assert.deepEqual(
      Object.keys(ERROR_MESSAGES.en!).sort(),
      [...Object.keys(ERROR_MESSAGES['zh-CN']!), 'field'].sort(),
    );
  });

  it('names the field by its label and says what to do', () => {
    const missing = error('/applicant/idNumber', 'required');
    assert.equal(formatError(missing, 'zh-CN', rental), '请输入居民身份证号码');
    assert.equal(formatError(missing, 'en', rental), 'Enter the resident ID number');
    const checkChar = error('/applicant/idNumber', 'format.cn-id-card', { reason: 'checkChar' });
    assert.equal(formatError(checkChar, 'zh-CN', rental), '居民身份证号码的校验位不正确，请核对最后一位');
    assert.equal(
      formatError(checkChar, 'en', rental),
      'The last character of the resident ID number is not right: check it',
    );
  });

  it('asks to select, not enter, an answer picked from options', () => {
    const missing = error('/currentHousing', 'required');
    assert.equal(formatError(missing, 'zh-CN', rental), '请选择目前住房情况');
    assert.equal(formatError(missing, 'en', rental), 'Select the current housing');
  });

  it('fills in limits', () => {
    const tooBig = error('/ownedArea', 'maximum', { max: 15 });
    assert.equal(formatError(tooBig, 'zh-CN', rental), '自有住房面积不能大于15');
    assert.equal(formatError(tooBig, 'en', rental), 'Area of the home you own must be 15 or less');
  });

  it('names fields inside a repeating group and in sections', () => {
    assert.equal(
      formatError(error('/members/1/idNumber', 'required'), 'zh-CN', rental),
      '请输入居民身份证号码',
    );
    assert.equal(
      formatError(error('/agent/idNumber', 'required'), 'en', company),
      "Enter the agent's ID number",
    );
  });

  it('names a missing material', () => {
    const material = error('#materials/income-proof', 'material.required', { material: 'income-proof' });
    assert.equal(formatError(material, 'zh-CN', rental), '请上传收入证明');
    assert.equal(formatError(material, 'en', rental), 'Upload the proof of income');
  });

  it('says something useful without a definition', () => {
    assert.equal(formatError(error('/a', 'required')), '请输入此项');
    assert.equal(formatError(error('/a', 'required'), 'en'), 'Enter an answer');
    assert.equal(
      formatError(error('/a', 'minLength', { min: 2 }), 'en'),
      'This answer must be 2 characters or more',
    );
  });

  it('uses zh-CN by default, for any zh locale, and for unknown locales; en for any en locale', () => {
    const missing = error('/applicant/idNumber', 'required');
    for (const locale of [undefined, 'zh', 'zh-Hans-CN', 'zh-TW', 'fr']) {
      assert.equal(formatError(missing, locale, rental), '请输入居民身份证号码', String(locale));
    }
    for (const locale of ['en', 'en-GB', 'EN-us']) {
      assert.equal(formatError(missing, locale, rental), 'Enter the resident ID number', locale);
    }
  });

  it('lets a caller override a message or add a locale', () => {
    const missing = error('/applicant/mobile', 'required');
    const extra = {
      'zh-CN': { required: '{label}不能为空' },
      ug: { required: '{label} نى كىرگۈزۈڭ' },
    };
    assert.equal(formatError(missing, 'zh-CN', rental, extra), '手机号码不能为空');
    assert.equal(formatError(missing, 'ug', rental, extra), '手机号码 نى كىرگۈزۈڭ');
    assert.equal(formatError(error('/x', 'maximum', { max: 3 }), 'ug', undefined, extra), '此项不能大于3');
  });

  it('turns every error of a real validation into a sentence in both locales', () => {
    const data = {
      applicant: {
        name: '王',
        idNumber: idNumber('150302', '19850312', '021').slice(0, 17) + 'Z',
        mobile: '12',
      },
      income: { monthlyPerCapita: -1 },
      currentHousing: 'owned-small',
      ownedArea: 16,
    };
    const { errors } = validateForm(rental, { data, materials: {}, commitmentAccepted: false });
    assert.deepEqual(
      errors.map((e) => formatError(e, 'zh-CN', rental)),
      [
        '姓名至少需要2个字',
        '居民身份证号码应为18位，前17位是数字，最后一位是数字或X',
        '手机号码应为11位数字，如13812345678',
        '请输入现居住地址',
        '家庭人均月收入（元）不能小于0',
        '自有住房面积不能大于15',
        '请上传收入证明',
        '请阅读承诺书，勾选同意后再提交',
      ],
    );
    assert.deepEqual(
      errors.map((e) => formatError(e, 'en', rental)),
      [
        'Full name must be 2 characters or more',
        'Resident ID number must be 18 characters: 17 digits, then a digit or X',
        'Mobile number must be 11 digits, like 13812345678',
        'Enter the current address',
        'Monthly income per person (yuan) must be 0 or more',
        'Area of the home you own must be 15 or less',
        'Upload the proof of income',
        'Read the commitment and tick the box to accept it',
      ],
    );
  });
});

describe('definition messages', () => {
  it('translates a key, falling back to zh-CN and then to the key', () => {
    assert.equal(translate(rental, 'page.housing', 'en'), 'Income and housing');
    assert.equal(translate(rental, 'page.housing', 'en-AU'), 'Income and housing');
    assert.equal(translate(rental, 'page.housing'), '收入与住房情况');
    const partial = { ...rental, messages: { 'zh-CN': rental.messages!['zh-CN']!, en: {} } };
    assert.equal(translate(partial, 'page.housing', 'en'), '收入与住房情况');
    assert.equal(translate(rental, 'page.unknown', 'en'), 'page.unknown');
  });

  it('picks a locale among those available', () => {
    assert.equal(pickLocale('en-GB', ['zh-CN', 'en']), 'en');
    assert.equal(pickLocale('zh-HK', ['zh-CN', 'en']), 'zh-CN');
    assert.equal(pickLocale(undefined, ['zh-CN', 'en']), 'zh-CN');
    assert.equal(pickLocale('ug-CN', ['zh-CN', 'ug']), 'ug');
  });
});
