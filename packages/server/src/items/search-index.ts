import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';
import { siteRegions } from '@banshi/sdk';
import { regionPrefix, siteLocality } from './regions.js';

/** The filters of `GET /items`. */
export interface ItemFilters {
  status: string;
  department?: string;
  theme?: string;
  audience?: string;
  /** Region codes; an item matches when it lies in any of them. */
  region?: string[];
  /**
   * The site's region: only items of it, of its city and province, and national ones; at each match rank
   * the most local come first.
   */
  site?: string;
  onlineDepth?: string;
  crossRegionScope?: string;
  kind?: string;
  type?: string;
}

interface Entry {
  code: string;
  nameLength: number;
  status: string;
  department: string;
  region: string;
  level: string;
  type: string;
  kind: string;
  depth: string;
  scope: string;
  audience: string[];
  themes: string[];
  /** `name terms \u0001 alias terms \u0001 department terms`: one string to search. */
  haystack: string;
  keywordsStart: number;
  departmentStart: number;
  /** Position in the listing order (department, name, code). */
  listOrder: number;
  /** Position in code order, the last tie-breaker of a search. */
  codeOrder: number;
}

/**
 * An in-memory index of the searchable columns, so a search over 45,800 items touches the database
 * only to read the page it shows. Candidates come from character and character-pair postings, then
 * each is checked with a substring test; ranking is name before aliases before department, a match at
 * the start of the name first, then shorter names. Every process keeps its own copy and rebuilds it
 * when `catalogue_state.version` changes (one primary-key read per search not answered from the kept
 * answers, see `searchCheckMs`), so every process shows a change within that time.
 */
export class SearchIndex {
  private entries: Entry[] = [];
  private postings = new Map<string, Int32Array>();
  private byListOrder: Int32Array = new Int32Array(0);
  private byCodeOrder: Int32Array = new Int32Array(0);
  private version = -1;
  private loading: Promise<void> | undefined;

  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  /** Rebuilds the index when the catalogue changed since it was built. */
  async ensureFresh(): Promise<void> {
    this.loading ??= (async () => {
      try {
        const state = await this.db
          .selectFrom('catalogue_state')
          .select('version')
          .where('id', '=', 1)
          .executeTakeFirst();
        const version = Number(state?.version ?? 0);
        if (version !== this.version) await this.load(version);
      } finally {
        this.loading = undefined;
      }
    })();
    await this.loading;
  }

  private async load(version: number): Promise<void> {
    const rows = await this.db
      .selectFrom('items')
      .select([
        'code',
        'name',
        'status',
        'department_id',
        'region_code',
        'level',
        'item_type',
        'kind',
        'online_depth',
        'cross_region_scope',
        'audience',
        'themes',
        'search_name',
        'search_keywords',
        'search_department',
      ])
      .execute();
    const entries: Entry[] = rows.map((row) => {
      const keywordsStart = row.search_name.length + 1;
      const departmentStart = keywordsStart + row.search_keywords.length + 1;
      return {
        code: row.code,
        nameLength: row.name.length,
        status: row.status,
        department: row.department_id,
        region: row.region_code,
        level: row.level,
        type: row.item_type,
        kind: row.kind,
        depth: row.online_depth,
        scope: row.cross_region_scope,
        audience: row.audience,
        themes: row.themes,
        haystack: `${row.search_name}\u0001${row.search_keywords}\u0001${row.search_department}`,
        keywordsStart,
        departmentStart,
        listOrder: 0,
        codeOrder: 0,
      };
    });
    const byCode = entries.map((_, i) => i).sort((a, b) => compare(entries[a]!.code, entries[b]!.code));
    byCode.forEach((index, order) => (entries[index]!.codeOrder = order));
    const names = new Map(rows.map((row) => [row.code, row.name]));
    const listing = entries
      .map((_, i) => i)
      .sort((a, b) => {
        const x = entries[a]!;
        const y = entries[b]!;
        return (
          compare(x.department, y.department) ||
          compare(names.get(x.code)!, names.get(y.code)!) ||
          compare(x.code, y.code)
        );
      });
    listing.forEach((index, order) => (entries[index]!.listOrder = order));
    const postings = postingsOf(entries);
    this.entries = entries;
    this.postings = postings;
    this.byListOrder = Int32Array.from(listing);
    this.byCodeOrder = Int32Array.from(byCode);
    this.version = version;
  }

  private matches(entry: Entry, filters: ItemFilters, prefixes: string[], sites: string[]): boolean {
    return (
      entry.status === filters.status &&
      (!sites.length || siteLocality(sites, entry.region, entry.level) >= 0) &&
      (!filters.department || entry.department === filters.department) &&
      (!filters.type || entry.type === filters.type) &&
      (!filters.kind || entry.kind === filters.kind) &&
      (!filters.onlineDepth || entry.depth === filters.onlineDepth) &&
      (!filters.crossRegionScope || entry.scope === filters.crossRegionScope) &&
      (prefixes.length === 0 || prefixes.some((prefix) => entry.region.startsWith(prefix))) &&
      (!filters.audience || entry.audience.includes(filters.audience)) &&
      (!filters.theme || entry.themes.includes(filters.theme))
    );
  }

  /**
   * The codes of one page: best match first for a query (normalised like the stored columns), else in
   * listing order. `more` says whether another page follows.
   */
  search(
    query: string,
    filters: ItemFilters,
    offset: number,
    limit: number,
  ): { codes: string[]; more: boolean } {
    const prefixes = (filters.region ?? []).map(regionPrefix);
    const sites = filters.site ? siteRegions(filters.site) : [];
    const locality = (entry: Entry) => (sites.length ? siteLocality(sites, entry.region, entry.level) : 0);
    const wanted = offset + limit + 1;
    if (!query) {
      const codes: string[] = [];
      // Listing order, the site's own items first: one pass per locality.
      for (let local = 0; local <= (sites.length ? 3 : 0) && codes.length < wanted; local++) {
        for (const index of this.byListOrder) {
          const entry = this.entries[index]!;
          if (locality(entry) !== local || !this.matches(entry, filters, prefixes, sites)) continue;
          codes.push(entry.code);
          if (codes.length >= wanted) break;
        }
      }
      return { codes: codes.slice(offset, offset + limit), more: codes.length > offset + limit };
    }
    const candidates = this.candidates(query);
    const keys: number[] = [];
    for (const index of candidates) {
      const entry = this.entries[index]!;
      const at = entry.haystack.indexOf(query);
      if (at < 0 || !this.matches(entry, filters, prefixes, sites)) continue;
      // A query may match inside the name, the aliases or the department: rank by the first field it hits.
      const field = at < entry.keywordsStart ? 0 : at < entry.departmentStart ? 1 : 2;
      const start = field === 0 && entry.haystack.startsWith(query) ? 0 : 1;
      // One number per match sorts by field, start, locality, name length and code; its low bits name the item.
      keys.push(
        (((field * 2 + start) * 4 + locality(entry)) * 4096 + Math.min(entry.nameLength, 4095)) * 1_048_576 +
          entry.codeOrder,
      );
    }
    const order = Float64Array.from(keys).sort();
    const page = Array.from(
      order.subarray(offset, offset + limit),
      (key) => this.entries[this.byCodeOrder[key % 1_048_576]!]!.code,
    );
    return { codes: page, more: order.length > offset + limit };
  }

  /** Items that could contain the query: the postings of its rarest character pair (or character). */
  private candidates(query: string): Iterable<number> {
    const grams =
      query.length === 1
        ? [query]
        : Array.from({ length: query.length - 1 }, (_, i) => query.slice(i, i + 2));
    let best: Int32Array | undefined;
    for (const gram of grams) {
      const list = this.postings.get(gram);
      if (!list) return [];
      if (!best || list.length < best.length) best = list;
    }
    return best ?? [];
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Each character and character pair of the entries' text, with the entries that hold it, in order. */
function postingsOf(entries: readonly Entry[]): Map<string, Int32Array> {
  const lists = new Map<string, number[]>();
  entries.forEach((entry, index) => {
    const grams = new Set<string>();
    const text = entry.haystack;
    for (let i = 0; i < text.length; i++) {
      grams.add(text[i]!);
      if (i + 1 < text.length) grams.add(text.slice(i, i + 2));
    }
    for (const gram of grams) {
      let list = lists.get(gram);
      if (!list) lists.set(gram, (list = []));
      list.push(index);
    }
  });
  const postings = new Map<string, Int32Array>();
  for (const [gram, list] of lists) postings.set(gram, Int32Array.from(list));
  return postings;
}
