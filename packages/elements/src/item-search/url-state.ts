import type { ItemQuery } from '../item-common/types.js';

/** What a search shows, as kept in the page address: the text, the filters and the page (1-based). */
export interface SearchState {
  q: string;
  filters: ItemQuery;
  page: number;
}

/** Address parameter → filter, for the filters a person can set. */
const PARAMETERS = {
  department: 'department',
  theme: 'theme',
  audience: 'audience',
  depth: 'onlineDepth',
  scope: 'crossRegionScope',
  kind: 'kind',
} as const;

/** Pages beyond this are not restored from an address (each one is a request). */
export const MAX_RESTORED_PAGE = 20;

/** The search state in an address's query (`?q=身份证&theme=…&page=2`); unknown parameters are ignored. */
export function readSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: Record<string, string> = {};
  for (const [parameter, filter] of Object.entries(PARAMETERS)) {
    const value = params.get(parameter);
    if (value) filters[filter] = value;
  }
  const page = Math.trunc(Number(params.get('page')));
  return {
    q: (params.get('q') ?? '').slice(0, 50),
    filters: filters as ItemQuery,
    page: Number.isFinite(page) && page > 1 ? Math.min(page, MAX_RESTORED_PAGE) : 1,
  };
}

/**
 * The address with the search state written into its query; the page's own other parameters and its
 * fragment stay as they were.
 */
export function writeSearchState(href: string, state: SearchState): string {
  const url = new URL(href);
  const params = url.searchParams;
  params.delete('q');
  params.delete('page');
  for (const parameter of Object.keys(PARAMETERS)) params.delete(parameter);
  if (state.q) params.set('q', state.q);
  const filters = state.filters as Record<string, unknown>;
  for (const [parameter, filter] of Object.entries(PARAMETERS)) {
    const value = filters[filter];
    if (typeof value === 'string' && value) params.set(parameter, value);
  }
  if (state.page > 1) params.set('page', String(state.page));
  return url.href;
}
