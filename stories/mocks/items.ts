/**
 * `/items` (事项, 办事指南, 表单) as the reference server answers it, from the seed files in catalogue.ts:
 * search and filters with cursor pages, one item's whole guide, and its form definition.
 * Unlike the server, `q` matches Chinese text only (no pinyin), and texts are always in Chinese.
 */
import { http, type HttpHandler } from 'msw';
import { siteRegions } from '@banshi/sdk';
import type { components } from '../../packages/sdk/src/generated/schema.js';
import { catalogueItems, findItem, seedForms, type SeedItem } from './catalogue.js';
import { API, failures, json, notFound, validationFailed } from './respond.js';

type ItemSummary = components['schemas']['ItemSummary'];

/** The members of `ItemSummary`, the shape of a search result. */
const SUMMARY_KEYS = [
  'code',
  'name',
  'kind',
  'type',
  'department',
  'regionCode',
  'level',
  'audience',
  'themes',
  'onlineDepth',
  'onSiteVisits',
  'crossRegionScope',
  'processingType',
  'promisedTimeLimit',
  'formVersion',
  'status',
] as const satisfies readonly (keyof ItemSummary)[];

export type SeedRecord = SeedItem & Record<string, unknown>;
const catalogue = Object.values(catalogueItems) as SeedRecord[];

/** The search-result shape of an item's guide, as the server derives it. */
export function summaryOf(item: SeedRecord): ItemSummary {
  return Object.fromEntries(SUMMARY_KEYS.map((key) => [key, item[key]])) as unknown as ItemSummary;
}

/** The item's texts that `q` searches, lower-cased. */
function searchable(item: SeedRecord): string {
  const aliases = Array.isArray(item.aliases) ? (item.aliases as string[]) : [];
  return [item.name, ...aliases, item.department.name].join(' ').toLowerCase();
}

/** Whether the item is in `region`: the same code, or inside the city or province it names. */
function inRegion(item: SeedRecord, region: string): boolean {
  if (region.endsWith('0000')) return item.regionCode.startsWith(region.slice(0, 2));
  if (region.endsWith('00')) return item.regionCode.startsWith(region.slice(0, 4));
  return item.regionCode === region;
}

/** A filter on one query parameter: keeps the items whose member of that name equals or contains the value. */
const simpleFilters = ['audience', 'onlineDepth', 'crossRegionScope', 'kind', 'type'] as const;

const encodeCursor = (offset: number): string => btoa(JSON.stringify({ o: offset }));
function decodeCursor(cursor: string): number | undefined {
  try {
    const offset = (JSON.parse(atob(cursor)) as { o?: unknown }).o;
    return typeof offset === 'number' && offset >= 0 ? offset : undefined;
  } catch {
    return undefined;
  }
}

/** GET /items: active items (or `status`), best match first for `q`, else by department then name. */
export const listItems: HttpHandler = http.get(`${API}/items`, ({ request }) => {
  const query = new URL(request.url).searchParams;
  const limit = Number(query.get('limit') ?? 20);
  const cursor = query.get('cursor');
  const offset = cursor === null ? 0 : decodeCursor(cursor);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100 || offset === undefined)
    return validationFailed(request, [
      offset === undefined
        ? {
            pointer: '#/query/cursor',
            code: 'cursor',
            message: { 'zh-CN': '分页游标无效', en: 'The page cursor is not valid' },
          }
        : {
            pointer: '#/query/limit',
            code: 'maximum',
            message: { 'zh-CN': '应在 1 至 100 之间', en: 'Must be between 1 and 100' },
          },
    ]);
  const q = (query.get('q') ?? '').trim().toLowerCase();
  const status = query.get('status') ?? 'active';
  let found = catalogue.filter((item) => item.status === status);
  if (q) {
    const words = q.split(/\s+/);
    found = found.filter((item) => words.every((word) => searchable(item).includes(word)));
  }
  const department = query.get('department');
  if (department) found = found.filter((item) => item.department.id === department);
  const theme = query.get('theme');
  if (theme) found = found.filter((item) => (item.themes as { id: string }[]).some((t) => t.id === theme));
  // A site's items: its county's, city's and province's, and the national ones.
  const site = query.get('site');
  if (site) {
    const served = siteRegions(site);
    found = found.filter((item) => served.includes(item.regionCode) || item.level === 'national');
  }
  const regions = query.getAll('region');
  if (regions.length > 0) found = found.filter((item) => regions.some((region) => inRegion(item, region)));
  for (const name of simpleFilters) {
    const wanted = query.get(name);
    if (wanted)
      found = found.filter((item) =>
        Array.isArray(item[name]) ? (item[name] as unknown[]).includes(wanted) : item[name] === wanted,
      );
  }
  found.sort((a, b) =>
    q
      ? Number(!a.name.toLowerCase().includes(q)) - Number(!b.name.toLowerCase().includes(q)) ||
        a.name.length - b.name.length
      : a.department.id.localeCompare(b.department.id) || a.name.localeCompare(b.name, 'zh-CN'),
  );
  const page = found.slice(offset, offset + limit);
  const next = offset + limit < found.length ? encodeCursor(offset + limit) : null;
  return json(request, { items: page.map(summaryOf), nextCursor: next }, 200, {
    'Content-Language': 'zh-CN',
  });
});

const noSuchItem = (request: Request, code: string) =>
  notFound(request, {
    'zh-CN': `没有编码为 ${code} 的事项`,
    en: `There is no item with the code ${code}`,
  });

/** GET /items/{code}: the whole guide. */
export const getItem: HttpHandler = http.get(`${API}/items/:code`, ({ request, params }) => {
  const item = findItem(String(params.code));
  if (!item) return noSuchItem(request, String(params.code));
  return json(request, item, 200, { 'Content-Language': 'zh-CN', ETag: `"${item.code}-1"` });
});

/** GET /items/{code}/form: the form definition, 404 when the item has none. */
export const getItemForm: HttpHandler = http.get(`${API}/items/:code/form`, ({ request, params }) => {
  const code = String(params.code);
  const form = seedForms[code];
  if (!findItem(code) || !form) return noSuchItem(request, code);
  return json(request, form, 200, { 'Content-Language': 'zh-CN', ETag: `"${code}-form-1"` });
});

/** Handler sets for `parameters.msw.handlers.items`. */
export const itemHandlers = {
  /** Everything works, as on the reference server. */
  normal: [listItems, getItemForm, getItem],
  /** 503 `service_unavailable` for every item call. */
  unavailable: [failures.unavailable('/items*')],
  /** Item calls never answer: the widget stays loading. */
  neverAnswers: [failures.neverAnswers('/items*')],
  /** No network for item calls. */
  networkDown: [failures.networkDown('/items*')],
} satisfies Record<string, HttpHandler[]>;
