/**
 * Traditional Mongolian (`mn-Mong-CN`, 内蒙古's sites): the rating and the guide in the Mongolian script,
 * written top to bottom (`writing-mode: vertical-lr`), in the system's Mongolian font. Any story shows it
 * with the toolbar's language set to ᠮᠣᠩᠭᠣᠯ; these pin it.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../packages/elements/src/rating/define.js';
import '../packages/elements/src/item-guide/define.js';
import { seedItems } from './mocks/index.js';
import { widget } from './support/shadow.js';

const meta = {
  title: 'Languages/Traditional Mongolian ᠮᠣᠩᠭᠣᠯ',
  id: 'languages-mongolian',
  globals: { locale: 'mn-Mong-CN' },
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** `<banshi-rating>` in Mongolian: levels, comment and identity, laid out in vertical lines. */
export const Rating: Story = {
  render: () => html`<banshi-rating item-code=${seedItems.publicRentalHousing.code}></banshi-rating>`,
  play: async ({ canvasElement }) => {
    const rating = await widget(canvasElement, 'banshi-rating');
    await waitFor(() => expect(rating.shadowRoot?.textContent).toContain('ᠰᠡᠳᠬᠢᠯ'));
    await expect(getComputedStyle(rating).writingMode).toBe('vertical-lr');
  },
};

/** `<banshi-item-guide>` in Mongolian: the headings, badges and labels are Mongolian; the item's texts are
 * the catalogue's (Chinese) until the server has a Mongolian translation of it. */
export const Guide: Story = {
  render: () => html`<banshi-item-guide item-code=${seedItems.publicRentalHousing.code}></banshi-item-guide>`,
  play: async ({ canvasElement }) => {
    const guide = await widget(canvasElement, 'banshi-item-guide');
    await waitFor(() => expect(guide.shadowRoot?.textContent).toContain('ᠮᠠᠲᠡᠷᠢᠶᠠᠯ'));
    await expect(getComputedStyle(guide).writingMode).toBe('vertical-lr');
  },
};
