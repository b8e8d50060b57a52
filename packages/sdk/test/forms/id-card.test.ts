import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  idCardCheckChar,
  idCardProblem,
  isValidIdCardNumber,
  maskIdNumber,
  normalizeIdCardNumber,
  parseIdCard,
} from '../../src/forms/index.js';
import { idNumber } from './fixtures.js';

describe('resident ID numbers (GB 11643-1999)', () => {
  it('accepts the examples printed in the standard', () => {
    assert.equal(isValidIdCardNumber('11010519491231002X'), true);
    assert.equal(isValidIdCardNumber('440524188001010014'), true);
  });

  it('computes the check character from the weighted sum', () => {
    // 1·7+1·9+0·10+1·5+0·8+5·4+1·2+9·1+4·6+9·3+1·7+2·9+3·10+1·5+0·8+0·4+2·2 = 167; 167 mod 11 = 2 → 'X'
    assert.equal(idCardCheckChar('11010519491231002'), 'X');
    assert.equal(idCardCheckChar('44052418800101001'), '4');
  });

  it('accepts numbers from Baotou and Jinchang', () => {
    for (const id of [idNumber('150202', '20100101', '123'), idNumber('620300', '19790615', '002')]) {
      assert.equal(isValidIdCardNumber(id), true, id);
    }
  });

  it('accepts a lowercase x and normalises it to X', () => {
    assert.equal(isValidIdCardNumber('11010519491231002x'), true);
    assert.equal(normalizeIdCardNumber(' 11010519491231002x '), '11010519491231002X');
  });

  it('says what is wrong', () => {
    assert.equal(idCardProblem('1101051949123100'), 'length');
    assert.equal(idCardProblem('1101051949123100211'), 'length');
    assert.equal(idCardProblem('11010519491231002Y'), 'length');
    assert.equal(idCardProblem('X10105194912310021'), 'length');
    assert.equal(idCardProblem(idNumber('990105', '19491231', '002')), 'region');
    assert.equal(idCardProblem(idNumber('150202', '20230229', '002')), 'birthDate');
    assert.equal(idCardProblem(idNumber('150202', '19901301', '002')), 'birthDate');
    assert.equal(idCardProblem(idNumber('150202', '17991231', '002')), 'birthDate');
    assert.equal(idCardProblem('110105194912310021'), 'checkChar');
  });

  it('rejects a birth date after today in China', () => {
    const nextYear = String(new Date().getUTCFullYear() + 1);
    assert.equal(idCardProblem(idNumber('150202', nextYear + '0101', '001')), 'birthDate');
  });

  it('accepts 29 February in a leap year', () => {
    assert.equal(isValidIdCardNumber(idNumber('150302', '20000229', '011')), true);
  });

  it('reads region, birth date and sex', () => {
    assert.deepEqual(parseIdCard('11010519491231002X'), {
      regionCode: '110105',
      birthDate: '1949-12-31',
      sex: 'female',
    });
    assert.equal(parseIdCard(idNumber('150202', '20100101', '123'))?.sex, 'male');
    assert.equal(parseIdCard('110105194912310021'), undefined);
  });

  it('masks all but the first and last four characters', () => {
    assert.equal(maskIdNumber('150202201001011234'), '1502**********1234');
    assert.equal(maskIdNumber('1234567'), '*******');
  });

  const validNumber = fc
    .record({
      region: fc.constantFrom('150202', '150203', '150204', '150207', '150302', '620300', '110105'),
      birth: fc.date({
        min: new Date('1900-01-01T00:00:00Z'),
        max: new Date('2024-12-31T00:00:00Z'),
        noInvalidDate: true,
      }),
      sequence: fc.integer({ min: 0, max: 999 }),
    })
    .map(({ region, birth, sequence }) =>
      idNumber(region, birth.toISOString().slice(0, 10).replace(/-/g, ''), String(sequence).padStart(3, '0')),
    );

  it('accepts every generated number', () => {
    fc.assert(fc.property(validNumber, (id) => isValidIdCardNumber(id)));
  });

  it('rejects any single changed character', () => {
    const alphabet = '0123456789X';
    fc.assert(
      fc.property(validNumber, fc.nat(17), fc.nat(alphabet.length - 2), (id, position, pick) => {
        const others = alphabet.replace(id[position]!, '');
        const changed = id.slice(0, position) + others[pick] + id.slice(position + 1);
        assert.notEqual(changed, id);
        return !isValidIdCardNumber(changed);
      }),
    );
  });
});
