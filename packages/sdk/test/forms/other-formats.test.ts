import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CHINESE_FORMATS,
  chineseFormat,
  isValidMobile,
  isValidPostalCode,
  isValidRegionCode,
  normalizeMobile,
  PROVINCE_CODES,
} from '../../src/forms/index.js';

describe('mobile numbers', () => {
  it('accepts 11 digits starting 13 to 19', () => {
    for (const mobile of ['13812345678', '15004721234', '19912345678'])
      assert.equal(isValidMobile(mobile), true);
  });
  it('ignores +86, 0086, spaces and dashes', () => {
    assert.equal(isValidMobile('+86 138-1234-5678'), true);
    assert.equal(isValidMobile('0086 13812345678'), true);
    assert.equal(normalizeMobile('+86 138 1234 5678'), '13812345678');
  });
  it('removes a bare 86 only in front of a whole mobile number', () => {
    assert.equal(normalizeMobile('8613812345678'), '13812345678');
    assert.equal(normalizeMobile('86-138-1234-5678'), '13812345678');
    assert.equal(isValidMobile('86 13812345678'), true);
    // 86… that is itself 11 digits stays as typed, and is not a mobile number.
    assert.equal(normalizeMobile('86138123456'), '86138123456');
    assert.equal(isValidMobile('86138123456'), false);
  });
  it('rejects landlines, short numbers and prefixes 10–12', () => {
    for (const mobile of ['04725123456', '1381234567', '138123456789', '12812345678', '1381234567a']) {
      assert.equal(isValidMobile(mobile), false, mobile);
    }
  });
});

describe('postal codes', () => {
  it('accepts six digits only', () => {
    assert.equal(isValidPostalCode('014000'), true);
    assert.equal(isValidPostalCode('01400'), false);
    assert.equal(isValidPostalCode('0140001'), false);
    assert.equal(isValidPostalCode('O14000'), false);
  });
});

describe('region codes', () => {
  it('knows 34 province-level divisions', () => {
    assert.equal(new Set(PROVINCE_CODES).size, 34);
  });
  it('without a list, checks six digits under a province', () => {
    assert.equal(isValidRegionCode('150202'), true);
    assert.equal(isValidRegionCode('620300'), true);
    assert.equal(isValidRegionCode('990000'), false);
    assert.equal(isValidRegionCode('15020'), false);
  });
  it('with a list, accepts only listed codes', () => {
    const known = new Set(['150202', '150203', '150302']);
    assert.equal(isValidRegionCode('150202', known), true);
    assert.equal(isValidRegionCode('150299', known), false);
  });
});

describe('the table of Chinese formats', () => {
  it('normalises, checks and finds each format the same way as its own module', () => {
    assert.equal(CHINESE_FORMATS['cn-mobile'].normalize('+86 138-1234-5678'), '13812345678');
    assert.equal(CHINESE_FORMATS['cn-id-card'].normalize(' 11010519491231002x '), '11010519491231002X');
    assert.equal(CHINESE_FORMATS['cn-uscc'].normalize('91150302ma0q3k8c0n'), '91150302MA0Q3K8C0N');
    assert.equal(chineseFormat('cn-id-card')?.problem?.('110105194912310021'), 'checkChar');
    assert.equal(chineseFormat('cn-region-code')?.isValid('150302'), true);
    assert.equal(chineseFormat('cn-region-code')?.isValid('150302', new Set(['150300'])), false);
    assert.equal(chineseFormat('email'), undefined);
    assert.equal(chineseFormat('toString'), undefined);
  });
  it('finds mobile and ID numbers inside free text, with the prefixes people write', () => {
    const mobile = CHINESE_FORMATS['cn-mobile'].inText;
    for (const text of [
      '电话13812345678',
      '请打 +86 138-1234-5678',
      '0086 13812345678 找我',
      '86 138 1234 5678',
    ])
      assert.ok(mobile.test(text), text);
    for (const text of ['订单号 213812345678', '工号1381234567'])
      assert.equal(mobile.test(text), false, text);
    const id = CHINESE_FORMATS['cn-id-card'].inText;
    assert.ok(id.test('身份证 11010519491231002x 丢了'));
    assert.equal(id.test('流水号 1101051949123100211'), false);
  });
});
