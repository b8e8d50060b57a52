import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadDemoCatalogue } from '../../src/demo-catalogue/load.js';
import { isValidCreditCode } from '@banshi/sdk/forms';
import { componentValidator, messageKeysUsed, validateDemoCatalogue } from './check.js';
import type { DemoCatalogue } from '../../src/demo-catalogue/types.js';
import { loadDocument } from './document.js';

let catalogue: DemoCatalogue;
let document: Record<string, unknown>;

before(async () => {
  [catalogue, document] = await Promise.all([loadDemoCatalogue(), loadDocument()]);
});

describe('the demo catalogue', () => {
  it('meets the document and its own cross-references', () => {
    assert.deepEqual(validateDemoCatalogue(catalogue, document), []);
  });

  it('has at least 40 items from at least 8 departments', () => {
    assert.ok(catalogue.items.length >= 40, `${catalogue.items.length} items`);
    const departments = new Set(catalogue.items.map((item) => item.department.id));
    assert.ok(departments.size >= 8, `${departments.size} departments`);
  });

  it('has at least 10 online forms, among them a person’s, a company’s and a 一件事 bundle’s', () => {
    assert.ok(catalogue.forms.size >= 10, `${catalogue.forms.size} forms`);
    const withForm = catalogue.items.filter((item) => catalogue.forms.has(item.code));
    assert.ok(withForm.some((item) => item.kind === 'bundle'));
    assert.ok(withForm.some((item) => item.audience.includes('naturalPerson') && item.kind === 'item'));
    const companyForms = withForm.filter((item) =>
      JSON.stringify(catalogue.forms.get(item.code)?.schema).includes('"cn-uscc"'),
    );
    assert.ok(companyForms.length >= 1, 'a form that asks for a credit code');
  });

  it('names every department and implementation code with a credit code that passes GB 32100', () => {
    for (const department of catalogue.departments)
      assert.ok(isValidCreditCode(department.creditCode), department.name);
    for (const item of catalogue.items) assert.ok(isValidCreditCode(item.code.slice(0, 18)), item.name);
  });

  it('has the realistic items of the Baotou and Haibowan service halls', () => {
    const names = catalogue.items.map((item) => item.name).join('\n');
    for (const expected of [
      '居民身份证申领',
      '企业开办',
      '建筑工程施工许可证核发',
      '工业项目施工许可',
      '养老保险待遇',
      '高龄津贴',
      '公共租赁住房申请',
      '医疗费用',
      '新生儿出生',
      '营业执照变更登记',
      '道路货物运输经营许可证换证',
      '食品经营许可',
      '不动产登记',
      '住房公积金提取',
    ]) {
      assert.ok(names.includes(expected), expected);
    }
  });

  it('asks for a guardian and the household register when a child under 16 applies for an ID card', () => {
    const item = catalogue.items.find((i) => i.name === '居民身份证申领');
    assert.ok(item);
    const forMinor = item.materials.filter(
      (m) => m.appliesWhen?.scope === '#situation/age' && m.appliesWhen.schema.const === 'minor',
    );
    assert.ok(forMinor.some((m) => m.name.includes('监护人')));
    assert.ok(item.materials.some((m) => m.name.includes('户口簿') && !m.appliesWhen));
    assert.equal(item.fees[0]?.amount, 2000);
    const form = catalogue.forms.get(item.code);
    assert.ok(
      form?.layout.pages.some(
        (page) => page.id === 'guardian' && page.rule?.condition.scope === '#situation/age',
      ),
    );
  });

  it('has one theme per subject: no two themes share a name or a meaning', () => {
    const names = catalogue.themes.map((theme) => theme.name);
    assert.deepEqual(names, [...new Set(names)], 'a name listed twice');
    // Names a portal gives the same subject; a catalogue holds at most one of each group.
    const sameMeaning = [
      ['交通出行', '交通运输'],
      ['社会保障', '社保公积金', '社会保险'],
      ['住房公积金', '社保公积金'],
      ['不动产登记', '不动产'],
    ];
    for (const group of sameMeaning) {
      const held = names.filter((name) => group.includes(name));
      assert.ok(held.length <= 1, `${held.join(' / ')} mean the same`);
    }
    const ids = new Set(catalogue.themes.map((theme) => theme.id));
    for (const item of catalogue.items)
      for (const theme of item.themes) {
        assert.ok(ids.has(theme.id), `${item.name}: unknown theme ${theme.id}`);
        assert.equal(theme.name, catalogue.themes.find((t) => t.id === theme.id)!.name, item.name);
      }
  });

  it('counts all-online items (IV) with no visit', () => {
    for (const item of catalogue.items.filter((i) => i.onlineDepth === 'IV'))
      assert.equal(item.onSiteVisits.count, 0, item.name);
  });
});

describe('the catalogue checks', () => {
  it('report a form message missing in English', () => {
    const [code, form] = [...catalogue.forms.entries()][0]!;
    const key = [...messageKeysUsed(form).keys()][0]!;
    const broken = structuredClone(form);
    delete (broken.messages as Record<string, Record<string, string>>).en![key];
    const problems = validateDemoCatalogue(
      { ...catalogue, forms: new Map([...catalogue.forms, [code, broken]]) },
      document,
    );
    assert.ok(
      problems.some((p) => p.includes(`'${key}'`) && p.includes('en')),
      problems.join('\n'),
    );
  });

  it('report a form field nobody could fill in because the layout has no control for it', () => {
    const [code, form] = [...catalogue.forms.entries()][0]!;
    const broken = structuredClone(form);
    const page = broken.layout.pages[0]!;
    const removed = page.elements.shift() as { scope: string };
    const problems = validateDemoCatalogue(
      { ...catalogue, forms: new Map([...catalogue.forms, [code, broken]]) },
      document,
    );
    assert.ok(
      problems.some((p) => p.includes(`${removed.scope} has no control`)),
      problems.join('\n'),
    );
  });

  it('report a choice whose value has no label', () => {
    const [code, form] = [...catalogue.forms.entries()].find(([, f]) =>
      JSON.stringify(f.layout).includes('"options"'),
    )!;
    const broken = structuredClone(form);
    const withOptions = (elements: unknown[]): { scope: string; options: unknown[] } | undefined => {
      for (const element of elements as { scope?: string; options?: unknown[]; elements?: unknown[] }[]) {
        if (element.options && element.scope) return element as { scope: string; options: unknown[] };
        const inner = element.elements && withOptions(element.elements);
        if (inner) return inner;
      }
      return undefined;
    };
    const element = broken.layout.pages.map((page) => withOptions(page.elements)).find(Boolean)!;
    element.options.pop();
    const problems = validateDemoCatalogue(
      { ...catalogue, forms: new Map([...catalogue.forms, [code, broken]]) },
      document,
    );
    assert.ok(
      problems.some((p) => p.includes('has no option label')),
      problems.join('\n'),
    );
  });

  it('report a material that depends on a situation the item does not ask about', () => {
    const index = catalogue.items.findIndex((item) => item.formVersion === null && item.materials.length > 0);
    const item = structuredClone(catalogue.items[index]!);
    item.materials[0]!.appliesWhen = { scope: '#situation/nonexistent', schema: { const: 'yes' } };
    const items = catalogue.items.with(index, item);
    const problems = validateDemoCatalogue({ ...catalogue, items }, document);
    assert.ok(
      problems.some((p) => p.includes("unknown situation 'nonexistent'")),
      problems.join('\n'),
    );
  });

  it('report an item that breaks the document’s Item schema', () => {
    const validate = componentValidator(document, 'Item');
    const item = structuredClone(catalogue.items[0]!) as unknown as Record<string, unknown>;
    item.onlineDepth = 'V';
    delete item.fees;
    const errors = validate(item);
    assert.ok(
      errors.some((e) => e.includes('onlineDepth')),
      errors.join('\n'),
    );
    assert.ok(
      errors.some((e) => e.includes('fees')),
      errors.join('\n'),
    );
  });

  it('report a wrong credit-code check character', () => {
    const department = {
      ...catalogue.departments[0]!,
      creditCode:
        catalogue.departments[0]!.creditCode.slice(0, 17) +
        (catalogue.departments[0]!.creditCode.endsWith('0') ? '1' : '0'),
    };
    const problems = validateDemoCatalogue(
      { ...catalogue, departments: [department, ...catalogue.departments.slice(1)] },
      document,
    );
    assert.ok(
      problems.some((p) => p.includes('GB 32100')),
      problems.join('\n'),
    );
  });
});

describe('the 2026 calendar', () => {
  it('gives 2026 its 248 working days once holidays and adjusted weekends are counted', () => {
    const year = catalogue.calendar.find((c) => c.year === 2026);
    assert.ok(year, 'a 2026 calendar');
    const exceptions = new Map(year.days.map((d) => [d.date, d.kind]));
    let working = 0;
    for (
      let day = new Date(Date.UTC(2026, 0, 1));
      day.getUTCFullYear() === 2026;
      day.setUTCDate(day.getUTCDate() + 1)
    ) {
      const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
      const kind = exceptions.get(day.toISOString().slice(0, 10));
      if (kind === 'workday' || (!weekend && kind !== 'holiday')) working++;
    }
    assert.equal(working, 248);
    assert.equal(exceptions.get('2026-02-14'), 'workday', 'Saturday before 春节 is worked');
    assert.equal(exceptions.get('2026-10-07'), 'holiday', 'last day of 国庆节');
  });
});

describe('the sample applications', () => {
  it('fill in every online form as the forms engine accepts it, with real-looking ID numbers', async () => {
    const { validateForm } = await import('@banshi/sdk/forms');
    const regionCodes = new Set(catalogue.regions.map((r) => r.code));
    assert.equal(catalogue.applications.length, catalogue.forms.size);
    for (const application of catalogue.applications) {
      const form = catalogue.forms.get(application.itemCode);
      assert.ok(form, application.itemCode);
      const uploads = Object.fromEntries(
        application.materials.flatMap((m) => (m.provision === 'upload' ? [[m.materialId, m.uploadIds]] : [])),
      );
      const verdict = validateForm(
        form as Parameters<typeof validateForm>[0],
        {
          data: application.formData as Parameters<typeof validateForm>[1]['data'],
          situation: application.situationAnswers,
          materials: uploads,
          commitmentAccepted: application.commitmentAccepted,
        },
        { regionCodes },
      );
      assert.deepEqual(verdict.errors, [], form.id);
      const deferred = application.materials
        .filter((m) => m.provision === 'deferred')
        .map((m) => m.materialId);
      assert.deepEqual(verdict.deferredMaterials.map((m) => m.id).sort(), deferred.sort(), form.id);
    }
  });

  it('are refused by the forms engine when an ID number has a wrong check character', async () => {
    const { validateForm } = await import('@banshi/sdk/forms');
    const application = catalogue.applications.find((a) => JSON.stringify(a.formData).includes('idNumber'))!;
    const form = catalogue.forms.get(application.itemCode)!;
    const data = structuredClone(application.formData) as {
      applicant?: { idNumber: string };
      [key: string]: unknown;
    };
    const holder = (data.applicant ??
      Object.values(data).find((v) => v && typeof v === 'object' && 'idNumber' in v)) as { idNumber: string };
    holder.idNumber = holder.idNumber.slice(0, 17) + (holder.idNumber.endsWith('1') ? '2' : '1');
    const verdict = validateForm(form as Parameters<typeof validateForm>[0], {
      data: data as Parameters<typeof validateForm>[1]['data'],
      situation: application.situationAnswers,
    });
    assert.ok(
      verdict.errors.some((e) => e.pointer.endsWith('/idNumber')),
      JSON.stringify(verdict.errors),
    );
  });
});

describe('the document the demo catalogue is checked against', () => {
  it('resolves every $ref of the schemas the demo catalogue uses', () => {
    const schemas = (document.components as { schemas: Record<string, unknown> }).schemas;
    const seen = new Set<string>();
    const visit = (name: string) => {
      if (seen.has(name)) return;
      seen.add(name);
      assert.ok(schemas[name], `components.schemas.${name} exists`);
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) node.forEach(walk);
        else if (node && typeof node === 'object') {
          for (const [key, value] of Object.entries(node)) {
            if (key === '$ref' && typeof value === 'string')
              visit(value.replace('#/components/schemas/', ''));
            else if (key !== 'example' && key !== 'examples') walk(value);
          }
        }
      };
      walk(schemas[name]);
    };
    for (const name of [
      'Item',
      'FormDefinition',
      'Department',
      'Theme',
      'Region',
      'Calendar',
      'CaseCreate',
      'EvaluationCreate',
    ])
      visit(name);
    assert.ok(seen.size > 40, `${seen.size} schemas reached`);
  });
});
