// The guide's wording as a resident reads it: 免提交 materials say so and why, and English lists use
// English punctuation.
import { expect, fixture, html } from '@open-wc/testing';
import type { Item } from '../item-common/types.js';
import { inShadow, shadowText } from '../test-support/helpers.js';
import './define.js';
import { loadConditions, type BanshiItemGuide } from './guide.js';

const newborn = async (): Promise<Item> =>
  (await (await fetch('/packages/server/demo-catalogue/items/150302-newborn.json')).json()) as Item;

async function guide(item: Item, lang: string): Promise<BanshiItemGuide> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${lang}><banshi-item-guide .item=${item}></banshi-item-guide></div>`,
  );
  const el = wrapper.querySelector('banshi-item-guide')!;
  await loadConditions();
  await el.updateComplete;
  return el;
}

const facts = (el: BanshiItemGuide, id: string) =>
  inShadow(el, `[data-material="${id}"] .hint`).textContent!.trim();

describe('<banshi-item-guide> wording', () => {
  it('says 免提交 and why for a material with no original and no copy', async () => {
    const el = await guide(await newborn(), 'zh-CN');
    expect(facts(el, 'parents-id')).to.include('免提交：窗口从电子证照库调取');
    expect(facts(el, 'paternity-proof')).to.include('原件 1 份，复印件 0 份');
    expect(shadowText(el)).not.to.include('原件 0 份，复印件 0 份');
  });

  it('says so in English too', async () => {
    const el = await guide(await newborn(), 'en');
    expect(facts(el, 'parents-id')).to.include('Nothing to hand in');
    expect(shadowText(el)).not.to.include('0 original(s), 0 copy/copies');
  });

  it('lists with English punctuation in English and with 、 in Chinese', async () => {
    const en = await guide(await newborn(), 'en');
    expect(shadowText(en)).to.include('At a window, ');
    expect(shadowText(en)).not.to.match(/[a-z]、/i);
    const zh = await guide(await newborn(), 'zh-CN');
    expect(shadowText(zh)).to.match(/窗口办理、/);
  });
});
