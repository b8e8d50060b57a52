/**
 * <banshi-item-guide> (办事指南): every state — loading skeleton, a full guide, situations narrowing the
 * materials, a bundle with fees, a guide handed over as data, not found, server failure and offline.
 * Language, elder mode and district theme come from the toolbar; the API is mocked here over seed items of
 * the reference server. The print view (一次性告知单) is the browser's print preview of any of these.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { delay, http } from 'msw';
import { html, nothing } from 'lit';
import { expect, waitFor } from 'storybook/test';
import companyOpening from '../packages/server/demo-catalogue/items/150302-company-opening.json';
import '../packages/elements/src/item-guide/define.js';
import type { BanshiItemGuide } from '../packages/elements/src/item-guide/guide.js';
import type { Item } from '../packages/elements/src/item-common/types.js';
import { API, failures, json, notFound, seedItems } from './mocks/index.js';
import { click, inside, shown, widget, withValue } from './support/shadow.js';
import { embedDocs } from './support/embed-docs.js';

const known = [...Object.values(seedItems), companyOpening] as unknown as Item[];

/** GET /items/{code} as the server answers it, with an ETag. */
const guideHandler = http.get(`${API}/items/:code`, ({ request, params }) => {
  const item = known.find((candidate) => candidate.code === params.code);
  if (!item) return notFound(request, { 'zh-CN': '没有这个事项。', en: 'No such item.' });
  return json(request, item, 200, { ETag: `"i-${item.code}"` });
});

interface GuideArgs {
  itemCode: string;
  applyUrl: string;
  appointmentUrl: string;
  item?: Item;
}

const meta = {
  title: 'Widgets/Item guide 办事指南',
  id: 'widgets-item-guide',
  component: 'banshi-item-guide',
  args: {
    itemCode: seedItems.publicRentalHousing.code,
    applyUrl: '',
    appointmentUrl: '',
  },
  parameters: {
    docs: embedDocs(
      'banshi-item-guide',
      'item-code="1115030201183506284200603001000"',
      '办事指南：按申请人的情形列出所需材料、办理时限和费用，可打印材料清单。',
    ),
    msw: { handlers: { items: [guideHandler] } },
  },
  render: (args) =>
    html`<banshi-item-guide
      item-code=${args.itemCode || nothing}
      apply-url=${args.applyUrl || nothing}
      appointment-url=${args.appointmentUrl || nothing}
      .item=${args.item}
    ></banshi-item-guide>`,
} satisfies Meta<GuideArgs>;

export default meta;
type Story = StoryObj<GuideArgs>;

const guide = async (canvasElement: HTMLElement) => {
  const el = await widget<BanshiItemGuide>(canvasElement, 'banshi-item-guide');
  await shown(el, '[part=title]');
  // The title comes with the first of the guide's stages; the questions and materials follow.
  await el.updateComplete;
  return el;
};

/** 公共租赁住房申请: at a glance, three situation questions, materials with e-licence and 容缺后补, and the rest. */
export const Guide: Story = {};

/** Answering the questions narrows the materials at once (here: not local, as a family). */
export const SituationsAnswered: Story = {
  play: async ({ canvasElement }) => {
    const el = await guide(canvasElement);
    await click(el, withValue(el, 'input[name=situation-hukou]', 'nonlocal'));
    await click(el, withValue(el, 'input[name=situation-household]', 'family'));
    await click(el, withValue(el, 'input[name=situation-disability]', 'no'));
    await waitFor(() => expect(inside(el, '.count').textContent).toMatch(/5/));
  },
};

/** 居民身份证申领: a fee with its amount, standard and reduction, on-site visits with the reason. */
export const WithFeesAndVisits: Story = {
  args: { itemCode: seedItems.residentIdCard.code, appointmentUrl: '/booking?code={code}' },
};

/** 企业开办“一件事”: a bundle, its member items and badges. */
export const Bundle: Story = {
  args: { itemCode: companyOpening.code, applyUrl: '/apply.html?code={code}&{situation}' },
};

/** A guide handed over as data (`.item`), as a CMS that pre-renders pages would do. */
export const FromData: Story = {
  args: { itemCode: '', item: seedItems.foodBusinessLicence as unknown as Item },
};

/** Waiting for the server: a skeleton the size of the header and the at-a-glance box. */
export const Loading: Story = {
  parameters: {
    msw: {
      handlers: {
        items: [
          http.get(`${API}/items/:code`, async () => {
            await delay('infinite');
            return new Response(null, { status: 504 });
          }),
        ],
      },
    },
  },
  play: async ({ canvasElement }) => {
    const el = await widget<BanshiItemGuide>(canvasElement, 'banshi-item-guide');
    await shown(el, '.skeleton');
  },
};

/** An item code the server does not know: not found, with a retry. */
export const NotFound: Story = {
  args: { itemCode: '1115030201183506284200699999000' },
  play: async ({ canvasElement }) => {
    const el = await widget<BanshiItemGuide>(canvasElement, 'banshi-item-guide');
    await shown(el, '[role=alert]');
  },
};

/** The server fails (503): an error with a retry. */
export const ServerError: Story = {
  parameters: { msw: { handlers: { items: [failures.unavailable('/items/*')] } } },
  play: async ({ canvasElement }) => {
    const el = await widget<BanshiItemGuide>(canvasElement, 'banshi-item-guide');
    await shown(el, '[role=alert]');
  },
};

/** No network: an offline notice with a retry. */
export const Offline: Story = {
  parameters: { msw: { handlers: { items: [failures.networkDown('/items/*')] } } },
  play: async ({ canvasElement }) => {
    const el = await widget<BanshiItemGuide>(canvasElement, 'banshi-item-guide');
    await shown(el, '[role=alert]', 15000);
  },
};
