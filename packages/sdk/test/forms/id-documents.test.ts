import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { idDocumentProblem, isValidIdCardNumber, isValidIdDocumentNumber } from '../../src/forms/index.js';
import { idNumber } from './fixtures.js';

describe('identity documents and their number patterns', () => {
  it('takes 港澳台居民居住证 as a document of its own: 810000, 820000 or 830000 and GB 11643', () => {
    for (const region of ['810000', '820000', '830000']) {
      const permit = idNumber(region, '19900101', '002');
      assert.equal(idDocumentProblem('hkMacaoTaiwanResidencePermit', permit), undefined, permit);
      // Hong Kong, Macao and Taiwan residents never hold a resident ID card.
      assert.equal(isValidIdCardNumber(permit), false, permit);
    }
    assert.equal(
      idDocumentProblem('hkMacaoTaiwanResidencePermit', idNumber('150302', '19900101', '002')),
      'region',
    );
    assert.equal(
      idDocumentProblem(
        'hkMacaoTaiwanResidencePermit',
        idNumber('810000', '19900101', '002').slice(0, 17) + 'Y',
      ),
      'format',
    );
    const permit = idNumber('820000', '19900101', '002');
    const wrong = permit.slice(0, 17) + (permit[17] === '1' ? '2' : '1');
    assert.equal(idDocumentProblem('hkMacaoTaiwanResidencePermit', wrong), 'checkChar');
  });

  it('checks the 2023 外国人永久居留身份证: 9, province, nationality, birth date, check character', () => {
    const card = idNumber('911840', '19850315', '001'); // issued in Beijing (11) to a US national (840)
    assert.equal(idDocumentProblem('foreignPermanentResidentCard', card), undefined);
    assert.equal(
      idDocumentProblem('foreignPermanentResidentCard', idNumber('111840', '19850315', '001')),
      'format',
    );
    assert.equal(
      idDocumentProblem('foreignPermanentResidentCard', idNumber('999840', '19850315', '001')),
      'region',
    );
    assert.equal(
      idDocumentProblem('foreignPermanentResidentCard', idNumber('911840', '19851315', '001')),
      'birthDate',
    );
    assert.equal(
      idDocumentProblem('foreignPermanentResidentCard', card.slice(0, 17) + (card[17] === '0' ? '1' : '0')),
      'checkChar',
    );
    // The 2017 card (3 letters, 12 digits) stays valid until it expires.
    assert.equal(idDocumentProblem('foreignPermanentResidentCard', 'USA110085031501'), undefined);
  });

  it('gives passports and the 来往内地 / 来往大陆 permits their own patterns', () => {
    assert.equal(isValidIdDocumentNumber('passport', 'E12345678'), true);
    assert.equal(isValidIdDocumentNumber('passport', 'ea1234567'), true); // lowercase read as capitals
    assert.equal(isValidIdDocumentNumber('passport', 'ABCDEFGHI'), false); // no digit
    assert.equal(isValidIdDocumentNumber('passport', 'E12-345678'), false);
    assert.equal(isValidIdDocumentNumber('hkMacaoPermit', 'H12345678'), true);
    assert.equal(isValidIdDocumentNumber('hkMacaoPermit', 'M1234567890'), true);
    assert.equal(isValidIdDocumentNumber('hkMacaoPermit', 'E12345678'), false);
    assert.equal(isValidIdDocumentNumber('hkMacaoPermit', 'H1234567'), false);
    assert.equal(isValidIdDocumentNumber('taiwanPermit', '12345678'), true);
    assert.equal(isValidIdDocumentNumber('taiwanPermit', '1234567890B'), true);
    assert.equal(isValidIdDocumentNumber('taiwanPermit', 'H12345678'), false);
  });

  it('keeps GB 11643 for 居民身份证, with a wrong shape reported as format', () => {
    assert.equal(idDocumentProblem('residentIdCard', '11010519491231002X'), undefined);
    assert.equal(idDocumentProblem('residentIdCard', '1101051949123100'), 'format');
    assert.equal(idDocumentProblem('residentIdCard', '11010519491231002Y'), 'format');
    assert.equal(idDocumentProblem('residentIdCard', '110105194912310021'), 'checkChar');
  });
});
