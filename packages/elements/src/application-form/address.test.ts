import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { FormDefinition } from '@banshi/sdk/forms';
import type { BanshiApplicationForm } from './application-form.js';
import './define.js';
import { deleteDraft } from './drafts.js';
import { allInShadow, inShadow, shadowText, UNREACHABLE_API } from '../test-support/helpers.js';
import { heading, next, nextFails, type } from './test-helpers.js';

/** A one-page form that asks for a home address as a region and a street (an `address` on an object). */
const definition: FormDefinition = {
  id: 'address-test',
  version: '1.0.0',
  situations: [],
  schema: {
    type: 'object',
    required: ['home'],
    properties: {
      home: {
        type: 'object',
        required: ['regionCode', 'street'],
        additionalProperties: false,
        properties: {
          regionCode: { type: 'string', format: 'cn-region-code' },
          regionNames: { type: 'array', maxItems: 3, items: { type: 'string', maxLength: 50 } },
          street: { type: 'string', minLength: 2, maxLength: 120 },
        },
      },
    },
  },
  layout: {
    pages: [
      {
        id: 'home',
        title: 'page.home',
        elements: [{ scope: '/home', label: 'field.home', widget: 'address' }],
      },
    ],
  },
  materials: [],
  messages: {
    'zh-CN': { 'page.home': '住址', 'field.home': '现居住地址' },
    en: { 'page.home': 'Address', 'field.home': 'Home address' },
  },
};

async function openForm(
  lang = 'zh-CN',
  elder = false,
  keepDraft = false,
  width?: number,
): Promise<BanshiApplicationForm> {
  if (!keepDraft) await deleteDraft('address-test');
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${lang} style=${width ? `width: ${width}px` : ''}>
      <banshi-application-form
        api-base=${UNREACHABLE_API}
        item-code="address-test"
        ?elder=${elder}
        .definition=${definition}
      ></banshi-application-form>
    </div>`,
  );
  const el = wrapper.querySelector('banshi-application-form')!;
  await waitUntil(() => el.shadowRoot?.querySelector('[part=continue]'), 'form shown');
  return el;
}

const picker = (el: BanshiApplicationForm) => el.shadowRoot!.querySelector('banshi-region-picker');
const lists = (el: BanshiApplicationForm): HTMLSelectElement[] => {
  const found = picker(el);
  return found ? allInShadow<HTMLSelectElement>(found, 'select') : [];
};

/** Chooses `name` in the picker's list at `index` once it shows, as a mouse user does. */
async function choose(el: BanshiApplicationForm, index: number, name: string): Promise<void> {
  await waitUntil(() => lists(el).length > index, `region list ${index}`, { timeout: 5000 });
  const list = lists(el)[index]!;
  const option = [...list.options].find((o) => o.textContent!.trim() === name);
  if (!option) throw new Error(`${name} is not offered in list ${index}`);
  list.value = option.value;
  list.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  const stored = () => (el.data.home as { regionCode?: string } | undefined)?.regionCode;
  await waitUntil(() => stored() === option.value, 'the choice stored', { timeout: 5000 });
  await el.updateComplete;
}

describe('<banshi-application-form> addresses', () => {
  it('asks for 省/市/区 then the street, names the missing level, and keeps code, names and street', async () => {
    const el = await openForm();
    expect(await nextFails(el)).to.deep.equal([
      '请选择现居住地址所在的省（自治区、直辖市）',
      '请填写现居住地址的街道、门牌号',
    ]);
    await choose(el, 0, '内蒙古自治区');
    expect(await nextFails(el)).to.deep.equal([
      '请选择现居住地址所在的市（地区、州、盟）',
      '请填写现居住地址的街道、门牌号',
    ]);
    await choose(el, 1, '乌海市');
    await type(el, '/home/street', '新华街道滨河社区12号楼');
    expect(await nextFails(el)).to.deep.equal(['请选择现居住地址所在的县（市、区、旗）']);
    await choose(el, 2, '海勃湾区');
    expect(await next(el)).to.equal('review');
    expect(el.data.home).to.deep.equal({
      regionCode: '150302',
      regionNames: ['内蒙古自治区', '乌海市', '海勃湾区'],
      street: '新华街道滨河社区12号楼',
    });
    expect(shadowText(el)).to.contain('内蒙古自治区 乌海市 海勃湾区 新华街道滨河社区12号楼');
  });

  it('is filled in with the keyboard alone, from the error summary on', async () => {
    const el = await openForm('en');
    await nextFails(el);
    // The summary's first link leads into the picker's first list.
    inShadow<HTMLAnchorElement>(el, '[part=error-summary] a').click();
    await waitUntil(() => picker(el)?.shadowRoot!.activeElement === lists(el)[0], 'province list focused');
    // 北京, 天津, 河北, 山西, then 内蒙古.
    for (let i = 0; i < 5; i++) await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => lists(el).length === 2, 'the cities of Inner Mongolia', { timeout: 5000 });
    await sendKeys({ press: 'Tab' });
    // 呼和浩特, 包头, then 乌海.
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => lists(el).length === 3, 'the counties of Wuhai', { timeout: 5000 });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '黄河东街29号' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => heading(el) !== 'Address', 'the review');
    expect((el.data.home as { regionCode: string }).regionCode).to.equal('150302');
    expect(shadowText(el)).to.contain('内蒙古自治区 乌海市 海勃湾区 黄河东街29号');
  });

  it('keeps the address in the draft, and shows it again at every level', async () => {
    const first = await openForm();
    await choose(first, 0, '内蒙古自治区');
    await choose(first, 1, '乌海市');
    await choose(first, 2, '海勃湾区');
    await type(first, '/home/street', '新华街道滨河社区12号楼');
    expect(await next(first)).to.equal('review');
    const el = await openForm('zh-CN', false, true);
    await waitUntil(() => shadowText(el).includes('已为您恢复'), 'the draft resumed');
    inShadow<HTMLButtonElement>(el, '[part=back]').click();
    await waitUntil(() => lists(el).length === 3, 'the three levels', { timeout: 5000 });
    expect(lists(el).map((list) => list.selectedOptions[0]!.textContent!.trim())).to.deep.equal([
      '内蒙古自治区',
      '乌海市',
      '海勃湾区',
    ]);
    expect(inShadow<HTMLInputElement>(el, '#f\\/home\\/street').value).to.equal('新华街道滨河社区12号楼');
  });

  for (const elder of [false, true]) {
    it(`fits a 320 px column${elder ? ' in elder mode' : ''} and is accessible with its errors`, async () => {
      const el = await openForm('zh-CN', elder, false, 320);
      await choose(el, 0, '内蒙古自治区');
      await nextFails(el);
      const root = el.shadowRoot!.querySelector('[part=base]')!;
      expect(root.scrollWidth).to.be.at.most(root.clientWidth);
      const left = el.parentElement!.getBoundingClientRect().left;
      for (const list of lists(el)) expect(list.getBoundingClientRect().right - left).to.be.at.most(320);
      await expect(el).to.be.accessible();
    });
  }
});
