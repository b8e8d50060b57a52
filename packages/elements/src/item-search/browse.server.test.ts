// <banshi-item-search mode="browse"> against the reference server and its demo catalogue: browsing by
// audience and theme, and 热门事项, without typing.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { allInShadow, referenceServer, REAL_API } from '../test-support/helpers.js';
import './define.js';
import type { BanshiItemSearch } from './search.js';

const buttons = (el: BanshiItemSearch, selector: string) =>
  allInShadow<HTMLButtonElement>(el, selector).map((b) => b.textContent!.trim());

describe('<banshi-item-search mode="browse">', () => {
  before(async () => {
    await referenceServer();
  });

  it('offers 个人办事 themes and 热门事项, and lists a theme’s items with a click', async () => {
    const el = await fixture<BanshiItemSearch>(
      html`<banshi-item-search api-base=${REAL_API} mode="browse" region="150302"></banshi-item-search>`,
    );
    await waitUntil(() => buttons(el, '.themes button').length > 0, 'themes shown', { timeout: 8000 });
    const themes = buttons(el, '.themes button');
    expect(themes).to.include('住房保障');
    expect(themes).not.to.include('设立变更');
    await waitUntil(() => allInShadow(el, '.popular a').length > 0, '热门事项 shown', { timeout: 8000 });
    allInShadow<HTMLButtonElement>(el, '.themes button')
      .find((b) => b.textContent!.trim() === '住房保障')!
      .click();
    await waitUntil(
      () => allInShadow(el, '[part=result] .name').some((n) => n.textContent!.includes('公共租赁住房申请')),
      '住房保障 items listed',
      { timeout: 8000 },
    );
    allInShadow<HTMLButtonElement>(el, '.audiences button')
      .find((b) => b.textContent!.trim() === '法人办事')!
      .click();
    await waitUntil(() => buttons(el, '.themes button').includes('设立变更'), '法人 themes', {
      timeout: 8000,
    });
  });

  it('loads nothing of browsing without the mode', async () => {
    const el = await fixture<BanshiItemSearch>(
      html`<banshi-item-search api-base=${REAL_API}></banshi-item-search>`,
    );
    await el.updateComplete;
    expect(allInShadow(el, '.browse').length).to.equal(0);
  });
});
