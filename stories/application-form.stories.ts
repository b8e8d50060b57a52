/**
 * <banshi-application-form> (我要办): every step and every error of an application for 公共租赁住房申请.
 * Language, elder mode and district theme come from the toolbar (see .storybook/banshi-context.ts); the API
 * is mocked below with the item's real seed form definition.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { expect, waitFor } from 'storybook/test';
import '../packages/elements/src/application-form/define.js';
import type { BanshiApplicationForm } from '../packages/elements/src/application-form/application-form.js';
import { deleteDraft } from '../packages/elements/src/application-form/drafts.js';
import rentalForm from '../packages/server/demo-catalogue/forms/150302-public-rental-housing.json';
import { API, failures, json, validationFailed } from './mocks/index.js';
import { isSignedIn, signedIn, verifiedApplicant } from './mocks/identity.js';
import { click, fill, inside, shown, widget } from './support/shadow.js';
import { embedDocs } from './support/embed-docs.js';

const CODE = '1115030201183506284200603001000';
/** 150302198805123015: a valid resident ID number (check character included). */
const ID = '150302198805123015';

/** An item code of its own for each story (same shape as CODE), so no story resumes another's draft. */
const codeOf = (storyId: string): string =>
  CODE.slice(0, -3) +
  String([...storyId].reduce((sum, ch) => (sum * 31 + ch.charCodeAt(0)) % 997, 7)).padStart(3, '0');

let uploads = 0;
const upload = (name: string, status: 'passed' | 'rejected' = 'passed') => ({
  id: `up_STORY${++uploads}`,
  name,
  size: 48213,
  mediaType: 'application/pdf',
  sha256: '9f2c1b7e4d3a5f60812b7c9d0e4f3a2b1c6d5e8f7a9b0c1d2e3f4a5b6c7d8e9f',
  contentCheck: status === 'passed' ? { status } : { status, reasonCode: 'malware' },
  createdAt: '2026-11-23T09:12:03+08:00',
  expiresAt: '2026-11-30T09:12:03+08:00',
});

const created = {
  caseNumber: '15030220261123000017',
  queryCode: '7K3P9QWD',
  applicantToken: 'at_q9W2e8R4t6Y1u3I5o7P0a2S4d6F8g0H2',
  case: {
    caseNumber: '15030220261123000017',
    itemName: '公共租赁住房申请',
    submittedAt: '2026-11-23T09:15:42+08:00',
    materials: [
      {
        materialId: 'labour-contract',
        name: '劳动合同',
        provision: 'deferred',
        status: 'deferred',
        uploads: [],
        deferredUntil: '2026-12-07',
      },
    ],
  },
};

/** The item, its form, regions, uploads that pass the content check, and a case created. */
const applicationHandlers: HttpHandler[] = [
  http.get(`${API}/items/:code/form`, ({ request }) => json(request, rentalForm)),
  http.get(`${API}/items/:code`, ({ request }) => json(request, { code: CODE, name: '公共租赁住房申请' })),
  http.get(`${API}/regions`, ({ request }) => json(request, { items: [], nextCursor: null })),
  http.post(`${API}/uploads`, async ({ request }) => {
    const file = (await request.formData()).get('file') as File;
    return json(request, upload(file.name, file.name.includes('病毒') ? 'rejected' : 'passed'), 201);
  }),
  http.post(`${API}/cases`, ({ request }) => json(request, created, 201)),
];

const meta = {
  title: 'Widgets/Application form 我要办',
  id: 'widgets-application-form',
  component: 'banshi-application-form',
  parameters: {
    docs: embedDocs(
      'banshi-application-form',
      'item-code="1115030201183506284200603001000"',
      '我要办：逐步在线填写申请、上传材料、保存草稿并取得回执。',
    ),
    msw: { handlers: { items: applicationHandlers } },
  },
  loaders: [async ({ id }) => ({ cleared: await deleteDraft(codeOf(id)) })],
  render: (_, { id }) =>
    html`<banshi-application-form
      item-code=${codeOf(id)}
      situation="s.hukou=local&s.household=single&s.disability=no"
    ></banshi-application-form>`,
} satisfies Meta;

export default meta;
type Story = StoryObj;

const form = (canvasElement: HTMLElement) =>
  widget<BanshiApplicationForm>(canvasElement, 'banshi-application-form');

/** Continue, then wait for the next heading. */
async function next(el: BanshiApplicationForm): Promise<void> {
  const before = inside(el, 'h2').textContent;
  await click(el, '[part=continue]');
  await waitFor(() => expect(inside(el, 'h2').textContent).not.toBe(before));
}

async function toApplicant(el: BanshiApplicationForm): Promise<void> {
  await shown(el, '[part=continue]');
  await next(el);
}

async function toMaterials(el: BanshiApplicationForm): Promise<void> {
  await toApplicant(el);
  await fill(el, '#f\\/applicant\\/name', '张丽');
  await fill(el, '#f\\/applicant\\/idNumber', ID);
  await fill(el, '#f\\/applicant\\/mobile', '13947312345');
  await fill(el, '#f\\/applicant\\/address', '海勃湾区新华街道滨河社区12号楼');
  await click(el, 'input[name="f/applicant/maritalStatus"]');
  await next(el);
  await fill(el, '#f\\/income\\/monthlyPerCapita', '1850');
  await click(el, 'input[name="f/currentHousing"]');
  await next(el);
}

async function choose(el: BanshiApplicationForm, id: string, file: File): Promise<void> {
  const input = inside<HTMLInputElement>(el, `#m-${id}`);
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

async function toReview(el: BanshiApplicationForm): Promise<void> {
  await toMaterials(el);
  await choose(el, 'income-proof', new File(['%PDF-1.4'], '收入证明.pdf', { type: 'application/pdf' }));
  await shown(el, '.file .ok');
  const later = el.shadowRoot!.querySelectorAll<HTMLInputElement>(
    'input[name="m-labour-contract-later"]',
  )[1]!;
  await click(el, later);
  await next(el);
}

/** Situation questions, pre-filled with the answers handed over by the item guide. */
export const Situation: Story = {};

/**
 * The step list: the count stays the same while the answers change; the steps the answers decide say
 * 取决于您的回答, and those they rule out 根据您的回答，无需填写.
 */
export const StepsThatDependOnAnswers: Story = {
  play: async ({ canvasElement }) => {
    const el = await form(canvasElement);
    await shown(el, '[part=steps]');
    const total = inside(el, '[part=progress]').textContent;
    await click(el, 'input[name="s-household"]');
    await waitFor(() => expect(inside(el, '[part=progress]').textContent).toBe(total));
  },
};

/** Continue with a question unanswered: the error summary takes focus. */
export const SituationError: Story = {
  render: (_, { id }) => html`<banshi-application-form item-code=${codeOf(id)}></banshi-application-form>`,
  play: async ({ canvasElement }) => {
    const el = await form(canvasElement);
    await shown(el, '[part=continue]');
    await click(el, '[part=continue]');
    await shown(el, '[part=error-summary]');
  },
};

/** The applicant's page: text, ID number, mobile, address and radios; optional fields marked （选填）. */
export const ApplicantPage: Story = {
  play: async ({ canvasElement }) => toApplicant(await form(canvasElement)),
};

/** Every error of the page at once, each linked from the summary and tied to its field. */
export const ApplicantErrors: Story = {
  play: async ({ canvasElement }) => {
    const el = await form(canvasElement);
    await toApplicant(el);
    await fill(el, '#f\\/applicant\\/idNumber', '15030219880512301X');
    await fill(el, '#f\\/applicant\\/mobile', '1394731');
    await click(el, '[part=continue]');
    await shown(el, '[part=error-summary]');
  },
};

/** A family application: the repeating group of family members. */
export const FamilyMembers: Story = {
  render: (_, { id }) =>
    html`<banshi-application-form
      item-code=${codeOf(id)}
      situation="s.hukou=local&s.household=family&s.disability=no"
    ></banshi-application-form>`,
  play: async ({ canvasElement }) => {
    const el = await form(canvasElement);
    await toApplicant(el);
    await fill(el, '#f\\/applicant\\/name', '张丽');
    await fill(el, '#f\\/applicant\\/idNumber', ID);
    await fill(el, '#f\\/applicant\\/mobile', '13947312345');
    await fill(el, '#f\\/applicant\\/address', '海勃湾区新华街道滨河社区12号楼');
    await click(el, 'input[name="f/applicant/maritalStatus"]');
    await next(el);
    await click(el, '#f\\/members');
    await click(el, '#f\\/members');
  },
};

/**
 * Uploads: each material says the types and size it takes before a file is chosen, offers 拍照上传 (the
 * back camera on a phone) when it takes images, and takes files dropped on it.
 */
export const UploadLimitsPhotoAndDrop: Story = {
  play: async ({ canvasElement }) => {
    const el = await form(canvasElement);
    await toMaterials(el);
    await shown(el, '#m-income-proof-limits');
    const transfer = new DataTransfer();
    transfer.items.add(new File(['%PDF-1.4'], '收入证明.pdf', { type: 'application/pdf' }));
    inside(el, 'fieldset.material:has(#m-income-proof)').dispatchEvent(
      new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
    );
    await shown(el, '.file .ok');
  },
};

/** Materials: required upload, 免提交 e-licence, and a 容缺后补 material with its deadline. */
export const Materials: Story = {
  play: async ({ canvasElement }) => toMaterials(await form(canvasElement)),
};

/** Files refused before uploading (empty, wrong type, too big) and one rejected by the content check: no rows, each in the summary. */
export const MaterialFileErrors: Story = {
  play: async ({ canvasElement }) => {
    const el = await form(canvasElement);
    await toMaterials(el);
    await choose(el, 'income-proof', new File([], '空白.pdf', { type: 'application/pdf' }));
    await choose(el, 'income-proof', new File(['GIF89a'], '照片.gif', { type: 'image/gif' }));
    await choose(
      el,
      'income-proof',
      new File([new Uint8Array(10485761)], '扫描件.pdf', { type: 'application/pdf' }),
    );
    await choose(el, 'income-proof', new File(['%PDF-1.4'], '病毒.pdf', { type: 'application/pdf' }));
    await shown(el, '[part=error-summary]');
  },
};

/** The upload fails (server unavailable): the file offers a retry. */
export const MaterialUploadFailed: Story = {
  parameters: {
    msw: { handlers: { items: [failures.unavailable('/uploads', 'post'), ...applicationHandlers] } },
  },
  play: async ({ canvasElement }) => {
    const el = await form(canvasElement);
    await toMaterials(el);
    await choose(el, 'income-proof', new File(['%PDF-1.4'], '收入证明.pdf', { type: 'application/pdf' }));
    await shown(el, '.file .error', 10000);
  },
};

/** Check your answers, with a change link per answer and the 告知承诺 commitment. */
export const CheckAnswers: Story = {
  play: async ({ canvasElement }) => toReview(await form(canvasElement)),
};

/** Sending without accepting the commitment. */
export const CommitmentError: Story = {
  play: async ({ canvasElement }) => {
    const el = await form(canvasElement);
    await toReview(el);
    await click(el, '[part=continue]');
    await shown(el, '[part=error-summary]');
  },
};

/** The server refuses a field (422): the applicant is taken to it, with the server's message. */
export const ServerValidationError: Story = {
  parameters: {
    msw: {
      handlers: {
        items: [
          http.post(`${API}/cases`, ({ request }) =>
            validationFailed(request, [
              {
                pointer: '/formData/applicant/idNumber',
                code: 'format.cn-id-card',
                message: {
                  'zh-CN': '该身份证号码已有一份在办的申请',
                  en: 'This ID number already has an open application',
                },
              },
            ]),
          ),
          ...applicationHandlers,
        ],
      },
    },
  },
  play: async ({ canvasElement }) => {
    const el = await form(canvasElement);
    await toReview(el);
    await click(el, '#c-commitment');
    await click(el, '[part=continue]');
    await shown(el, '[part=error-summary]');
  },
};

/** Sending fails (server unavailable): nothing typed is lost and the same key is used to retry. */
export const SubmitFailed: Story = {
  parameters: {
    msw: { handlers: { items: [failures.unavailable('/cases', 'post'), ...applicationHandlers] } },
  },
  play: async ({ canvasElement }) => {
    const el = await form(canvasElement);
    await toReview(el);
    await click(el, '#c-commitment');
    await click(el, '[part=continue]');
    await shown(el, '#failure', 10000);
  },
};

/** The confirmation: case number and query code with copy buttons, and the printable receipt. */
export const Confirmation: Story = {
  play: async ({ canvasElement }) => {
    const el = await form(canvasElement);
    await toReview(el);
    await click(el, '#c-commitment');
    await click(el, '[part=continue]');
    await shown(el, '[part=panel]');
  },
};

/**
 * The confirmation with `tracker-url`: the receipt links to the tracker and carries the address as an SVG
 * QR code (case number only, never the query code), with the time in Beijing time.
 */
export const ConfirmationWithTrackerQr: Story = {
  render: (_, { id }) =>
    html`<banshi-application-form
      item-code=${codeOf(id)}
      situation="s.hukou=local&s.household=single&s.disability=no"
      tracker-url="track.html?case={caseNumber}"
    ></banshi-application-form>`,
  play: async ({ canvasElement }) => {
    const el = await form(canvasElement);
    await toReview(el);
    await click(el, '#c-commitment');
    await click(el, '[part=continue]');
    await shown(el, 'svg.qr');
  },
};

/** The form cannot be loaded. */
export const LoadFailed: Story = {
  parameters: { msw: { handlers: { items: [failures.unavailable('/items/*')] } } },
};

/** The item cannot be applied for online (no form: 404). */
export const NotOnline: Story = {
  parameters: {
    msw: {
      handlers: {
        items: [
          http.get(`${API}/items/:code/form`, () => new HttpResponse(null, { status: 404 })),
          ...applicationHandlers,
        ],
      },
    },
  },
};

// ——— signed in at 统一身份认证 ———

/** The form as the server sends it: with the signed-in person's verified fields, and `signIn` if given. */
function identityHandlers(signIn?: { required: boolean; assuranceLevel: number }, level = 3): HttpHandler[] {
  return [
    http.get(`${API}/items/:code/form`, ({ request }) =>
      json(request, {
        ...rentalForm,
        ...(signIn ? { signIn } : {}),
        ...(isSignedIn(request) ? { verifiedApplicant: verifiedApplicant(level, ID) } : {}),
      }),
    ),
    ...applicationHandlers,
  ];
}

/** Signed in: name, ID number and mobile filled from 统一身份认证, read-only, each with its source. */
export const SignedInLockedFields: Story = {
  parameters: { ...signedIn, msw: { handlers: { items: identityHandlers() } } },
  play: async ({ canvasElement }) => {
    const el = await form(canvasElement);
    await toApplicant(el);
    const name = inside<HTMLInputElement>(el, '#f\\/applicant\\/name');
    await expect(name.value).toBe('张丽');
    await expect(name.readOnly).toBe(true);
    await shown(el, '[part=verified]');
  },
};

/** An item that needs sign-in (实名等级 3), nobody signed in: the gate asks the page to sign them in. */
export const SignInGate: Story = {
  parameters: {
    msw: { handlers: { items: identityHandlers({ required: true, assuranceLevel: 3 }) } },
  },
  play: async ({ canvasElement }) => {
    await shown(await form(canvasElement), '[part=sign-in-gate]');
  },
};

/** Signed in at 实名等级 2 for an item that needs 3: which level is needed, and theirs. */
export const AssuranceLevelGate: Story = {
  parameters: {
    ...signedIn,
    msw: { handlers: { items: identityHandlers({ required: true, assuranceLevel: 3 }, 2) } },
  },
  play: async ({ canvasElement }) => {
    await shown(await form(canvasElement), '[part=sign-in-gate]');
  },
};
