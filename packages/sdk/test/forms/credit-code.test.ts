import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  creditCodeCheckChar,
  creditCodeProblem,
  isValidCreditCode,
  organisationCodeCheckChar,
} from '../../src/forms/index.js';
import { creditCode } from './fixtures.js';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('unified social credit codes (GB 32100-2015)', () => {
  it('accepts a published code', () => {
    assert.equal(isValidCreditCode('91350100M000100Y43'), true);
  });

  it('computes the check character from the weighted sum', () => {
    // Σ value × weight = 1640 for 91350100M000100Y4; 31 − (1640 mod 31) = 31 − 28 = 3
    assert.equal(creditCodeCheckChar('91350100M000100Y4'), '3');
  });

  it("writes check value 31 as '0'", () => {
    // 91150202MA0000365: Σ = 1302 = 42 × 31, so 31 − 0 = 31, written '0'
    assert.equal(creditCodeCheckChar('91150202MA0000365'), '0');
    assert.equal(isValidCreditCode('91150202MA00003650'), true);
    assert.equal(creditCodeProblem('91150202MA0000365Y'), 'checkChar');
  });

  it('accepts codes of Baotou and Jinchang organisations', () => {
    for (const code of [creditCode('91150203MA0N2K3L'), creditCode('1262030001392587')]) {
      assert.equal(isValidCreditCode(code), true, code);
    }
  });

  it('accepts lowercase letters as capitals', () => {
    assert.equal(isValidCreditCode('91350100m000100y43'), true);
  });

  it('says what is wrong', () => {
    assert.equal(creditCodeProblem('91350100M000100Y4'), 'length');
    assert.equal(creditCodeProblem('91350100M000100Y433'), 'length');
    assert.equal(creditCodeProblem('91350100M000100I43'), 'format'); // I is not in the alphabet
    assert.equal(creditCodeProblem('9135A100M000100Y43'), 'format'); // the region part is digits
    assert.equal(creditCodeProblem('91350100M000100Y44'), 'checkChar');
  });

  const validCode = fc
    .tuple(
      fc.constantFrom('11', '12', '13', '51', '52', '53', '91', '92', '93', 'Y1'),
      fc.constantFrom('150202', '150203', '150302', '620300'),
      fc.array(fc.constantFrom(...ALPHABET), { minLength: 8, maxLength: 8 }),
    )
    .map(([start, region, organisation]) => creditCode(start + region + organisation.join('')));

  it('accepts every generated code', () => {
    fc.assert(fc.property(validCode, (code) => isValidCreditCode(code)));
  });

  it('rejects any single changed character', () => {
    fc.assert(
      fc.property(validCode, fc.nat(17), fc.nat(ALPHABET.length - 2), (code, position, pick) => {
        const others = ALPHABET.replace(code[position]!, '');
        const changed = code.slice(0, position) + others[pick] + code.slice(position + 1);
        assert.notEqual(changed, code);
        return !isValidCreditCode(changed);
      }),
    );
  });
});

describe('the structure of a credit code (GB 32100-2015 with GB 11714-1997)', () => {
  it('checks the registering authority and the kind it registers', () => {
    assert.equal(creditCodeProblem(creditCode('B1350100M000100Y')), 'authority'); // no authority B
    assert.equal(creditCodeProblem(creditCode('94350100M000100Y')), 'authority'); // 市场监管 has kinds 1–3
    assert.equal(creditCodeProblem(creditCode('Y2350100M000100Y')), 'authority'); // 其他 has kind 1 only
    for (const start of ['11', '12', '13', '19', '31', '35', '51', '53', '92', '93', 'A1', 'N2', 'Y1']) {
      assert.equal(creditCodeProblem(creditCode(start + '350100M000100Y')), undefined, start);
    }
  });

  it('computes the organisation code check character (GB 11714): 10 is X, 11 is 0', () => {
    // M000100Y: 22×3 + 1×5 + 34×2 = 139; 139 mod 11 = 7; 11 − 7 = 4
    assert.equal(organisationCodeCheckChar('M000100Y'), '4');
    // 71526726: Σ = 199, 199 mod 11 = 1, 11 − 1 = 10, written X (Tencent's licence: …71526726X…)
    assert.equal(organisationCodeCheckChar('71526726'), 'X');
    assert.equal(organisationCodeCheckChar('00000000'), '0');
  });

  const wrongInner = fc
    .tuple(
      fc.constantFrom('11', '12', '51', '91', '92', 'Y1'),
      fc.constantFrom('150202', '150302', '620300'),
      fc.array(fc.constantFrom(...ALPHABET), { minLength: 8, maxLength: 8 }),
      fc.constantFrom(...'0123456789X'),
    )
    .filter(([, , body, check]) => organisationCodeCheckChar(body.join('')) !== check)
    .map(([start, region, body, check]) => {
      const first17 = start + region + body.join('') + check;
      return first17 + creditCodeCheckChar(first17);
    });

  it('rejects 400 codes whose final check holds but whose organisation code check does not', () => {
    fc.assert(
      fc.property(wrongInner, (code) => creditCodeProblem(code) === 'organisationCode'),
      { numRuns: 400 },
    );
  });
});
