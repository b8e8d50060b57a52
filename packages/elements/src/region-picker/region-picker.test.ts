import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { BanshiRegionPicker } from './region-picker.js';
import './define.js';
import { allInShadow, shadowText } from '../test-support/helpers.js';

const lists = (el: BanshiRegionPicker) => allInShadow<HTMLSelectElement>(el, 'select');
const loaded = (el: BanshiRegionPicker) => waitUntil(() => lists(el).length > 0, 'the region list loaded');

/** Chooses the option named `name` in the list at `index` once it shows, as a user does. */
async function choose(el: BanshiRegionPicker, index: number, name: string) {
  await waitUntil(() => lists(el).length > index, `list ${index} shown`);
  const select = lists(el)[index]!;
  const option = [...select.options].find((o) => o.textContent!.trim() === name);
  if (!option) throw new Error(`${name} is not offered in list ${index}`);
  select.value = option.value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

describe('<banshi-region-picker>', () => {
  it('offers every province, then the cities and counties of the one chosen', async () => {
    const el = await fixture<BanshiRegionPicker>(
      html`<banshi-region-picker lang="zh-CN"></banshi-region-picker>`,
    );
    await loaded(el);
    expect(lists(el)).to.have.length(1);
    // 31 mainland provinces, Taiwan, Hong Kong and Macao, and the "choose" option.
    expect(lists(el)[0]!.options.length).to.equal(35);
    await choose(el, 0, '新疆维吾尔自治区');
    await choose(el, 1, '乌鲁木齐市');
    const changed = oneEvent(el, 'banshi-region-change');
    await choose(el, 2, '天山区');
    const { detail } = await changed;
    expect(detail).to.deep.equal({
      code: '650102',
      path: ['新疆维吾尔自治区', '乌鲁木齐市', '天山区'],
      complete: true,
    });
    expect(el.value).to.equal('650102');
    await expect(el).to.be.accessible();
    // A level at a time: the provinces, then Xinjiang's cities and counties, never the whole list.
    const fetched = performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.includes('/regions/'));
    expect(fetched).to.deep.equal([
      '/packages/elements/cdn/regions/index.json',
      '/packages/elements/cdn/regions/650000.json',
    ]);
  });

  it('shows a given code at every level, and goes back a level when a list is cleared', async () => {
    const el = await fixture<BanshiRegionPicker>(
      html`<banshi-region-picker lang="zh-CN" value="150302"></banshi-region-picker>`,
    );
    await loaded(el);
    await waitUntil(() => lists(el).length === 3);
    expect(lists(el).map((select) => select.selectedOptions[0]!.textContent!.trim())).to.deep.equal([
      '内蒙古自治区',
      '乌海市',
      '海勃湾区',
    ]);
    expect(el.complete).to.equal(true);
    await choose(el, 2, '请选择');
    expect(el.value).to.equal('150300');
    expect(el.complete).to.equal(false);
  });

  it('reads the region files from regions-url, and says when they cannot be loaded', async () => {
    const el = await fixture<BanshiRegionPicker>(
      html`<banshi-region-picker lang="en" regions-url="/no-such-folder"></banshi-region-picker>`,
    );
    await waitUntil(() => shadowText(el).includes('could not be loaded'), 'the failure shown');
    expect(lists(el)).to.have.length(0);
  });

  it('says when a given code is not in the list, in the page language', async () => {
    const el = await fixture<BanshiRegionPicker>(
      html`<banshi-region-picker lang="en" value="159999"></banshi-region-picker>`,
    );
    await loaded(el);
    expect(shadowText(el)).to.contain('“159999” is not a region code');
    expect(el.complete).to.equal(false);
  });
});
