/**
 * <banshi-rating> (我要评): every state of the three modes. Language, elder mode and district theme come
 * from the toolbar (see .storybook/banshi-context.ts); the API is mocked (stories/mocks/evaluations.ts).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import '../packages/elements/src/rating/define.js';
import type { BanshiRating, RatingMode } from '../packages/elements/src/rating/rating.js';
import { kioskQueue } from '../packages/elements/src/rating/kiosk-queue.js';
import { evaluationHandlers, mockCases, seedItems } from './mocks/index.js';
import { signedIn } from './mocks/identity.js';
import { click, fill, inside, shown, widget, withValue } from './support/shadow.js';
import { embedDocs } from './support/embed-docs.js';

interface RatingArgs {
  mode: RatingMode;
  /** The case's own applicant rates (their case in 我的办件). */
  applicantKnown?: boolean;
  caseNumber?: string;
  queryCode?: string;
  itemCode?: string;
  department?: string;
  windowId?: string;
  staffId?: string;
  deviceId?: string;
  idleSeconds?: number;
}

const rentalHousing = seedItems.publicRentalHousing;

const meta = {
  title: 'Widgets/Rating 我要评',
  id: 'widgets-rating',
  component: 'banshi-rating',
  parameters: {
    docs: embedDocs(
      'banshi-rating',
      'item-code="1115030201183506284200603001000" window-id="hbw-a12"',
      '好差评：对一件办件评价（一事一评），在大厅窗口的评价器上评价（kiosk），或公示评价结果（summary）。',
    ),
  },
  args: {
    mode: 'inline',
    caseNumber: mockCases.concludedNotRated.number,
    queryCode: mockCases.concludedNotRated.queryCode,
  },
  argTypes: {
    mode: { control: 'inline-radio', options: ['inline', 'kiosk', 'summary'] },
  },
  render: (args) =>
    html`<banshi-rating
      mode=${args.mode}
      case-number=${args.caseNumber || nothing}
      ?applicant-known=${args.applicantKnown ?? false}
      .queryCode=${args.queryCode ?? ''}
      item-code=${args.itemCode || nothing}
      department=${args.department || nothing}
      window-id=${args.windowId || nothing}
      staff-id=${args.staffId || nothing}
      device-id=${args.deviceId || nothing}
      idle-seconds=${ifDefined(args.idleSeconds)}
    ></banshi-rating>`,
} satisfies Meta<RatingArgs>;

export default meta;
type Story = StoryObj<RatingArgs>;

/** The rating element of the story, rendered. */
const rating = (canvasElement: HTMLElement) => widget<BanshiRating>(canvasElement, 'banshi-rating');

// ——— inline: a case rated online (一事一评) ———

/** What a resident sees after their case is concluded: five levels, a comment, anonymous or real name. */
export const Initial: Story = {};

/** Choosing 不满意 or 非常不满意 reveals the required reasons and the optional follow-up questions. */
export const BadLevelWithReasons: Story = {
  play: async ({ canvasElement }) => {
    const el = await rating(canvasElement);
    await click(el, withValue(el, 'input[name=level]', 'dissatisfied'));
    await expect(inside(el, '#reasons')).toBeVisible();
  },
};

/** Sending with a bad level but no reason, and a real name with a too-short name and a wrong mobile. */
export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => {
    const el = await rating(canvasElement);
    await click(el, withValue(el, 'input[name=level]', 'veryDissatisfied'));
    await click(el, 'input[name=identity]:not(:checked)');
    await fill(el, '#name', '张');
    await fill(el, '#mobile', '139 1234');
    await click(el, 'button[type=submit]');
    const summary = await shown(el, '#errors');
    await expect(summary.querySelectorAll('li')).toHaveLength(3);
    await expect(el.shadowRoot!.activeElement).toBe(summary);
  },
};

/** A comment that looks like it holds a mobile number and an address: the widget asks before sending. */
export const SensitiveDataWarning: Story = {
  play: async ({ canvasElement }) => {
    const el = await rating(canvasElement);
    await click(el, withValue(el, 'input[name=level]', 'satisfied'));
    await fill(el, '#comment', '工作人员很耐心。有问题可以打我电话 13947312345，我住海勃湾区海北大街6号。');
    await click(el, 'button[type=submit]');
    await shown(el, '#sensitive');
  },
};

/** The rating is on its way; the server has not answered (the mock never does). */
export const Sending: Story = {
  parameters: { msw: { handlers: { evaluations: evaluationHandlers.neverAnswers } } },
  play: async ({ canvasElement }) => {
    const el = await rating(canvasElement);
    await click(el, withValue(el, 'input[name=level]', 'verySatisfied'));
    await click(el, 'button[type=submit]');
    // The checks that run before sending load on the first submit.
    await waitFor(() => expect(inside<HTMLButtonElement>(el, 'button[type=submit]')).toBeDisabled());
  },
};

/** The server recorded the rating (201). */
export const Thanks: Story = {
  play: async ({ canvasElement }) => {
    const el = await rating(canvasElement);
    await click(el, withValue(el, 'input[name=level]', 'verySatisfied'));
    await click(el, 'button[type=submit]');
    await shown(el, '#outcome');
  },
};

/** The case was rated before: its rating and date instead of an empty form, and a follow-up (追评) offered. */
export const AlreadyRated: Story = {
  args: { caseNumber: mockCases.alreadyRated.number, queryCode: mockCases.alreadyRated.queryCode },
  play: async ({ canvasElement }) => {
    await shown(await rating(canvasElement), '#follow-up');
  },
};

/** The follow-up (追评) chosen from the rated view: the form again, titled 追加评价. */
export const FollowUpForm: Story = {
  args: AlreadyRated.args,
  play: async ({ canvasElement }) => {
    const el = await rating(canvasElement);
    await click(el, await shown(el, '#follow-up'));
    await shown(el, 'input[name=level]');
  },
};

/** A bad review the office appealed: its explanation, and the reviewing body's decision with the reason. */
export const AppealDecided: Story = {
  args: { caseNumber: mockCases.appealDecided.number, queryCode: mockCases.appealDecided.queryCode },
  play: async ({ canvasElement }) => {
    await shown(await rating(canvasElement), '.appeal');
  },
};

/** The period for a follow-up is over: no 追评 button, and a sentence that says why. */
export const FollowUpClosed: Story = {
  args: { caseNumber: mockCases.followUpClosed.number, queryCode: mockCases.followUpClosed.queryCode },
  play: async ({ canvasElement }) => {
    await shown(await rating(canvasElement), '#follow-up-closed');
  },
};

/** The appeal's decision in elder mode, in English. */
export const AppealDecidedElderEnglish: Story = {
  args: AppealDecided.args,
  globals: { elder: 'on', locale: 'en' },
  play: AppealDecided.play,
};

/** The server is down for maintenance (503): the reason is shown and the button offers to send again. */
export const ErrorWithRetry: Story = {
  parameters: { msw: { handlers: { evaluations: evaluationHandlers.unavailable } } },
  play: async ({ canvasElement }) => {
    const el = await rating(canvasElement);
    await click(el, withValue(el, 'input[name=level]', 'basicallySatisfied'));
    await click(el, 'button[type=submit]');
    await shown(el, '.notice[role=alert]');
  },
};

/** A visit to a hall window rated on the spot (一次一评) from the window's QR code: item and window, no case. */
export const WindowVisit: Story = {
  args: {
    caseNumber: '',
    queryCode: '',
    itemCode: rentalHousing.code,
    windowId: rentalHousing.windows[0]!.id,
    staffId: 'HBW-0312',
  },
};

/** 我要评 opened on its own, with neither a case nor a window: which service, and at which window. */
export const ChooseService: Story = {
  args: { caseNumber: '', queryCode: '' },
  play: async ({ canvasElement }) => {
    await shown(await rating(canvasElement), '#service');
  },
};

/** Sent without choosing the service: the error summary asks for it; nothing is sent without a window. */
export const ChooseServiceError: Story = {
  args: ChooseService.args,
  play: async ({ canvasElement }) => {
    const el = await rating(canvasElement);
    await shown(el, '#service');
    await click(el, withValue(el, 'input[name=level]', 'satisfied'));
    await click(el, 'button[type=submit]');
    await shown(el, '#service-error');
  },
};

/** A bad review in elder mode on the Haibowan site, whatever the toolbar says. */
export const ElderHaibowan: Story = {
  globals: { elder: 'on', theme: 'haibowan', locale: 'zh-CN' },
  play: BadLevelWithReasons.play,
};

// ——— kiosk: the rating device at a hall window (评价器) ———

const kioskArgs = {
  mode: 'kiosk',
  caseNumber: '',
  queryCode: '',
  itemCode: rentalHousing.code,
  windowId: rentalHousing.windows[0]!.id,
  staffId: 'HBW-0312',
  deviceId: 'hbw-pad-a12',
} satisfies RatingArgs;

/** Empties the device's queue, then puts `waiting` ratings in it as if given while the network was down. */
function kioskQueueWith(waiting: number) {
  return async () => {
    for (const entry of await kioskQueue.all()) await kioskQueue.remove(entry.key);
    for (let n = 0; n < waiting; n += 1) {
      const ratedAt = new Date(Date.now() - (waiting - n) * 240_000).toISOString();
      await kioskQueue.add({
        key: `story-queued-${n}-${ratedAt}`,
        queuedAt: ratedAt,
        body: {
          target: { kind: 'onSite', itemCode: kioskArgs.itemCode, windowId: kioskArgs.windowId },
          level: n % 2 ? 'satisfied' : 'verySatisfied',
          channel: 'hallTablet',
          anonymous: true,
          ratedAt,
          deviceId: kioskArgs.deviceId,
        },
      });
    }
    return {};
  };
}

/** The tablet waiting for the next person: elder-size choices, no identity fields. */
export const KioskIdle: Story = {
  args: kioskArgs,
  loaders: [kioskQueueWith(0)],
};

/**
 * The hall's network is down: two earlier ratings wait on the device and a third is kept with them.
 * They are delivered, each once, when the network is back.
 */
export const KioskOfflineQueue: Story = {
  args: kioskArgs,
  loaders: [kioskQueueWith(2)],
  parameters: { msw: { handlers: { evaluations: evaluationHandlers.networkDown } } },
  play: async ({ canvasElement }) => {
    const el = await rating(canvasElement);
    await click(el, withValue(el, 'input[name=level]', 'verySatisfied'));
    await click(el, 'button[type=submit]');
    await shown(el, '#outcome');
    await expect(await shown(el, '.waiting')).toHaveTextContent(/3/);
  },
};

// ——— summary: the published figures (好差评数据) ———

/** Satisfaction rate and counts per level for one item. */
export const Summary: Story = {
  args: { mode: 'summary', caseNumber: '', queryCode: '', itemCode: rentalHousing.code },
  play: async ({ canvasElement }) => {
    await shown(await rating(canvasElement), 'table');
  },
};

/** A department's figures. */
export const SummaryOfDepartment: Story = {
  args: { mode: 'summary', caseNumber: '', queryCode: '', department: rentalHousing.department.id },
  play: Summary.play,
};

/** The figures could not be loaded; the widget offers to try again. */
export const SummaryUnavailable: Story = {
  args: { mode: 'summary', caseNumber: '', queryCode: '', itemCode: rentalHousing.code },
  parameters: { msw: { handlers: { evaluations: evaluationHandlers.unavailable } } },
  play: async ({ canvasElement }) => {
    await shown(await rating(canvasElement), '.notice[role=alert]');
  },
};

// ——— signed in at 统一身份认证 ———

/** The applicant rating their own case: real name by default, their name and mobile from the case. */
export const RealNameFromCase: Story = {
  args: { applicantKnown: true },
  parameters: signedIn,
  play: async ({ canvasElement }) => {
    await shown(await rating(canvasElement), '[part=rater-from-case]');
  },
};

/** Their case rated and thanked: nothing typed, the rating is real-name. */
export const RealNameFromCaseThanks: Story = {
  args: { applicantKnown: true },
  parameters: signedIn,
  play: async ({ canvasElement }) => {
    const el = await rating(canvasElement);
    await click(el, 'input[name=level][value=satisfied]');
    await click(el, '[part=submit]');
    await shown(el, '#outcome');
  },
};
