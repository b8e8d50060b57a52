import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { creditCodeCheckChar, creditCodeProblem, isValidCreditCode } from '../../src/forms/index.js';
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
    // 91150202MA0000017: Σ = 1178 = 38 × 31, so 31 − 0 = 31, written '0'
    assert.equal(creditCodeCheckChar('91150202MA0000017'), '0');
    assert.equal(isValidCreditCode('91150202MA00000170'), true);
    assert.equal(creditCodeProblem('91150202MA0000017Y'), 'checkChar');
  });

  it('accepts codes of Baotou and Jinchang organisations', () => {
    for (const code of [creditCode('91150203MA0N2K3L1'), creditCode('12620300013925872')]) {
      assert.equal(isValidCreditCode(code), true, code);
    }
  });

  it('accepts lowercase letters as capitals', () => {
    assert.equal(isValidCreditCode('91350100m000100y43'), true);
  });

  it('says what is wrong', () => {
    assert.equal(creditCodeProblem('91350100M000100Y4'), 'length');
    assert.equal(creditCodeProblem('91350100M000100Y433'), 'length');
    assert.equal(creditCodeProblem('91350100M000100I43'), 'length'); // I is not in the alphabet
    assert.equal(creditCodeProblem('9135A100M000100Y43'), 'length'); // the region part is digits
    assert.equal(creditCodeProblem('91350100M000100Y44'), 'checkChar');
  });

  const validCode = fc
    .tuple(
      fc.constantFrom(...'159Y'),
      fc.constantFrom(...'123'),
      fc.constantFrom('150202', '150203', '150302', '620300'),
      fc.array(fc.constantFrom(...ALPHABET), { minLength: 9, maxLength: 9 }),
    )
    .map(([authority, kind, region, organisation]) =>
      creditCode(authority + kind + region + organisation.join('')),
    );

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
