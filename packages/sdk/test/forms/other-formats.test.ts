import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
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
