/**
 * <banshi-application-form> addresses: an `address` field on an object (高龄津贴认证's 现居住地址) asks for
 * 省/市/区 from the full region list, then the street. The form downloads the region picker only because
 * this form has such a field; the regions come from /regions/ (the build's files).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../packages/elements/src/application-form/define.js';
import type { BanshiApplicationForm } from '../packages/elements/src/application-form/application-form.js';
import { deleteDraft } from '../packages/elements/src/application-form/drafts.js';
import { click, fill, inside, shown, widget } from './support/shadow.js';

/** 高龄津贴资格认证 of 海勃湾区, served with its form by the default mocks. */
const SENIOR_ALLOWANCE = '1115030201183319854200901003000';

const meta = {
  title: 'Widgets/Application form 我要办/Addresses',
  component: 'banshi-application-form',
  loaders: [async () => ({ cleared: await deleteDraft(SENIOR_ALLOWANCE) })],
  render: () =>
    html`<banshi-application-form
      item-code=${SENIOR_ALLOWANCE}
      situation="s.applicant-role=self"
    ></banshi-application-form>`,
} satisfies Meta;

export default meta;
type Story = StoryObj;

const lists = (el: BanshiApplicationForm): HTMLSelectElement[] => [
  ...(el.shadowRoot!.querySelector('banshi-region-picker')?.shadowRoot?.querySelectorAll('select') ?? []),
];

/** Chooses `name` in the picker's list at `index` once it shows. */
async function choose(el: BanshiApplicationForm, index: number, name: string): Promise<void> {
  await waitFor(() => expect(lists(el).length).toBeGreaterThan(index), { timeout: 5000 });
  const list = lists(el)[index]!;
  list.value = [...list.options].find((option) => option.textContent!.trim() === name)!.value;
  list.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** To the page with the address, past the situation question. */
async function toAddress(el: BanshiApplicationForm): Promise<void> {
  await shown(el, '[part=continue]');
  await click(el, '[part=continue]');
  await shown(el, 'banshi-region-picker');
}

/** The address field: 所在地区 (省, then 市, then 县 as each is chosen), then 详细地址. */
export const Address: Story = {
  play: async ({ canvasElement }) => toAddress(await widget(canvasElement, 'banshi-application-form')),
};

/**
 * Only the province chosen and no street: the summary names the level still to choose and the street;
 * each link leads to its list or box.
 */
export const MissingLevel: Story = {
  play: async ({ canvasElement, globals }) => {
    const el = await widget<BanshiApplicationForm>(canvasElement, 'banshi-application-form');
    await toAddress(el);
    await choose(el, 0, '内蒙古自治区');
    await waitFor(() => expect(lists(el)).toHaveLength(2), { timeout: 5000 });
    await click(el, '[part=continue]');
    await waitFor(() =>
      expect(inside(el, '[part=error-summary]').textContent).toContain(
        globals.locale === 'en' ? 'Choose the city or prefecture of' : '请选择现居住地址所在的市',
      ),
    );
  },
};

/** 内蒙古自治区 乌海市 海勃湾区, then the street: the review reads the address back in full. */
export const Complete: Story = {
  play: async ({ canvasElement }) => {
    const el = await widget<BanshiApplicationForm>(canvasElement, 'banshi-application-form');
    await toAddress(el);
    const levels = ['内蒙古自治区', '乌海市', '海勃湾区'];
    for (const [index, name] of levels.entries()) await choose(el, index, name);
    await fill(el, '#f\\/senior\\/address\\/street', '滨河街道湖东社区8号楼1单元101室');
    await waitFor(() => expect(lists(el).map((list) => list.selectedOptions[0]!.text)).toEqual(levels));
  },
};
