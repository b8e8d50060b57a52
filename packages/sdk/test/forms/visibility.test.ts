import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pruneData, resolveForm, type ResolvedElement, type ResolvedPage } from '../../src/forms/index.js';
import { loadDefinition } from './fixtures.js';

const rental = loadDefinition('public-rental-housing');
const company = loadDefinition('business-licence-change');
const newborn = loadDefinition('newborn-bundle');

const pageIds = (pages: ResolvedPage[]) => pages.map((page) => page.id);
const scopes = (elements: ResolvedElement[]): string[] =>
  elements.flatMap((element) => ('scope' in element ? [element.scope] : scopes(element.elements)));
const materialIds = (materials: { id: string }[]) => materials.map((material) => material.id);

describe('resolveForm: pages', () => {
  it('shows the family members page only when applying as a family', () => {
    assert.deepEqual(pageIds(resolveForm(rental, { situation: { household: 'single' } }).pages), [
      'applicant',
      'housing',
    ]);
    assert.deepEqual(pageIds(resolveForm(rental, { situation: { household: 'family' } }).pages), [
      'applicant',
      'members',
      'housing',
    ]);
  });

  it('keeps a SHOW page hidden until its question is answered', () => {
    assert.deepEqual(pageIds(resolveForm(rental, {}).pages), ['applicant', 'housing']);
  });

  it('shows the pages of the services chosen in a bundle (multiple answers)', () => {
    const form = resolveForm(newborn, { situation: { services: ['insurance', 'ssCard'] } });
    assert.deepEqual(pageIds(form.pages), ['baby', 'parents', 'insurance']);
    assert.ok(form.hidden.has('/hukou/regionCode'));
  });

  it('shows a page by an answer in the data', () => {
    const situation = { services: ['hukou'] };
    assert.deepEqual(
      pageIds(resolveForm(newborn, { situation, data: { hukou: { followParent: 'mother' } } }).pages),
      ['baby', 'parents', 'hukou'],
    );
    assert.deepEqual(
      pageIds(resolveForm(newborn, { situation, data: { hukou: { followParent: 'father' } } }).pages),
      ['baby', 'parents', 'hukou', 'delivery'],
    );
  });

  it('ignores answers left on a hidden page when judging other rules', () => {
    // The delivery page depends on /hukou/followParent, which sits on the hukou page.
    const form = resolveForm(newborn, {
      situation: { services: [] },
      data: { hukou: { followParent: 'father' } },
    });
    assert.deepEqual(pageIds(form.pages), ['baby', 'parents']);
    assert.ok(form.hidden.has('/postalCode'));
  });
});

describe('resolveForm: fields and sections', () => {
  it('shows a field by an answer in the data', () => {
    const housing = (currentHousing: string) =>
      scopes(
        resolveForm(rental, { data: { currentHousing } }).pages.find((page) => page.id === 'housing')!
          .elements,
      );
    assert.ok(!housing('rented').includes('/ownedArea'));
    assert.ok(housing('owned-small').includes('/ownedArea'));
  });

  it('shows a section by a situation answer, and hides all its fields otherwise', () => {
    const asAgent = resolveForm(company, { situation: { applicantRole: 'agent' } });
    const people = asAgent.pages.find((page) => page.id === 'people')!;
    assert.deepEqual(
      people.elements.map((element) => ('title' in element ? element.title : '')),
      ['section.legalRep', 'section.agent'],
    );
    const byRepresentative = resolveForm(company, { situation: { applicantRole: 'legalRep' } });
    assert.deepEqual(
      [...byRepresentative.hidden].filter((p) => p.startsWith('/agent')),
      ['/agent/name', '/agent/idNumber', '/agent/mobile'],
    );
  });

  it('hides a section with a HIDE rule', () => {
    const parents = (parentsMarried: string) =>
      scopes(
        resolveForm(newborn, { situation: { parentsMarried } }).pages.find((page) => page.id === 'parents')!
          .elements,
      );
    assert.ok(parents('yes').includes('/father/idNumber'));
    assert.ok(!parents('no').includes('/father/idNumber'));
  });

  it('disables a field with a DISABLE rule but keeps it visible', () => {
    const address = (sameAddressAsParent: boolean) => {
      const form = resolveForm(newborn, {
        situation: { services: ['hukou'] },
        data: { hukou: { sameAddressAsParent } },
      });
      return form.pages
        .find((page) => page.id === 'hukou')!
        .elements.find((e) => 'scope' in e && e.scope === '/hukou/address');
    };
    assert.equal(address(true)?.enabled, false);
    assert.equal(address(false)?.enabled, true);
  });

  it('lists visible fields in layout order', () => {
    const form = resolveForm(rental, {
      situation: { household: 'family' },
      data: { currentHousing: 'owned-small' },
    });
    assert.deepEqual(
      [...form.visible],
      [
        '/applicant/name',
        '/applicant/idNumber',
        '/applicant/mobile',
        '/applicant/address',
        '/applicant/workUnit',
        '/members',
        '/income/monthlyPerCapita',
        '/currentHousing',
        '/ownedArea',
      ],
    );
  });
});

describe('resolveForm: materials', () => {
  it('lists the materials that apply to the situation', () => {
    assert.deepEqual(
      materialIds(resolveForm(rental, { situation: { hukou: 'local', household: 'single' } }).materials),
      ['hukou-book', 'income-proof', 'labour-contract'],
    );
    assert.deepEqual(
      materialIds(
        resolveForm(rental, { situation: { hukou: 'nonlocal', household: 'family', disability: 'yes' } })
          .materials,
      ),
      ['hukou-book', 'residence-permit', 'marriage', 'income-proof', 'disability-card', 'labour-contract'],
    );
  });

  it('keeps necessity and the days allowed for a deferrable material', () => {
    const contract = resolveForm(rental, {}).materials.find((material) => material.id === 'labour-contract');
    assert.equal(contract?.necessity, 'deferrable');
    assert.equal(contract?.deferDays, 10);
  });

  it('lists materials that depend on the data', () => {
    const situation = { applicantRole: 'legalRep', changes: ['address'] };
    assert.ok(!materialIds(resolveForm(company, { situation }).materials).includes('premises-proof'));
    const form = resolveForm(company, { situation, data: { newAddress: '昆都仑区钢铁大街 66 号' } });
    assert.ok(materialIds(form.materials).includes('premises-proof'));
  });

  it('lists materials for multiple answers', () => {
    const ids = (changes: string[]) =>
      materialIds(resolveForm(company, { situation: { changes } }).materials);
    assert.ok(ids(['name']).includes('shareholder-resolution'));
    assert.ok(!ids(['address']).includes('shareholder-resolution'));
  });
});

describe('pruneData', () => {
  it('drops hidden values without changing the input', () => {
    const data = { currentHousing: 'rented', ownedArea: 30, applicant: { name: '王芳', workUnit: '包钢' } };
    const copy = structuredClone(data);
    const pruned = pruneData(data, ['/ownedArea', '/applicant/workUnit']);
    assert.deepEqual(pruned, { currentHousing: 'rented', applicant: { name: '王芳' } });
    assert.deepEqual(data, copy);
  });

  it('drops blank strings, which are unanswered questions', () => {
    assert.deepEqual(pruneData({ applicant: { name: '  ', address: '' }, members: [{ name: '' }] }, []), {
      applicant: {},
      members: [{}],
    });
  });

  it('drops unanswered (undefined) values, which the validator could not judge', () => {
    assert.deepEqual(
      pruneData({ applicant: { name: undefined, mobile: '13847212345' }, tags: ['a', undefined] }, []),
      {
        applicant: { mobile: '13847212345' },
        tags: ['a', null],
      },
    );
  });

  it('keeps a "__proto__" key of posted JSON as plain data', () => {
    const pruned = pruneData(
      JSON.parse('{"__proto__": {"admin": true}, "name": "王芳"}') as Record<string, unknown>,
      [],
    );
    assert.equal(Object.getPrototypeOf(pruned), Object.prototype);
    assert.deepEqual(Object.keys(pruned), ['__proto__', 'name']);
    assert.equal((pruned as { admin?: boolean }).admin, undefined);
  });

  it('drops an entry of an array by index', () => {
    assert.deepEqual(pruneData({ members: [{ name: 'a' }, { name: 'b' }] }, ['/members/0']), {
      members: [{ name: 'b' }],
    });
  });
});
