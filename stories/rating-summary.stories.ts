/**
 * <banshi-rating-summary> (好差评公示): loading, a department's figures (满意率, 整改率, 实名差评回访率)
 * with the 红黑榜 posted, figures without lists, nothing rated, and a failure. The API is mocked
 * (stories/mocks/rating-figures.ts).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import '../packages/elements/src/rating-summary/define.js';
import type { BanshiRatingSummary } from '../packages/elements/src/rating-summary/rating-summary.js';
import { ratingFigureHandlers } from './mocks/index.js';
import { shown, widget } from './support/shadow.js';

interface SummaryArgs {
  department: string;
  from: string;
  elder: boolean;
}

const meta = {
  title: 'Widgets/Rating summary 好差评公示',
  id: 'widgets-rating-summary',
  component: 'banshi-rating-summary',
  args: { department: '150302-zjj', from: '2026-01-01', elder: false },
  render: (args) =>
    html`<banshi-rating-summary
      department=${args.department}
      from=${args.from}
      ?elder=${args.elder}
    ></banshi-rating-summary>`,
} satisfies Meta<SummaryArgs>;

export default meta;
type Story = StoryObj<SummaryArgs>;

const summary = (canvasElement: HTMLElement) =>
  widget<BanshiRatingSummary>(canvasElement, 'banshi-rating-summary');

/** The figures are on their way. */
export const Loading: Story = {
  parameters: { msw: { handlers: { ratingFigures: ratingFigureHandlers.loading } } },
  play: async ({ canvasElement }) => {
    await shown(await summary(canvasElement), '[role=status]');
  },
};

/** The department's figures, no 红黑榜 posted at the moment. */
export const Figures: Story = {
  parameters: { msw: { handlers: { ratingFigures: ratingFigureHandlers.noLists } } },
  play: async ({ canvasElement }) => {
    const el = await summary(canvasElement);
    // The toolbar's language decides the words: the callback figure is named in either.
    await expect(await shown(el, '.figures')).toHaveTextContent(
      /实名差评回访率|Real-name bad reviews called back/,
    );
  },
};

/** The figures and the 红黑榜 posted: red and black lists of departments and windows. */
export const Lists: Story = {
  play: async ({ canvasElement }) => {
    const el = await summary(canvasElement);
    await shown(el, '.ranking');
    await expect(el.shadowRoot!.querySelectorAll('table')).toHaveLength(8);
  },
};

/** The lists in elder mode: larger text and targets. */
export const ListsElder: Story = { args: { elder: true }, play: Lists.play };

/** Nothing rated in the period, no list posted. */
export const Empty: Story = {
  parameters: { msw: { handlers: { ratingFigures: ratingFigureHandlers.empty } } },
  play: async ({ canvasElement }) => {
    await shown(await summary(canvasElement), '.empty');
  },
};

/** The figures could not be read; the widget offers to try again. */
export const Failed: Story = {
  name: 'Error',
  parameters: { msw: { handlers: { ratingFigures: ratingFigureHandlers.unavailable } } },
  play: async ({ canvasElement }) => {
    await shown(await summary(canvasElement), '[role=alert]');
  },
};
