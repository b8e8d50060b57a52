/**
 * <banshi-case-tracker> (我要查): the lookup form and its answers, and a case in every state. Language,
 * elder mode and district theme come from the toolbar (see .storybook/banshi-context.ts); a few stories pin
 * them. Cases in a given state are handed to the widget as `caseData` (as a page that has the case already
 * would); the lookup stories answer through the mocked API below.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { http, type HttpHandler } from 'msw';
import { expect, waitFor } from 'storybook/test';
import '../packages/elements/src/case-tracker/define.js';
import '../packages/elements/src/rating/define.js';
import type { BanshiCaseTracker } from '../packages/elements/src/case-tracker/case-tracker.js';
import { sampleCases, sampleTimeline } from '../packages/elements/src/case-tracker/sample-cases.js';
import type { TrackedCase } from '../packages/elements/src/case-tracker/types.js';
import { API, json, problem } from './mocks/index.js';
import { isSignedIn, signedIn } from './mocks/identity.js';
import { click, fill, shown, widget } from './support/shadow.js';
import { embedDocs } from './support/embed-docs.js';

type Sample = keyof typeof sampleCases;

interface TrackerArgs {
  /** A case handed over as `caseData`; none shows the lookup form. */
  sample?: Sample;
  caseNumber?: string;
}

const NUMBER = sampleCases.accepted.caseNumber;
const CODE = '7K3P9QWD';

/** The mocked server knows one case, in the state `found`, behind the query code {@link CODE}. */
function caseHandlers(found: TrackedCase): HttpHandler[] {
  let current = found;
  const known = (request: Request, number: unknown) =>
    number === current.caseNumber && request.headers.get('x-query-code') === CODE;
  const lookupFailed = (request: Request) =>
    problem(request, {
      status: 404,
      code: 'case_lookup_failed',
      title: { 'zh-CN': '办件编号或查询密码不正确', en: 'The case number or query code is wrong' },
    });
  return [
    http.get(`${API}/cases/:number/timeline`, ({ request, params }) =>
      known(request, params.number)
        ? json(request, { items: sampleTimeline, nextCursor: null })
        : lookupFailed(request),
    ),
    http.get(`${API}/cases/:number`, ({ request, params }) =>
      known(request, params.number) ? json(request, current) : lookupFailed(request),
    ),
    http.post(`${API}/uploads`, ({ request }) =>
      json(
        request,
        {
          id: 'up_01JDC7R2T4V6X8Z0B2D4F6H8J0',
          name: '收入证明.pdf',
          size: 48213,
          mediaType: 'application/pdf',
          contentCheck: { status: 'passed', checkedAt: '2026-11-24T10:00:00+08:00' },
          createdAt: '2026-11-24T10:00:00+08:00',
          expiresAt: '2026-12-01T10:00:00+08:00',
        },
        201,
      ),
    ),
    http.post(`${API}/cases/:number/corrections`, ({ request }) => {
      current = {
        ...current,
        state: 'submitted',
        corrections: current.corrections.map((c) => ({ ...c, fulfilledAt: '2026-11-24T10:01:00+08:00' })),
        updatedAt: '2026-11-24T10:01:00+08:00',
      };
      return json(request, current);
    }),
    http.post(`${API}/cases/:number/withdrawal`, ({ request }) => {
      current = { ...current, state: 'withdrawn', updatedAt: '2026-11-24T10:02:00+08:00' };
      return json(request, current);
    }),
  ];
}

const meta = {
  title: 'Widgets/Case tracker 我要查',
  id: 'widgets-case-tracker',
  component: 'banshi-case-tracker',
  args: {},
  argTypes: {
    sample: { control: 'select', options: [undefined, ...Object.keys(sampleCases)] },
  },
  parameters: {
    docs: embedDocs(
      'banshi-case-tracker',
      '',
      '我要查：凭办件编号和查询密码查询办理进度、补正材料或撤回申请。',
    ),
    msw: { handlers: { cases: caseHandlers(sampleCases.accepted) } },
  },
  render: (args) =>
    args.sample
      ? html`<banshi-case-tracker
          .caseData=${sampleCases[args.sample]}
          .timeline=${sampleTimeline}
        ></banshi-case-tracker>`
      : html`<banshi-case-tracker case-number=${args.caseNumber || nothing}></banshi-case-tracker>`,
} satisfies Meta<TrackerArgs>;

export default meta;
type Story = StoryObj<TrackerArgs>;

const tracker = (canvasElement: HTMLElement) =>
  widget<BanshiCaseTracker>(canvasElement, 'banshi-case-tracker');

/** Types the mocked case's number and `code`, and sends the form. */
async function lookUp(canvasElement: HTMLElement, code = CODE): Promise<BanshiCaseTracker> {
  const el = await tracker(canvasElement);
  await fill(el, '#case-number', NUMBER);
  await fill(el, '#query-code', code);
  await click(el, '[part=submit]');
  return el;
}

// ——— looking a case up ———

/** The form a resident sees first: case number and query code, with hints. */
export const LookupForm: Story = {};

/** Linked from the applicant's receipt (`?case=…` on the demo page): the number is filled in, the code is not. */
export const LookupWithCaseNumber: Story = { args: { caseNumber: NUMBER } };

/** Sending an incomplete form: the error summary takes focus and links to each field. */
export const LookupValidationErrors: Story = {
  play: async ({ canvasElement }) => {
    const el = await tracker(canvasElement);
    await fill(el, '#case-number', '1503');
    await click(el, '[part=submit]');
    const summary = await shown(el, '#errors');
    await expect(summary.querySelectorAll('li')).toHaveLength(2);
    await expect(el.shadowRoot!.activeElement).toBe(summary);
  },
};

/** A wrong pair: one message, the same whether the case exists or not. */
export const WrongPair: Story = {
  play: async ({ canvasElement }) => {
    const el = await lookUp(canvasElement, 'ABCDEFGH');
    await shown(el, '#problem');
  },
};

/** Too many failed lookups from this address: the wait is explained. */
export const RateLimited: Story = {
  parameters: {
    msw: {
      handlers: {
        cases: [
          http.get(`${API}/cases/:number`, ({ request }) =>
            problem(request, {
              status: 429,
              code: 'rate_limited',
              title: { 'zh-CN': '请求过于频繁', en: 'Too many requests' },
              headers: { 'Retry-After': '540' },
            }),
          ),
        ],
      },
    },
  },
  play: async ({ canvasElement }) => {
    const el = await lookUp(canvasElement);
    await shown(el, '#problem');
  },
};

/** Found: the status, deadline, steps, and the offer to withdraw. */
export const Found: Story = {
  play: async ({ canvasElement }) => {
    const el = await lookUp(canvasElement);
    await shown(el, '#case-title');
  },
};

/** Withdrawing asks first. */
export const WithdrawConfirmation: Story = {
  play: async ({ canvasElement }) => {
    const el = await lookUp(canvasElement);
    await shown(el, '#case-title');
    const offer = [...el.shadowRoot!.querySelectorAll('button')].find(
      (b) => b.textContent!.includes('撤回') || b.textContent!.includes('Withdraw'),
    )!;
    await click(el, offer);
    await shown(el, '#withdrawal-title');
  },
};

/** The office asked for a correction: the list of what is missing, with an upload for each document. */
export const CorrectionRequested: Story = {
  parameters: { msw: { handlers: { cases: caseHandlers(sampleCases.correctionRequested) } } },
  play: async ({ canvasElement }) => {
    const el = await lookUp(canvasElement);
    await shown(el, '#correction');
  },
};

/** Concluded: how to collect the result, and the rating of the case inline. */
export const ConcludedWithRating: Story = {
  parameters: { msw: { handlers: { cases: caseHandlers(sampleCases.concluded) } } },
  play: async ({ canvasElement }) => {
    const el = await lookUp(canvasElement);
    await shown(el, 'banshi-rating');
  },
};

// ——— a case in each state, handed over as caseData ———

export const Submitted: Story = { args: { sample: 'submitted' } };
export const Accepted: Story = { args: { sample: 'accepted' } };
/** The promised deadline has passed: marked in words, not by colour alone. */
export const Overdue: Story = { args: { sample: 'overdue' } };
/** A special procedure stopped the clock. */
export const Suspended: Story = { args: { sample: 'suspended' } };
export const Rejected: Story = { args: { sample: 'rejected' } };
export const Approved: Story = { args: { sample: 'approved' } };
export const Denied: Story = { args: { sample: 'denied' } };
export const Concluded: Story = { args: { sample: 'concluded' } };
/** Collected at the window. */
export const Delivered: Story = { args: { sample: 'delivered' } };
/** Mailed, with the carrier and tracking number. */
export const Mailed: Story = { args: { sample: 'mailed' } };
export const Withdrawn: Story = { args: { sample: 'withdrawn' } };
/** 不予许可 as a written decision: its 文书编号, reasons, the remedies and a button that prints it alone. */
export const DeniedWrittenDecision: Story = {
  args: { sample: 'denied' },
  play: async ({ canvasElement }) => {
    const el = await tracker(canvasElement);
    await shown(el, '[part=decision] button');
    await waitFor(() => expect(el.shadowRoot!.textContent).toContain('不许字〔2026〕第17号'));
  },
};
/** 撤销: the approval revoked after its 告知承诺 proved untrue, with the reason and the credit record. */
export const Revoked: Story = { args: { sample: 'revoked' } };
/**
 * 新生儿出生“一件事”: one case with a member per department, each with its own state (one refused), and
 * the state of the whole bundle; the results are handed over together at one window.
 */
export const Bundle: Story = {
  args: { sample: 'bundle' },
  play: async ({ canvasElement }) => {
    const el = await tracker(canvasElement);
    const members = await shown(el, '[part=bundle] ul');
    await expect(members.querySelectorAll('li')).toHaveLength(4);
  },
};

// ——— pinned settings ———

/** Elder mode on the Haibowan site, whatever the toolbar says. */
export const ElderHaibowan: Story = {
  args: { sample: 'overdue' },
  globals: { elder: 'on', theme: 'haibowan', locale: 'zh-CN' },
};

/** In English on the Baotou site. */
export const EnglishBaotou: Story = {
  args: { sample: 'correctionRequested' },
  globals: { elder: 'off', theme: 'baotou', locale: 'en' },
};

// ——— 我的办件, signed in at 统一身份认证 ———

const myCases: TrackedCase[] = [
  { ...sampleCases.overdue, caseNumber: '15030220261123000017' },
  { ...sampleCases.correctionRequested, caseNumber: '15030220261121000008' },
  { ...sampleCases.concluded, caseNumber: '15030220261102000004' },
];

/** GET /me/cases for the signed-in person, two to a page; 401 without the token. */
const myCaseHandlers: HttpHandler[] = [
  http.get(`${API}/me/cases`, ({ request }) => {
    if (!isSignedIn(request))
      return problem(request, {
        status: 401,
        code: 'unauthorized',
        title: { 'zh-CN': '请先登录', en: 'Sign in' },
      });
    const second = new URL(request.url).searchParams.get('cursor') === 'p2';
    return json(
      request,
      second
        ? { items: myCases.slice(2), nextCursor: null }
        : { items: myCases.slice(0, 2), nextCursor: 'p2' },
    );
  }),
];

/** Signed in: 我的办件 first, with each case's state, overdue marker and promised deadline. */
export const MyCases: Story = {
  parameters: { ...signedIn, msw: { handlers: { cases: myCaseHandlers } } },
  play: async ({ canvasElement }) => {
    await shown(await tracker(canvasElement), '[part=my-cases]');
  },
};

/** 我的办件 after 显示更多办件: the next page follows the cursor. */
export const MyCasesNextPage: Story = {
  parameters: { ...signedIn, msw: { handlers: { cases: myCaseHandlers } } },
  play: async ({ canvasElement }) => {
    const el = await tracker(canvasElement);
    await shown(el, '[part=my-cases]');
    await click(el, '.actions button');
    await waitFor(() => expect(el.shadowRoot!.querySelectorAll('.my-case')).toHaveLength(3));
  },
};
