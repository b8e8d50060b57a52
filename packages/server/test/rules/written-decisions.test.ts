import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importItems } from '../../src/items/importer.js';
import { loadLocalRules } from '../../src/local-rules/local-rules.js';
import { submitCase } from '../support/cases.js';
import { exampleForm, exampleItem } from '../support/fixtures.js';
import { createHarness, type Harness } from '../support/harness.js';

describe('不予受理 and 不予许可 as written decisions (行政许可法 §38)', () => {
  let h: Harness;
  const item = exampleItem();

  before(async () => {
    h = await createHarness({
      clock: () => new Date('2026-11-02T02:00:00Z'),
      localRules: {
        decisionNumberFormat: '海住保{kind}〔{year}〕{seq}号',
        reconsiderationBody: '海勃湾区人民政府',
        litigationCourt: '海勃湾区人民法院',
      },
    });
    await importItems(h.database.db, [{ item, form: exampleForm() }]);
  });
  after(() => h.close());

  const move = (caseNumber: string, body: Record<string, unknown>) =>
    h.call('POST', `/api/v1/cases/${caseNumber}/transitions`, { body, headers: h.staff });

  it('gives a 不予许可 its number, its reason and where and how long to challenge it', async () => {
    const { caseNumber } = await submitCase(h, item.code);
    await move(caseNumber, { action: 'accept' });
    const denied = await move(caseNumber, { action: 'deny', reason: '家庭人均月收入超过规定标准。' });
    assert.equal(denied.status, 200, denied.text);
    assert.deepEqual(denied.body.decision, {
      outcome: 'denied',
      decidedAt: '2026-11-02T10:00:00+08:00',
      reason: '家庭人均月收入超过规定标准。',
      documentNumber: '海住保不许〔2026〕1号',
      remedies: {
        reconsideration: { body: '海勃湾区人民政府', days: 60 },
        litigation: { court: '海勃湾区人民法院', months: 6 },
      },
    });
    const shown = await h.call('GET', `/api/v1/cases/${caseNumber}`, { headers: h.staff });
    assert.equal(shown.body.decision.documentNumber, '海住保不许〔2026〕1号');
  });

  it('numbers 不予受理 apart, without gaps or repeats when steps run at once', async () => {
    const cases = await Promise.all(Array.from({ length: 6 }, () => submitCase(h, item.code)));
    const rejected = await Promise.all(
      cases.map(({ caseNumber }) => move(caseNumber, { action: 'reject', reason: '不属于本机关职权范围。' })),
    );
    for (const answer of rejected) assert.equal(answer.status, 200, answer.text);
    const numbers = rejected.map((answer) => answer.body.decision.documentNumber as string).sort();
    assert.deepEqual(numbers, [1, 2, 3, 4, 5, 6].map((n) => `海住保不受〔2026〕${n}号`).sort());
  });

  it('takes no number back from a step that was refused', async () => {
    const { caseNumber } = await submitCase(h, item.code);
    const early = await move(caseNumber, { action: 'deny', reason: '未受理即不予许可。' });
    assert.equal(early.status, 409);
    await move(caseNumber, { action: 'accept' });
    const denied = await move(caseNumber, { action: 'deny', reason: '不符合条件。' });
    assert.equal(denied.body.decision.documentNumber, '海住保不许〔2026〕2号');
  });

  it('refuses a number format without a sequence at start', () => {
    assert.throws(
      () => loadLocalRules({ BANSHI_RULE_DECISION_NUMBER_FORMAT: '海住保〔{year}〕号' }),
      /BANSHI_RULE_DECISION_NUMBER_FORMAT: decisionNumberFormat must contain \{seq\}/,
    );
  });
});
