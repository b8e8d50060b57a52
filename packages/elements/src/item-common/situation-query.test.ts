import { expect } from '@open-wc/testing';
import { fillTemplate, safeHref, situationFromQuery, situationToQuery } from './situation-query.js';
import type { Situation } from './types.js';

const situations: Situation[] = [
  {
    id: 'hukou',
    question: '户籍',
    multiple: false,
    options: [
      { id: 'local', label: '本区' },
      { id: 'nonlocal', label: '外地' },
    ],
  },
  {
    id: 'members',
    question: '成员',
    multiple: true,
    options: [
      { id: 'spouse', label: '配偶' },
      { id: 'child', label: '子女' },
    ],
  },
];

describe('situation answers in a URL', () => {
  it('writes one s.<id>=<option> pair per chosen option and reads them back', () => {
    const answers = { hukou: 'nonlocal', members: ['spouse', 'child'] };
    const query = situationToQuery(answers);
    expect(query).to.equal('s.hukou=nonlocal&s.members=spouse&s.members=child');
    expect(situationFromQuery(`?code=1&${query}`, situations)).to.deep.equal(answers);
    expect(situationToQuery({})).to.equal('');
  });

  it('drops unknown questions and options, and always gives a multiple-choice answer as an array', () => {
    expect(situationFromQuery('?s.hukou=mars&s.other=x&s.members=child', situations)).to.deep.equal({
      members: ['child'],
    });
    expect(situationFromQuery('?s.a=1&s.a=2&s.b=3')).to.deep.equal({ a: ['1', '2'], b: '3' });
  });

  it('reads the same answers from a query, a JSON text or an object, and keeps the last single choice', () => {
    const expected = { hukou: 'local', members: ['child'] };
    expect(situationFromQuery('?s.hukou=nonlocal&s.members=child&s.hukou=local', situations)).to.deep.equal(
      expected,
    );
    expect(situationFromQuery('{"hukou":"local","members":"child"}', situations)).to.deep.equal(expected);
    expect(situationFromQuery({ hukou: 'local', members: ['child', 'pet'] }, situations)).to.deep.equal(
      expected,
    );
    expect(situationFromQuery('{not json', situations)).to.deep.equal({});
  });

  it('fills URL templates with encoded values', () => {
    expect(fillTemplate('/guide.html?code={code}&x={other}', { code: 'a b&c' })).to.equal(
      '/guide.html?code=a%20b%26c&x={other}',
    );
    expect(
      fillTemplate('apply.html?code={code}&{situation}', { code: '1', situation: 's.a=b' }, ['situation']),
    ).to.equal('apply.html?code=1&s.a=b');
  });

  it('keeps only safe link targets', () => {
    for (const url of ['/files/a.pdf', 'https://zwfw.example.gov.cn', 'tel:12345', 'mailto:a@b.cn', 'a.pdf'])
      expect(safeHref(url)).to.equal(url);
    for (const url of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\nscript:alert(1)',
      'data:text/html,x',
      '',
    ])
      expect(safeHref(url)).to.equal(undefined);
  });
});
