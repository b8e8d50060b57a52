import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  creditCodeCheckChar,
  isValidCreditCode,
  isValidIdCardNumber,
  organisationCodeCheckChar,
} from '@banshi/sdk/forms';
import { buildCreditCode, buildIdNumber } from '../../src/demo-catalogue/codes.js';

describe('统一社会信用代码 (GB 32100)', () => {
  it('accepts published codes of real companies', () => {
    // Tencent (Shenzhen) and Alibaba (China): codes printed on their business licences.
    assert.ok(isValidCreditCode('9144030071526726XG'));
    assert.ok(isValidCreditCode('91330100799655058B'));
  });

  it('rejects a code whose check character was mistyped, and letters the standard leaves out', () => {
    assert.equal(isValidCreditCode('9144030071526726XH'), false);
    assert.equal(isValidCreditCode('9144030071526726XI'), false);
    assert.equal(isValidCreditCode('9144030071526726X'), false);
  });

  it('maps a remainder of 0 to the check character 0', () => {
    // A body whose weighted sum is divisible by 31 must get '0' (31 − 0 = 31 wraps to 0).
    const bodies = Array.from({ length: 100 }, (_, i) => `11150302MB1A00${String(i).padStart(2, '0')}`).map(
      (first16) => first16 + organisationCodeCheckChar(first16.slice(8)),
    );
    const body = bodies.find((candidate) => creditCodeCheckChar(candidate) === '0');
    assert.ok(body, 'one of 100 consecutive bodies has remainder 0');
    assert.ok(isValidCreditCode(`${body}0`));
    assert.equal(isValidCreditCode(`${body}1`), false);
  });

  it('builds codes for government organs that pass the check', () => {
    const code = buildCreditCode('1', '1', '150302', '01183506');
    assert.match(code, /^11150302/);
    assert.ok(isValidCreditCode(code));
  });
});

describe('居民身份证号码 (GB 11643)', () => {
  it('accepts the standard’s own example and an X check character', () => {
    assert.ok(isValidIdCardNumber('11010519491231002X'));
    assert.ok(isValidIdCardNumber(buildIdNumber('150302', '20150301', '123')));
  });

  it('rejects a wrong check character and an impossible birth date', () => {
    assert.equal(isValidIdCardNumber('110105194912310021'), false);
    assert.equal(isValidIdCardNumber(buildIdNumber('150302', '20150230', '123')), false);
  });
});
