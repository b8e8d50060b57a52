// <banshi-item-search> against the reference server (started by web-test-runner.config.mjs, reached through
// the page's own origin at /api/v1) and its seed catalogue.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ItemSummary } from '../item-common/types.js';
import {
  allInShadow,
  focusedInShadow,
  injectApiFault,
  inShadow,
  referenceServer,
  REAL_API,
  shadowText,
  UNREACHABLE_API,
} from '../test-support/helpers.js';
import './define.js';
import type { BanshiItemSearch } from './search.js';

const optionTexts = (el: BanshiItemSearch) =>
  allInShadow(el, '[role=option]').map((o) => o.textContent ?? '');
const resultNames = (el: BanshiItemSearch) =>
  allInShadow(el, '[part=result] .name').map((n) => n.textContent!.trim());
const input = (el: BanshiItemSearch) => inShadow<HTMLInputElement>(el, 'input[role=combobox]');

async function search(attrs: { apiBase?: string; lang?: string; elder?: boolean; theme?: string } = {}) {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${attrs.lang ?? 'zh-CN'}>
      <banshi-item-search
        api-base=${attrs.apiBase ?? REAL_API}
        ?elder=${attrs.elder}
        theme=${attrs.theme ?? ''}
      ></banshi-item-search>
    </div>`,
  );
  const el = wrapper.querySelector('banshi-item-search')!;
  await el.updateComplete; // in English, after its strings arrive
  return el;
}

async function type(el: BanshiItemSearch, text: string) {
  input(el).focus();
  await sendKeys({ type: text });
}

async function suggestionsFor(el: BanshiItemSearch, text: string) {
  await type(el, text);
  await waitUntil(() => optionTexts(el).length > 0, `suggestions for ${text}`, { timeout: 5000 });
  return optionTexts(el);
}

describe('<banshi-item-search> with the reference server', () => {
  before(async () => {
    await referenceServer();
  });
  afterEach(() => injectApiFault('none'));

  for (const text of ['身份证', 'shenfenzheng', 'sfz', 'SFZ', 'jumin shenfen']) {
    it(`suggests 居民身份证申领 as “${text}” is typed`, async () => {
      const el = await search();
      const options = await suggestionsFor(el, text);
      expect(options.some((option) => option.includes('居民身份证申领'))).to.equal(true);
      expect(input(el).getAttribute('aria-expanded')).to.equal('true');
    });
  }

  it('is a combobox operated by keyboard alone: arrows, Enter chooses, Escape closes', async () => {
    const el = await search();
    el.itemUrl = '/guide.html?code={code}';
    await suggestionsFor(el, 'gzf');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const box = input(el);
    expect(focusedInShadow(el)).to.equal(box);
    expect(box.getAttribute('aria-activedescendant')).to.equal('option-0');
    expect(inShadow(el, '#option-0').getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(box.getAttribute('aria-expanded')).to.equal('false');
    expect(box.hasAttribute('aria-activedescendant')).to.equal(false);

    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    // The page decides: cancelling the event keeps the test page where it is.
    el.addEventListener('banshi-item-select', (event) => event.preventDefault());
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const { detail } = await oneEvent(el, 'banshi-item-select');
    expect((detail as ItemSummary).name).to.include('公共租赁住房');
    expect(box.getAttribute('aria-expanded')).to.equal('false');
  });

  it('lists results with badges on Enter, and links them through item-url', async () => {
    const el = await search();
    el.itemUrl = '/guide.html?code={code}';
    await type(el, '一件事');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => resultNames(el).length > 0, 'results');
    expect(resultNames(el)).to.include('企业开办“一件事”');
    const result = allInShadow(el, '[part=result]').find((li) => li.textContent!.includes('企业开办'))!;
    const link = result.querySelector('a')!;
    expect(link.getAttribute('href')).to.match(/^\/guide\.html\?code=\w{20,}$/);
    expect(result.querySelector('[part=badges]')!.textContent).to.include('一件事');
    expect(result.querySelector('[part=badges]')!.textContent).to.include('全程网办');
    expect(shadowText(el)).to.include('第 1 页');
  });

  it('filters by 一件事, 跨省通办, online depth and department', async () => {
    const el = await search();
    inShadow<HTMLInputElement>(el, '.check:last-of-type input').click();
    await waitUntil(() => resultNames(el).length > 0, 'bundles listed');
    expect(resultNames(el).sort()).to.deep.equal(['企业开办“一件事”', '新生儿出生“一件事”']);
    inShadow<HTMLInputElement>(el, '.check:last-of-type input').click();

    const cross = allInShadow<HTMLInputElement>(el, '.check input')[0]!;
    cross.click();
    await waitUntil(() => resultNames(el).includes('营业执照变更登记'), 'cross-province items');
    for (const badges of allInShadow(el, '[part=result] [part=badges]'))
      expect(badges.textContent).to.include('跨省通办');
    cross.click();

    await waitUntil(
      () => allInShadow<HTMLSelectElement>(el, 'select')[0]!.options.length > 5,
      'departments loaded',
    );
    const department = allInShadow<HTMLSelectElement>(el, 'select')[0]!;
    const option = Array.from(department.options).find(
      (o) => o.textContent!.trim() === '海勃湾区住房和城乡建设局',
    )!;
    department.value = option.value;
    department.dispatchEvent(new Event('change'));
    await waitUntil(() => el.filters.department === option.value);
    await waitUntil(() => resultNames(el).includes('公共租赁住房申请'), 'department filtered');
    const depth = allInShadow<HTMLSelectElement>(el, 'select')[3]!;
    depth.value = 'I';
    depth.dispatchEvent(new Event('change'));
    await waitUntil(() => shadowText(el).includes('没有找到符合筛选条件的事项'), 'empty');
  });

  it('pages through the results', async () => {
    const el = await search();
    el.pageSize = 5;
    await type(el, 'zhufang');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => resultNames(el).length === 5, 'first page');
    const first = resultNames(el);
    const [previous, next] = allInShadow<HTMLButtonElement>(el, '.pager button');
    expect(previous!.disabled).to.equal(true);
    next!.click();
    await waitUntil(() => shadowText(el).includes('第 2 页'), 'second page');
    expect(resultNames(el)).not.to.include.members(first);
    expect(focusedInShadow(el)?.id).to.equal('results-title');
    allInShadow<HTMLButtonElement>(el, '.pager button')[0]!.click();
    await waitUntil(() => shadowText(el).includes('第 1 页'));
    expect(resultNames(el)).to.deep.equal(first);
  });

  it('says so when nothing matches, keeping what was typed', async () => {
    const el = await search();
    await type(el, 'qqqxxzz');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadowText(el).includes('没有找到与“qqqxxzz”相关的事项'), 'empty state');
    expect(input(el).value).to.equal('qqqxxzz');
  });

  it('shows the latest text only: suggestions of earlier keystrokes never overwrite later ones', async () => {
    const el = await search();
    el.debounce = 0;
    await type(el, 'gongzufang');
    await waitUntil(() => optionTexts(el).length > 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(optionTexts(el).every((text) => text.includes('公共租赁住房') || text.includes('公租'))).to.equal(
      true,
    );
  });

  it('reports a failing server with a retry that works once it is back', async () => {
    const el = await search();
    await injectApiFault('down');
    await type(el, '社保');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadowText(el).includes('搜索服务暂时不可用'), 'error state', { timeout: 8000 });
    expect(allInShadow(el, '[role=alert]')).to.have.length(1);
    await injectApiFault('none');
    inShadow<HTMLButtonElement>(el, '[role=alert] button').click();
    await waitUntil(() => resultNames(el).length > 0, 'results after retry', { timeout: 8000 });
    expect(input(el).value).to.equal('社保');
  });

  it('reports a lost connection as offline', async () => {
    const el = await search({ apiBase: UNREACHABLE_API });
    await type(el, 'sfz');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadowText(el).includes('网络连接已中断'), 'offline state', { timeout: 8000 });
  });

  for (const mode of [
    { name: 'zh-CN' },
    { name: 'en', lang: 'en' },
    { name: 'elder mode', elder: true },
    { name: 'the Baotou theme', theme: 'baotou' },
    { name: 'the Haibowan theme, en, elder', theme: 'haibowan', lang: 'en', elder: true },
  ]) {
    it(`is accessible with suggestions and results in ${mode.name}`, async () => {
      const el = await search(mode);
      await type(el, 'sfz');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => resultNames(el).length > 0, 'results');
      await sendKeys({ press: 'Backspace' });
      await waitUntil(() => optionTexts(el).length > 0, 'suggestions');
      await sendKeys({ press: 'ArrowDown' });
      if (mode.lang === 'en') expect(shadowText(el)).to.include('Search for a service');
      await expect(el).to.be.accessible();
    });
  }
});
