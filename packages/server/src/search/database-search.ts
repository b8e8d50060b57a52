import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DatabaseSchema } from '../db/schema-types.js';
import type { ItemFilters } from '../items/search-index.js';
import { siteRegions } from '@banshi/sdk';
import { regionPrefix } from '../items/regions.js';
import { escapeLike } from '../items/search-terms.js';

/** One page of a search: the item codes in rank order, and whether more follow. */
export interface SearchPage {
  codes: string[];
  more: boolean;
}

/** The characters or character pairs an item must hold to contain `query` (see migration 0050). */
export function queryGrams(query: string): string[] {
  if (query.length === 1) return [query];
  return [...new Set(Array.from({ length: query.length - 1 }, (_, i) => query.slice(i, i + 2)))];
}

type Predicate = Expression<SqlBool>;

/**
 * Item search run by the database (PostgreSQL at provincial scale; it works on PGlite too). The same
 * ranking as the in-memory index: a match at the start of the name, then elsewhere in the name (its
 * pinyin and initials included), then in the aliases, then only in the department; within each, shorter
 * names first, then the code. Each rank is its own query, read in `(length, code)` order and stopped at
 * the page's end, so a frequent term walks an index in rank order instead of sorting every match, and a
 * rare one is found through the pair index. Every process reads the same rows, so a change is seen by
 * all of them as soon as it is committed.
 */
export class DatabaseSearch {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  /** Nothing is held in memory, so there is nothing to refresh. */
  async ensureFresh(): Promise<void> {}

  async search(query: string, filters: ItemFilters, offset: number, limit: number): Promise<SearchPage> {
    const wanted = offset + limit + 1;
    const codes: string[] = [];
    if (query.length >= 2) {
      for (const row of await this.pairQuery(query, filters, wanted).execute()) codes.push(row.code);
    } else {
      for (const [i, rank] of (query ? ranks(query) : [undefined]).entries()) {
        const count = wanted - codes.length;
        const rows = await (
          i === 0 && query
            ? this.prefixQuery(query, filters, count)
            : this.rankQuery(query, rank, filters, count)
        ).execute();
        for (const row of rows) codes.push(row.code);
        if (codes.length >= wanted) break;
      }
    }
    return { codes: codes.slice(offset, offset + limit), more: codes.length > offset + limit };
  }

  /**
   * A query of two characters or more: the items holding all its pairs come from the pair index (few,
   * even for common words), then are ranked and sorted in one pass.
   */
  private pairQuery(query: string, filters: ItemFilters, count: number) {
    const inside = `%${escapeLike(query)}%`;
    const start = `${escapeLike(query)}%`;
    const candidates = this.filtered(filters)
      .select(['code', 'name', 'region_code', 'level', 'search_name', 'search_keywords', 'search_department'])
      .where(sql<SqlBool>`search_grams @> ${sql.val(queryGrams(query))}::text[]`);
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
   * The first rank of a one-character query, names that start with it: few, found through the prefix
   * index (walking the rank order for them would read most of the catalogue).
   */
  private prefixQuery(query: string, filters: ItemFilters, count: number) {
    const candidates = this.filtered(filters)
      .select(['code', 'name', 'region_code', 'level'])
      .where('search_name', 'like', `${escapeLike(query)}%`);
    return this.db
      .with(
        (cte) => cte('candidates').materialized(),
        () => candidates,
      )
      .selectFrom('candidates')
      .select('code')
      .$if(!!filters.site, (q) => q.orderBy(locality(filters.site!)))
      .orderBy(sql`char_length(name)`)
      .orderBy('code')
      .limit(count);
  }

  /** The items of the filters (status, department, type, region, audience, theme, …). */
  private filtered(filters: ItemFilters) {
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
    if (filters.site) {
      const sites = siteRegions(filters.site);
      select = select.where((eb) => eb.or([eb('region_code', 'in', sites), eb('level', '=', 'national')]));
    }
    return select;
  }

  /**
   * One rank of a one-character query, or the listing without a query, read in order from an index
   * and stopped at `count`: a single character is common, so walking in rank order finds a page soon.
   */
  private rankQuery(query: string, rank: Predicate | undefined, filters: ItemFilters, count: number) {
    const select = this.filtered(filters)
      .select('code')
      .$if(!!filters.site, (q) => q.orderBy(locality(filters.site!)))
      .limit(count);
    if (!rank) return select.orderBy('department_id').orderBy('name').orderBy('code');
    return select
      .where(sql<SqlBool>`search_grams @> ${sql.val(queryGrams(query))}::text[]`)
      .where(rank)
      .orderBy(sql`char_length(name)`)
      .orderBy('code');
  }
}

/** The site's own items first, then its city's, its province's, national ones. */
function locality(site: string) {
  const [own, city, province] = siteRegions(site);
  return sql`case region_code when ${own} then 0 when ${city ?? own} then 1 when ${province ?? own} then 2 else 3 end`;
}

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
