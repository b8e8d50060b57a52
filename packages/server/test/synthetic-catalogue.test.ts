import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { isValidCreditCode } from '@banshi/sdk/forms';
import {
  generateEvaluations,
  type GeneratedEvaluation,
} from '../../../bench/synthetic/generate-evaluations.js';
import { generatedItemCapacity, generateItems } from '../../../bench/synthetic/generate-items.js';
import { loadDemoCatalogue } from '../src/demo-catalogue/load.js';
import type { Item } from '../src/demo-catalogue/types.js';
import { componentValidator } from './demo-catalogue/check.js';
import { loadDocument } from './demo-catalogue/document.js';

let document: Record<string, unknown>;
let items: Item[];

before(async () => {
  document = await loadDocument();
  items = [...generateItems(45_800, 1)];
});

describe('generateItems', () => {
  it('scales the catalogue to 45,800 items with unique codes that pass the credit-code check', () => {
    assert.equal(items.length, 45_800);
    assert.equal(new Set(items.map((item) => item.code)).size, 45_800);
    for (const item of items)
      assert.ok(isValidCreditCode(item.department.creditCode ?? ''), item.department.name);
  });

  it('never reuses a code of the hand-written catalogue', async () => {
    const seeded = new Set((await loadDemoCatalogue()).items.map((item) => item.code));
    assert.ok(items.every((item) => !seeded.has(item.code)));
  });

  it('gives the same items for the same seed and another order for another seed', () => {
    const again = [...generateItems(500, 1)];
    assert.deepEqual(again, items.slice(0, 500));
    const other = [...generateItems(500, 2)].map((item) => item.code);
    assert.notDeepEqual(
      other,
      again.map((item) => item.code),
    );
  });

  it('spreads items over every district and level with varied names', () => {
    const regions = new Set(items.map((item) => item.regionCode));
    for (const code of ['150200', '150202', '150203', '150204', '150207', '150300', '150302', '620300'])
      assert.ok(regions.has(code), code);
    assert.deepEqual(
      new Set(items.map((item) => item.level)),
      new Set(['city', 'county', 'township', 'village']),
    );
    assert.ok(new Set(items.map((item) => item.name)).size > 1500);
    assert.ok(new Set(items.map((item) => item.department.id)).size > 500);
  });

  it('gives common items the everyday names people search for', () => {
    const moving = items.find((item) => item.name.startsWith('户口迁移'));
    assert.ok(moving?.aliases.includes('迁户口'));
    assert.ok(items.filter((item) => item.aliases.length > 0).length > 1000);
  });

  it('produces items that satisfy the document’s Item schema', () => {
    const validate = componentValidator(document, 'Item');
    for (let i = 0; i < items.length; i += 97) assert.deepEqual(validate(items[i]), [], items[i]!.name);
  });

  it('keeps its guides consistent: all-online items need no visit, conditions name asked situations', () => {
    for (const item of items) {
      if (item.onlineDepth === 'IV') assert.equal(item.onSiteVisits.count, 0);
      for (const material of item.materials) {
        if (material.appliesWhen)
          assert.ok(item.situations.some((s) => `#situation/${s.id}` === material.appliesWhen!.scope));
      }
    }
  });

  it('refuses more items than it can make distinct', () => {
    assert.throws(() => [...generateItems(generatedItemCapacity() + 1, 1)], RangeError);
  });
});

describe('generateEvaluations', () => {
  let evaluations: GeneratedEvaluation[];
  const until = new Date('2026-11-23T00:00:00+08:00');

  before(() => {
    evaluations = [...generateEvaluations(170_000, 1, items, { until })];
  });

  it('yields 170,000 ratings with a satisfaction rate just above 99%', () => {
    assert.equal(evaluations.length, 170_000);
    const bad = evaluations.filter(
      (e) => e.body.level === 'dissatisfied' || e.body.level === 'veryDissatisfied',
    );
    const rate = 1 - bad.length / evaluations.length;
    assert.ok(rate > 0.99 && rate < 0.999, `satisfaction ${rate}`);
    for (const e of bad) assert.ok((e.body.reasons ?? []).length >= 1);
  });

  it('produces bodies the document accepts as EvaluationCreate', () => {
    const validate = componentValidator(document, 'EvaluationCreate');
    for (let i = 0; i < evaluations.length; i += 83) assert.deepEqual(validate(evaluations[i]!.body), []);
    const bad = evaluations.filter((e) => e.body.reasons).slice(0, 300);
    for (const e of bad) assert.deepEqual(validate(e.body), []);
  });

  it('spreads ratings over the two years before the end date', () => {
    const times = evaluations.map((e) => Date.parse(e.createdAt));
    const first = times.reduce((a, b) => Math.min(a, b));
    const last = times.reduce((a, b) => Math.max(a, b));
    assert.ok(last < until.getTime());
    assert.ok(first >= until.getTime() - 730 * 86_400_000);
    assert.ok(last - first > 700 * 86_400_000);
  });

  it('rates on-site visits at a window of the rated item and online cases once each', () => {
    const byCode = new Map(items.map((item) => [item.code, item]));
    const cases = new Set<string>();
    for (const e of evaluations) {
      const item = byCode.get(e.itemCode);
      assert.ok(item);
      const { target } = e.body;
      if (target.kind === 'onSite') assert.ok(item.windows.some((w) => w.id === e.windowId));
      else {
        assert.ok(target.kind === 'case', 'a generated rating is given on site or of a case');
        assert.ok(!cases.has(target.caseNumber));
        cases.add(target.caseNumber);
      }
    }
    assert.ok(cases.size > 0 && cases.size < evaluations.length);
  });

  it('is deterministic', () => {
    assert.deepEqual([...generateEvaluations(50, 1, items, { until })], evaluations.slice(0, 50));
  });
});
