import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';
import type { ItemFilters } from '../items/search-index.js';
import { siteRegions } from '@banshi/sdk';
import { regionPrefix } from '../items/regions.js';
import { escapeLike } from '../items/search-terms.js';
import { ItemCache } from '../items/item-cache.js';

/** One page of a search: the item codes in rank order, and whether more follow. */
export interface SearchPage {
  codes: string[];
  more: boolean;
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

  async search(query: string, filters: ItemFilters, offset: number, limit: number): Promise<SearchPage> {
    const page = await this.pages.get(pageKey(query, filters, offset, limit), () =>
      this.searchNow(query, filters, offset, limit),
    );
    return page!;
  }

  /** The page as the database ranks it now. */
  private async searchNow(
    query: string,
    filters: ItemFilters,
    offset: number,
    limit: number,
  ): Promise<SearchPage> {
    const wanted = offset + limit + 1;
    const codes: string[] = [];
    if (!query) {
      for (const row of await this.listing(filters, wanted).execute()) codes.push(row.code);
    } else if (filters.site) {
      // A site's items are its county's, city's and province's and the national ones: few enough to
      // rank in one pass, nearest first within each rank.
      for (const row of await this.rankedQuery(query, filters, wanted).execute()) codes.push(row.code);
    } else {
      for (const [i, rank] of ranks(query).entries()) {
        const count = wanted - codes.length;
        const { rows } = await (i === 0
          ? this.prefixWalk(query, filters, count)
          : this.pairWalk(query, fields[i]!, rank, filters, count));
        for (const row of rows) codes.push(row.code);
        if (codes.length >= wanted) break;
      }
    }
    return { codes: codes.slice(offset, offset + limit), more: codes.length > offset + limit };
  }

  /**
   * A site's search: the site's items that hold the query's pairs, found through their pairs tagged
   * with the region (migration 0170), ranked and sorted in one pass. Not through the untagged pairs: a
   * frequent pair's posting list (证: 246,000 items at a million) costs more to read than the few
   * thousand items of a site.
   */
  private rankedQuery(query: string, filters: ItemFilters, count: number) {
    const inside = `%${escapeLike(query)}%`;
    const start = `${escapeLike(query)}%`;
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
      .select('code')
      .where((eb) =>
        eb.or([
          eb('search_name', 'like', inside),
          eb('search_keywords', 'like', inside),
          eb('search_department', 'like', inside),
        ]),
      )
      .orderBy(
        sql`case when search_name like ${start} then 0 when search_name like ${inside} then 1
          when search_keywords like ${inside} then 2 else 3 end`,
      )
      .$if(!!filters.site, (q) => q.orderBy(locality(filters.site!)))
      .orderBy(sql`char_length(name)`)
      .orderBy('code')
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

  /** The listing without a query: department, name, code. */
  private listing(filters: ItemFilters, count: number) {
    return this.filtered(filters)
      .select('code')
      .$if(!!filters.site, (q) => q.orderBy(locality(filters.site!)))
      .orderBy('department_id')
      .orderBy('name')
      .orderBy('code')
      .limit(count);
  }

  /**
   * The first rank of a frequent query, names that start with it, one length at a time through
   * `items_search_length_prefix`: each length is a range of that index, so only the page is read.
   */
  private prefixWalk(query: string, filters: ItemFilters, count: number) {
    const start = `${escapeLike(query)}%`;
    const atLength = (longer: boolean) =>
      this.filtered(filters)
        .select(['code', 'name_length'])
        .where(sql<SqlBool>`${sql.ref('length.n')} ${sql.raw(longer ? '=' : '<')} ${lastLengthTag}`)
        .where('name_length', longer ? '>=' : '=', sql<number>`${sql.ref('length.n')}`)
        .where('search_name', 'like', start)
        .orderBy('name_length')
        .orderBy('code')
        .limit(count);
    return this.walk(count, sql`(${atLength(false)} union all ${atLength(true)})`);
  }

  /**
   * One later rank of a frequent query, one length at a time through the pairs of the rank's field
   * tagged with the name's length (`items_search_field_grams`), so a term held by 60,000 items reads
   * only the shortest few that hold it in that field.
   */
  private pairWalk(query: string, field: string, rank: Predicate, filters: ItemFilters, count: number) {
    // Triples from three characters on: pairs of pinyin letters are held by far more items than hold
    // the query, and each of those is read from the table only to be rejected.
    const size = query.length >= 3 ? 3 : 2;
    const grams = sql.val(queryGrams(query, size).map((gram) => field + gram));
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
      .where(rank)
      .orderBy('name_length')
      .orderBy('code')
      .limit(count);
    return this.walk(count, atLength);
  }

  /**
   * Runs `atLength` for each name length, shortest first, until `count` rows are found. From 1, not
   * the query's length: the pinyin of a name is longer than the name.
   */
  private walk(count: number, atLength: Expression<unknown>) {
    return sql<{ code: string }>`select found.code
      from generate_series(1, ${lastLengthTag}::int) as length(n)
      cross join lateral ${atLength} as found
      limit ${count}`.execute(this.db);
  }
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
export function pageKey(query: string, filters: ItemFilters, offset: number, limit: number): string {
  const sorted = Object.entries(filters).sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([query, sorted, offset, limit]);
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
