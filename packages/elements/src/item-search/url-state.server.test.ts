// <banshi-item-search url-state>: the search lives in the page address, survives the back button and
// can be shared; the result count is shown. Against the reference server and its seed catalogue.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { allInShadow, inShadow, referenceServer, REAL_API, shadowText } from '../test-support/helpers.js';
import './define.js';
import type { BanshiItemSearch } from './search.js';
import { readSearchState, writeSearchState } from './url-state.js';

const resultNames = (el: BanshiItemSearch) =>
  allInShadow(el, '[part=result] .name').map((n) => n.textContent!.trim());

async function search(urlState = true): Promise<BanshiItemSearch> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang="zh-CN">
      <banshi-item-search api-base=${REAL_API} ?url-state=${urlState} page-size="2"></banshi-item-search>
    </div>`,
  );
  return wrapper.querySelector('banshi-item-search')!;
}

const popped = () => new Promise((resolve) => addEventListener('popstate', resolve, { once: true }));

describe('<banshi-item-search url-state>', () => {
  const start = location.href;
  before(() => referenceServer());
  afterEach(() => history.replaceState(null, '', start));

  it('reads and writes the text, the filters and the page, keeping the page’s other parameters', () => {
    const href = writeSearchState('https://gov.example/s.html?x=1#top', {
      q: '身份证',
      filters: { theme: 'hukou', onlineDepth: 'IV' },
      page: 3,
    });
    expect(new URL(href).searchParams.get('x')).to.equal('1');
    expect(new URL(href).hash).to.equal('#top');
    expect(readSearchState(new URL(href).search)).to.deep.equal({
      q: '身份证',
      filters: { theme: 'hukou', onlineDepth: 'IV' },
      page: 3,
    });
    expect(readSearchState('?page=-4&bogus=1').page).to.equal(1);
  });

  it('lists the search an address holds, on the page it names, with the count', async () => {
    history.replaceState(null, '', '?q=' + encodeURIComponent('证') + '&page=2');
    const el = await search();
    await waitUntil(() => resultNames(el).length > 0, 'results from the address', { timeout: 8000 });
    expect(inShadow<HTMLInputElement>(el, 'input[role=combobox]').value).to.equal('证');
    expect(shadowText(el)).to.include('第 2 页');
    expect(inShadow(el, '[part=count]').textContent).to.match(/共 \d+ 项|已列出 4 项，还有更多/);
  });

  it('makes each search a history entry that the back button returns to', async () => {
    const el = await search();
    el.q = '身份证';
    await waitUntil(() => new URLSearchParams(location.search).get('q') === '身份证', 'first search in URL');
    const first = resultNames(el);
    el.q = '社保';
    await waitUntil(() => new URLSearchParams(location.search).get('q') === '社保', 'second search in URL');
    await waitUntil(() => resultNames(el).join() !== first.join(), 'second results');
    const back = popped();
    history.back();
    await back;
    await waitUntil(() => resultNames(el).join() === first.join(), 'first results again', { timeout: 8000 });
    expect(inShadow<HTMLInputElement>(el, 'input[role=combobox]').value).to.equal('身份证');
  });

  it('shows how many items were found', async () => {
    const el = await search(false);
    el.pageSize = 50;
    el.q = '身份证';
    await waitUntil(() => resultNames(el).length > 0, 'results');
    expect(inShadow(el, '[part=count]').textContent!.trim()).to.equal(`共 ${resultNames(el).length} 项`);
    expect(location.href).to.equal(start);
  });
});
