import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';
import type { ItemFilters } from '../items/search-index.js';
import { siteRegions } from '@banshi/sdk';
import { regionPrefix } from '../items/regions.js';
import { escapeLike } from '../items/search-terms.js';
import { ItemCache } from '../items/item-cache.js';

/**
 * Where a page of a database search ends: the sort key of its last item (the rank, the name's length
 * and the code after a query; the site's locality too with a site; the listing's columns without a
 * query). The next page starts after it, so an item added or removed meanwhile neither repeats nor
 * hides another, and a deep page reads on from where the last one ended.
 */
export type SearchPosition = (string | number)[];

/** One page of a search: the item codes in rank order, whether more follow, and where they start. */
export interface SearchPage {
  codes: string[];
  more: boolean;
  next?: SearchPosition;
}

/** A row of a search's SQL: the item and its sort key. */
interface Found {
  code: string;
  key: SearchPosition;
}

/**
 * The characters or character pairs (`size` 2, migration 0050), or the character triples (`size` 3,
 * migration 0150), an item must hold to contain `query`.
 */
export function queryGrams(query: string, size = 2): string[] {
  if (query.length < size) return [query];
  return [...new Set(Array.from({ length: query.length - size + 1 }, (_, i) => query.slice(i, i + size)))];
}

type Predicate = Expression<SqlBool>;

/** Name lengths from this one on share a tag in `search_field_grams` (see migration 0090). */
const lastLengthTag = 64;

/**
 * Item search run by the database (PostgreSQL at provincial scale; it works on PGlite too). The same
 * ranking as the in-memory index: a match at the start of the name, then elsewhere in the name (its
 * pinyin and initials included), then in the aliases, then only in the department; within each, shorter
 * names first, then the code. A frequent query would rank tens of thousands of items for one page, so
 * each rank is read one name length at a time, shortest first, and stopped when the page is full: the
 * first rank through an index of (status, name length, name), the others through the pairs (triples from
 * three characters on) tagged with the name's length. A rare query costs the walk a few hundred index
 * probes that find nothing, less than counting a frequent query's matches to tell the two apart. A
 * site's search reads the site's items that hold the query and ranks them in one pass (they are few).
 * Every process reads the same rows, so a change is seen by all of them once committed.
 *
 * Residents ask the same few words all day, so the last 2,000 pages (words, filters, page) are kept and
 * dropped when the catalogue's version changes, read at most every `checkEveryMs` (see
 * {@link searchCheckMs}), and at once when this process changes the catalogue. The in-memory index
 * needs no such cache.
 */
export class DatabaseSearch {
  private readonly pages: ItemCache<SearchPage>;

  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    checkEveryMs = searchCheckMs,
  ) {
    this.pages = new ItemCache<SearchPage>(db, keptSearchPages, checkEveryMs);
  }

  /** Nothing but kept pages is held in memory, and those check the version themselves. */
  async ensureFresh(): Promise<void> {}

  /**
   * The page of `limit` items after `after` (a previous page's `next`), or else after the first
   * `offset` items. A position that does not fit the search's sort key is refused with
   * {@link isSearchPosition} before it gets here.
   */
  async search(
    query: string,
    filters: ItemFilters,
    offset: number,
    limit: number,
    after?: SearchPosition,
  ): Promise<SearchPage> {
    const skip = after ? 0 : offset;
    const page = await this.pages.get(pageKey(query, filters, skip, limit, after), async () => {
      const found = await this.searchNow(query, filters, skip + limit + 1, after);
      const shown = found.slice(skip, skip + limit);
      const more = found.length > skip + limit;
      return { codes: shown.map((row) => row.code), more, ...(more ? { next: shown.at(-1)!.key } : {}) };
    });
    return page!;
  }

  /** The first `wanted` items after `after` as the database ranks them now. */
  private async searchNow(
    query: string,
    filters: ItemFilters,
    wanted: number,
    after?: SearchPosition,
  ): Promise<Found[]> {
    if (!query) return (await this.listing(filters, wanted, after).execute()) as Found[];
    // A site's items are its county's, city's and province's and the national ones: few enough to rank
    // in one pass, nearest first within each rank.
    if (filters.site) return (await this.rankedQuery(query, filters, wanted, after).execute()) as Found[];
    const [fromRank, fromLength, fromCode] = (after ?? [0]) as [number, number?, string?];
    const walks = ranks(query).flatMap((rank, i) => {
      if (i < fromRank) return [];
      const from =
        i === fromRank && fromCode !== undefined ? { length: fromLength!, code: fromCode } : undefined;
      return [
        i === 0
          ? this.prefixWalk(query, filters, wanted, from)
          : this.pairWalk(query, i, rank, filters, wanted, from),
      ];
    });
    // One statement for every rank: PostgreSQL appends the walks in order (no parallel workers on these
    // connections) and stops at the limit, so a later rank's walk runs only when the earlier ones fall
    // short, without a round trip and a plan of its own.
    const { rows } = await sql<{ code: string; name_length: number; rank: number }>`select * from (${sql.join(
      walks,
      sql` union all `,
    )}) as walks limit ${wanted}`.execute(this.db);
    return rows.map((row) => ({ code: row.code, key: [row.rank, row.name_length, row.code] }));
  }

  /**
   * A site's search: the site's items that hold the query's pairs, found through their pairs tagged
   * with the region (migration 0170), ranked and sorted in one pass. Not through the untagged pairs: a
   * frequent pair's posting list (证: 246,000 items at a million) costs more to read than the few
   * thousand items of a site.
   */
  private rankedQuery(query: string, filters: ItemFilters, count: number, after?: SearchPosition) {
    const inside = `%${escapeLike(query)}%`;
    const start = `${escapeLike(query)}%`;
    const order = [
      sql`case when search_name like ${start} then 0 when search_name like ${inside} then 1
        when search_keywords like ${inside} then 2 else 3 end`,
      locality(filters.site!),
      sql`char_length(name)`,
      sql.ref('code'),
    ];
    const candidates = this.filtered(filters, query).select([
      'code',
      'name',
      'region_code',
      'search_name',
      'search_keywords',
      'search_department',
    ]);
    return this.db
      .with(
        (cte) => cte('candidates').materialized(),
        () => candidates,
      )
      .selectFrom('candidates')
      .select(['code', sortKey(order)])
      .where((eb) =>
        eb.or([
          eb('search_name', 'like', inside),
          eb('search_keywords', 'like', inside),
          eb('search_department', 'like', inside),
        ]),
      )
      .$if(!!after, (q) => q.where(past(order, after!)))
      .orderBy(sql.join(order))
      .limit(count);
  }

  /**
   * The items of the filters (status, department, type, region, audience, theme, …). With a `query`, a
   * site's items are only those holding the query's characters or pairs (migration 0170).
   */
  private filtered(filters: ItemFilters, query = '') {
    let select = this.db.selectFrom('items').where('status', '=', filters.status);
    if (filters.department) select = select.where('department_id', '=', filters.department);
    if (filters.type) select = select.where('item_type', '=', filters.type);
    if (filters.kind) select = select.where('kind', '=', filters.kind);
    if (filters.onlineDepth) select = select.where('online_depth', '=', filters.onlineDepth);
    if (filters.crossRegionScope) select = select.where('cross_region_scope', '=', filters.crossRegionScope);
    if (filters.audience) select = select.where(sql<SqlBool>`audience @> array[${filters.audience}]::text[]`);
    if (filters.theme) select = select.where(sql<SqlBool>`themes @> array[${filters.theme}]::text[]`);
    const regions = (filters.region ?? []).map((code) => `${escapeLike(regionPrefix(code))}%`);
    if (regions.length)
      select = select.where((eb) => eb.or(regions.map((prefix) => eb('region_code', 'like', prefix))));
    if (filters.site && query) select = select.where(siteHolds(filters.site, query));
    else if (filters.site) {
      const sites = siteRegions(filters.site);
      select = select.where((eb) => eb.or([eb('region_code', 'in', sites), eb('level', '=', 'national')]));
    }
    return select;
  }

  /** The listing without a query: the site's own items first, then department, name, code. */
  private listing(filters: ItemFilters, count: number, after?: SearchPosition) {
    const order = [
      ...(filters.site ? [locality(filters.site)] : []),
      sql.ref('department_id'),
      sql.ref('name'),
      sql.ref('code'),
    ];
    return this.filtered(filters)
      .select(['code', sortKey(order)])
      .$if(!!after, (q) => q.where(past(order, after!)))
      .orderBy(sql.join(order))
      .limit(count);
  }

  /**
   * The first rank of a frequent query, names that start with it, one length at a time through
   * `items_search_length_prefix`: each length is a range of that index, so only the page is read.
   */
  private prefixWalk(query: string, filters: ItemFilters, count: number, from?: WalkStart) {
    const start = `${escapeLike(query)}%`;
    const atLength = (longer: boolean) =>
      this.filtered(filters)
        .select(['code', 'name_length'])
        .where(sql<SqlBool>`${sql.ref('length.n')} ${sql.raw(longer ? '=' : '<')} ${lastLengthTag}`)
        .where('name_length', longer ? '>=' : '=', sql<number>`${sql.ref('length.n')}`)
        .where('search_name', 'like', start)
        .$if(!!from, (q) => q.where(pastInWalk(from!)))
        .orderBy('name_length')
        .orderBy('code')
        .limit(count);
    return walk(0, count, sql`(${atLength(false)} union all ${atLength(true)})`, from);
  }

  /**
   * One later rank of a frequent query, one length at a time through the pairs of the rank's field
   * tagged with the name's length (`items_search_field_grams`), so a term held by 60,000 items reads
   * only the shortest few that hold it in that field.
   */
  private pairWalk(
    query: string,
    rank: number,
    holds: Predicate,
    filters: ItemFilters,
    count: number,
    from?: WalkStart,
  ) {
    // Triples from three characters on: pairs of pinyin letters are held by far more items than hold
    // the query, and each of those is read from the table only to be rejected.
    const size = query.length >= 3 ? 3 : 2;
    const grams = sql.val(queryGrams(query, size).map((gram) => fields[rank] + gram));
    const held =
      size === 3
        ? sql`banshi_search_field_triples(search_name, search_keywords, search_department, name_length)`
        : sql.ref('search_field_grams');
    // The pairs tagged with this length, in one expression an index scan can take.
    const tagged = sql`string_to_array(array_to_string(${grams}::text[], chr(2) || ${sql.ref('length.n')} || chr(3))
      || chr(2) || ${sql.ref('length.n')}, chr(3))`;
    const atLength = this.filtered(filters)
      .select(['code', 'name_length'])
      .where(sql<SqlBool>`${held} @> ${tagged}`)
      .where(holds)
      .$if(!!from, (q) => q.where(pastInWalk(from!)))
      .orderBy('name_length')
      .orderBy('code')
      .limit(count);
    return walk(rank, count, atLength, from);
  }
}

/**
 * Runs `atLength` for each name length, shortest first, until `count` rows are found, each row tagged
 * with the rank. From 1, not the query's length (the pinyin of a name is longer than the name), or from
 * where a page ended.
 */
function walk(rank: number, count: number, atLength: Expression<unknown>, from?: WalkStart) {
  const first = Math.min(from?.length ?? 1, lastLengthTag);
  return sql`(select found.code, found.name_length, ${rank}::int as rank
    from generate_series(${first}::int, ${lastLengthTag}::int) as length(n)
    cross join lateral ${atLength} as found
    limit ${count})`;
}

/** How many search pages (and ready answers, see `KeptSearchAnswers`) a process keeps. */
export const keptSearchPages = 2000;

/**
 * How often a process reads `catalogue_state.version` before answering a search from what it kept, so
 * a change made through another process shows within this time, or `dueGraceMs` more while a due read
 * runs in the background (500 ms in all; the promise is a second). Polled
 * rather than LISTEN/NOTIFY: it works the same on PGlite and PostgreSQL and behind a transaction-mode
 * pooler, needs no connection held open per process, and costs at most four primary-key reads a
 * second per process, shared by every request waiting at that moment; answers in between run no SQL.
 */
export const searchCheckMs = 250;

/** One search page's key: the same filters in any order give the same key. */
export function pageKey(
  query: string,
  filters: ItemFilters,
  offset: number,
  limit: number,
  after?: SearchPosition,
): string {
  const sorted = Object.entries(filters).sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([query, sorted, offset, limit, after ?? null]);
}

/**
 * Whether `value` can be a {@link SearchPosition} of a search with or without a query and a site:
 * numbers where the sort key has them, short texts elsewhere, so a cursor made up by hand is refused
 * rather than compared with the wrong type.
 */
export function isSearchPosition(value: unknown, query: boolean, site: boolean): value is SearchPosition {
  // Rank, name length, code; with a site: rank, locality, name length, code; listing: (locality,)
  // department, name, code.
  const kinds = query ? (site ? 'nnns' : 'nns') : site ? 'nsss' : 'sss';
  return (
    Array.isArray(value) &&
    value.length === kinds.length &&
    value.every((part, i) =>
      kinds[i] === 'n'
        ? Number.isSafeInteger(part) && (part as number) >= 0 && (part as number) <= 100_000
        : typeof part === 'string' && part.length <= 500,
    )
  );
}

/** Where a walk resumes: the rank's name length and code after which it goes on. */
interface WalkStart {
  length: number;
  code: string;
}

/** The rows of a walk's rank after where the last page ended. */
function pastInWalk(from: WalkStart): Predicate {
  return sql<SqlBool>`(name_length, code) > (${from.length}::int, ${from.code}::text)`;
}

/** The sort key of each row as `key`, a JSON array of the `order` expressions. */
function sortKey(order: Expression<unknown>[]) {
  return sql<SearchPosition>`json_build_array(${sql.join(order)})`.as('key');
}

/** The rows after `after` in the `order` (ascending). */
function past(order: Expression<unknown>[], after: SearchPosition): Predicate {
  return sql<SqlBool>`(${sql.join(order)}) > (${sql.join(after.map((part) => sql.val(part)))})`;
}

/**
 * Items of the site's regions (and national ones, tagged '') holding every character pair of `query`
 * (its one character when that is all), each region one lookup of `items_search_region_grams`.
 */
function siteHolds(site: string, query: string): Predicate {
  const grams = queryGrams(query);
  const held = sql`banshi_search_region_grams(region_code, level, search_grams)`;
  const tags = [...new Set([...siteRegions(site), ''])];
  return sql<SqlBool>`(${sql.join(
    tags.map((tag) => sql`${held} @> ${sql.val(grams.map((gram) => `${tag}\u0002${gram}`))}::text[]`),
    sql` or `,
  )})`;
}

/** The site's own items first, then its city's, its province's, national ones. */
function locality(site: string) {
  const [own, city, province] = siteRegions(site);
  return sql`case region_code when ${own} then 0 when ${city ?? own} then 1 when ${province ?? own} then 2 else 3 end`;
}

/** The field whose tagged pairs serve each rank of {@link ranks}: the name, the aliases, the department. */
const fields = ['n', 'n', 'k', 'd'];

/** The four ranks of a query, best first, each excluding the better ones. */
function ranks(query: string): Predicate[] {
  const inside = `%${escapeLike(query)}%`;
  const start = `${escapeLike(query)}%`;
  return [
    sql<SqlBool>`search_name like ${start}`,
    sql<SqlBool>`search_name like ${inside} and search_name not like ${start}`,
    sql<SqlBool>`search_keywords like ${inside} and search_name not like ${inside}`,
    sql<SqlBool>`search_department like ${inside} and search_keywords not like ${inside} and search_name not like ${inside}`,
  ];
}
