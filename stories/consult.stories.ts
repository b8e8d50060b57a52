/**
 * <banshi-consult> (我要问): existing answers shown while typing, the question sent with its number and
 * query code, and the answer read with them; 我的咨询 for a signed-in person, and a file refused before it is
 * uploaded. The API is mocked (stories/mocks/consultations.ts).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import '../packages/elements/src/consult/define.js';
import type { BanshiConsult } from '../packages/elements/src/consult/consult.js';
import { click, fill, inside, shown, widget } from './support/shadow.js';
import { signedIn } from './mocks/identity.js';

interface ConsultArgs {
  itemCode: string;
}

const meta = {
  title: 'Widgets/Consult 我要问',
  id: 'widgets-consult',
  component: 'banshi-consult',
  args: { itemCode: '11150302MB154687214000105012000' },
  render: (args) => html`<banshi-consult item-code=${args.itemCode}></banshi-consult>`,
} satisfies Meta<ConsultArgs>;

export default meta;
type Story = StoryObj<ConsultArgs>;

const consult = (canvasElement: HTMLElement) => widget<BanshiConsult>(canvasElement, 'banshi-consult');

/** The empty form: the question, the optional mobile, and reading an answer by number and code. */
export const AskForm: Story = {
  play: async ({ canvasElement }) => {
    const el = await consult(canvasElement);
    await shown(el, '#question');
  },
};

/** Typing shows the item's FAQ that may already answer it. */
export const Suggestions: Story = {
  play: async ({ canvasElement }) => {
    const el = await consult(canvasElement);
    await fill(el, '#question', '非本区户籍');
    await shown(el, 'details');
  },
};

/** Sent: the question number and query code, shown once. */
export const Asked: Story = {
  play: async ({ canvasElement }) => {
    const el = await consult(canvasElement);
    await fill(el, '#question', '非本区户籍在本区工作三年，可以申请公租房吗？');
    await click(el, '[part=submit]');
    const code = await shown(el, '.code');
    await expect(code.textContent).toContain('ZX2612070K3P9Q');
  },
};

/** The answer read with number and code, with the follow-up and the five levels of rating. */
export const Answered: Story = {
  play: async ({ canvasElement }) => {
    const el = await consult(canvasElement);
    await fill(el, '#number', 'ZX2612070K3P9Q');
    await fill(el, '#code', '7K3P9QWD');
    await click(el, 'form:last-of-type button');
    await shown(el, 'input[name=level]');
  },
};

/** Signed in: 我的咨询 lists the person's questions with where each stands, one of them overdue. */
export const MyQuestions: Story = {
  parameters: signedIn,
  play: async ({ canvasElement, globals }) => {
    const el = await consult(canvasElement);
    const list = await shown(el, '.mine');
    await expect(list.textContent).toContain(globals.locale === 'en' ? 'Overdue' : '已超期');
  },
};

/** A file of a type the hall does not take is refused at once, before anything is uploaded. */
export const AttachmentRefused: Story = {
  play: async ({ canvasElement }) => {
    const el = await consult(canvasElement);
    await shown(el, '#attachment');
    const input = inside<HTMLInputElement>(el, '#attachment');
    const transfer = new DataTransfer();
    transfer.items.add(new File(['GIF89a'], '照片.gif', { type: 'image/gif' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    const status = await shown(el, '#attachment-status');
    await expect(status.textContent).toContain('照片.gif');
  },
};
