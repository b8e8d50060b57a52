/**
 * <banshi-item-search> (我要看): every state — suggestions for Chinese, pinyin and initials, results with
 * badges, filters, paging, nothing found, server failure and offline. Language, elder mode and district
 * theme come from the toolbar; the API is mocked here over seed items of the reference server.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { http } from 'msw';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import companyOpening from '../packages/server/demo-catalogue/items/150302-company-opening.json';
import businessLicenceChange from '../packages/server/demo-catalogue/items/150302-business-licence-change.json';
import newborn from '../packages/server/demo-catalogue/items/150302-newborn.json';
import '../packages/elements/src/item-search/define.js';
import type { BanshiItemSearch } from '../packages/elements/src/item-search/search.js';
import { API, failures, itemHandlers, json, seedItems } from './mocks/index.js';
import { summaryOf, type SeedRecord } from './mocks/items.js';
import { click, inside, shown, widget } from './support/shadow.js';
import { embedDocs } from './support/embed-docs.js';

type Summary = {
  code: string;
  name: string;
  department: { id: string; name: string };
  [key: string]: unknown;
};

const items = [
  ...Object.values(seedItems),
  companyOpening,
  businessLicenceChange,
  newborn,
] as unknown as Summary[];

/** What the server's pinyin columns hold for these items (full pinyin and initials). */
const pinyin: Record<string, string> = {
  [seedItems.publicRentalHousing.code]: 'gonggongzulinzhufangshenqing ggzlzfsq gongzufang gzf',
  [seedItems.foodBusinessLicence.code]: 'shipinjingyingxuke spjyxk',
  [seedItems.residentIdCard.code]: 'juminshenfenzhengshenling jmsfzsl shenfenzheng sfz',
  [seedItems.housingFundWithdrawal.code]: 'zhufanggongjijintiqu zfgjjtq gongjijin gjj',
  [companyOpening.code]: 'qiyekaibanyijianshi qykbyjs',
  [businessLicenceChange.code]: 'yingyezhizhaobiangengdengji yyzzbgdj',
  [newborn.code]: 'xinshengerchushengyijianshi xsecsyjs',
};

const FILTERS = ['department', 'theme', 'audience', 'onlineDepth', 'crossRegionScope', 'kind'] as const;

/** GET /items as the server answers it: substring match on name and pinyin, filters with AND, cursor pages. */
const searchHandler = http.get(`${API}/items`, ({ request }) => {
  const params = new URL(request.url).searchParams;
  const q = (params.get('q') ?? '').toLowerCase().replace(/\s+/g, '');
  const matches = items.filter((item) => {
    if (q && !item.name.includes(q) && !(pinyin[item.code] ?? '').includes(q)) return false;
    return FILTERS.every((name) => {
      const wanted = params.get(name);
      if (!wanted) return true;
      const value = name === 'department' ? item.department.id : name === 'theme' ? item.themes : item[name];
      if (name === 'theme') return (value as Array<{ id: string }>).some((theme) => theme.id === wanted);
      return Array.isArray(value) ? value.includes(wanted) : value === wanted;
    });
  });
  const limit = Number(params.get('limit') ?? 20);
  const start = Number(params.get('cursor') ?? 0);
  const page = matches.slice(start, start + limit).map((item) => ({
    ...summaryOf(item as SeedRecord),
    formVersion: item.formVersion ?? null,
    status: 'active',
  }));
  return json(request, {
    items: page,
    nextCursor: start + limit < matches.length ? String(start + limit) : null,
  });
});

const referenceHandlers = [
  http.get(`${API}/departments`, ({ request }) => {
    const departments = new Map(items.map((item) => [item.department.id, item.department]));
    return json(request, { items: [...departments.values()], nextCursor: null });
  }),
  http.get(`${API}/themes`, ({ request }) => {
    const themes = new Map(
      items.flatMap((item) =>
        (item.themes as Array<{ id: string; name: string }>).map((t) => [t.id, t] as const),
      ),
    );
    return json(request, {
      items: [...themes.values()].map((theme) => ({ ...theme, audience: ['naturalPerson'] })),
      nextCursor: null,
    });
  }),
];

const normal = { items: [searchHandler, ...referenceHandlers] };

interface SearchArgs {
  itemUrl: string;
  pageSize: number;
}

const meta = {
  title: 'Widgets/Item search 我要看',
  id: 'widgets-item-search',
  component: 'banshi-item-search',
  args: { itemUrl: '', pageSize: 10 },
  parameters: {
    docs: embedDocs(
      'banshi-item-search',
      'item-url="/guide?code={code}"',
      '我要看：按关键词、部门和主题搜索办事事项。',
    ),
    msw: { handlers: normal },
  },
  render: (args) =>
    html`<banshi-item-search item-url=${args.itemUrl} page-size=${args.pageSize}></banshi-item-search>`,
} satisfies Meta<SearchArgs>;

export default meta;
type Story = StoryObj<SearchArgs>;

const search = (canvasElement: HTMLElement) => widget<BanshiItemSearch>(canvasElement, 'banshi-item-search');

async function typeQuery(el: BanshiItemSearch, text: string) {
  await userEvent.type(inside(el, 'input[role=combobox]'), text);
}

/** The empty search box with its hint and the filters. */
export const Initial: Story = {};

/** Suggestions as Chinese is typed (身份证). */
export const SuggestionsChinese: Story = {
  play: async ({ canvasElement }) => {
    const el = await search(canvasElement);
    await typeQuery(el, '身份证');
    await shown(el, '[role=option]');
  },
};

/** Suggestions for full pinyin (gongjijin) and initials (sfz); the arrow keys move through them. */
export const SuggestionsPinyinAndInitials: Story = {
  play: async ({ canvasElement }) => {
    const el = await search(canvasElement);
    await typeQuery(el, 'sfz');
    await shown(el, '[role=option]');
    await userEvent.keyboard('{ArrowDown}');
    await waitFor(() =>
      expect(inside(el, 'input[role=combobox]').getAttribute('aria-activedescendant')).toBe('option-0'),
    );
  },
};

/** Enter lists the results, each with its department and badges (零跑腿, 全程网办, 一件事 …). */
export const ResultsWithBadges: Story = {
  play: async ({ canvasElement }) => {
    const el = await search(canvasElement);
    await typeQuery(el, 'yi{Enter}');
    await shown(el, '[part=result]');
  },
};

/** Results link to the site's guide page through `item-url`. */
export const ResultsAsLinks: Story = {
  args: { itemUrl: '/guide.html?code={code}' },
  play: async ({ canvasElement }) => {
    const el = await search(canvasElement);
    await click(el, 'button[type=submit]');
    await shown(el, '[part=result] a');
  },
};

/** The 一件事 filter: only bundles. */
export const FilteredBundles: Story = {
  play: async ({ canvasElement }) => {
    const el = await search(canvasElement);
    await click(el, '.check:last-of-type input');
    await waitFor(() => expect(el.shadowRoot!.querySelectorAll('[part=result]')).toHaveLength(2));
  },
};

/** Three results a page: the pager moves to the next page. */
export const Paging: Story = {
  args: { pageSize: 3 },
  play: async ({ canvasElement }) => {
    const el = await search(canvasElement);
    await click(el, 'button[type=submit]');
    await shown(el, '.pager');
    await click(el, '.pager button:last-child');
    await waitFor(() => expect(inside(el, '.results [role=status]').textContent).toMatch(/2/));
  },
};

/** Nothing matches: the text stays, with advice. */
export const NothingFound: Story = {
  play: async ({ canvasElement }) => {
    const el = await search(canvasElement);
    await typeQuery(el, 'qqqxxzz{Enter}');
    await shown(el, '[part=notice]');
  },
};

/** The search service fails (503): an error with a retry. */
export const ServerError: Story = {
  parameters: { msw: { handlers: { items: [failures.unavailable('/items'), ...referenceHandlers] } } },
  play: async ({ canvasElement }) => {
    const el = await search(canvasElement);
    await typeQuery(el, 'sfz{Enter}');
    await shown(el, '[role=alert]');
  },
};

/** No network: an offline notice; the search runs again when the browser is back online. */
export const Offline: Story = {
  parameters: { msw: { handlers: { items: [failures.networkDown('/*')] } } },
  play: async ({ canvasElement }) => {
    const el = await search(canvasElement);
    await typeQuery(el, 'sfz{Enter}');
    await shown(el, '[role=alert]', 15000);
  },
};

/**
 * `url-state`: the search, its filters and page live in the address (try the back button, or share the
 * address), and the count of what was found shows above the results (共 N 项).
 */
export const SearchInTheAddress: Story = {
  render: (args) =>
    html`<banshi-item-search
      url-state
      page-size=${args.pageSize}
      item-url=${args.itemUrl}
    ></banshi-item-search>`,
  args: { pageSize: 3 },
  play: async ({ canvasElement }) => {
    const el = await search(canvasElement);
    await typeQuery(el, 'yi{Enter}');
    await shown(el, '[part=count]');
    await waitFor(() => expect(new URLSearchParams(location.search).get('q')).toBe('yi'));
  },
};

/** Browsing without typing (`mode="browse"`): 个人办事 / 法人办事, their themes and 热门事项; a theme lists its items. */
export const Browse: Story = {
  render: (args) =>
    html`<banshi-item-search
      item-url=${args.itemUrl}
      page-size=${args.pageSize}
      mode="browse"
      region="150302"
    ></banshi-item-search>`,
  play: async ({ canvasElement }) => {
    const el = await search(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.querySelectorAll('.themes button').length).toBeGreaterThan(0));
  },
};

/**
 * The site's region (`region="150302"`, 海勃湾区): the search lists only what a resident there can use —
 * 海勃湾区's, 乌海市's, 内蒙古's and national items, never 包头's — and the theme filter offers each subject
 * once (不动产登记, 交通运输, 社会保障 are merged themes).
 */
export const SiteRegion: Story = {
  parameters: { msw: { handlers: { items: [...itemHandlers.normal, ...referenceHandlers] } } },
  render: (args) => html`<banshi-item-search item-url=${args.itemUrl} region="150302"></banshi-item-search>`,
  play: async ({ canvasElement }) => {
    const el = await search(canvasElement);
    await typeQuery(el, '证{Enter}');
    await shown(el, '[part=result]');
    const results = [...el.shadowRoot!.querySelectorAll('[part=result]')].map((li) => li.textContent!);
    expect(results.filter((text) => text.includes('包头'))).toEqual([]);
    const themeFilter = el.shadowRoot!.querySelectorAll('[part=filters] select')[1]!;
    const themes = [...themeFilter.querySelectorAll('option')].map((option) => option.textContent);
    expect(new Set(themes).size).toBe(themes.length);
  },
};
