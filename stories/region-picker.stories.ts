/**
 * <banshi-region-picker> (省/市/区): the full GB/T 2260 list, loaded when the picker first appears.
 * Language, elder mode and district theme come from the toolbar; no API is needed.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../packages/elements/src/region-picker/define.js';
import type { BanshiRegionPicker } from '../packages/elements/src/region-picker/region-picker.js';
import { shown, widget } from './support/shadow.js';

interface PickerArgs {
  value: string;
  label: string;
}

const meta = {
  title: 'Widgets/Region picker 省市区',
  component: 'banshi-region-picker',
  args: { value: '', label: '' },
  render: (args) =>
    html`<banshi-region-picker value=${args.value} label=${args.label}></banshi-region-picker>`,
} satisfies Meta<PickerArgs>;

export default meta;
type Story = StoryObj<PickerArgs>;

/** Nothing chosen: the provinces only. */
export const Empty: Story = {};

/** A known county: every level shows its choice (海勃湾区, 乌海市, 内蒙古自治区). */
export const County: Story = {
  args: { value: '150302', label: '户籍所在地' },
  play: async ({ canvasElement }) => {
    const el = await widget<BanshiRegionPicker>(canvasElement, 'banshi-region-picker');
    await waitFor(() => expect(el.shadowRoot!.querySelectorAll('select')).toHaveLength(3));
  },
};

/** A code the list does not know (159999): the picker says so. */
export const UnknownCode: Story = {
  args: { value: '159999' },
  play: async ({ canvasElement }) => {
    const el = await widget<BanshiRegionPicker>(canvasElement, 'banshi-region-picker');
    await shown(el, '.notice.error');
  },
};
