import { sql } from 'kysely';
import { jsonText, type Schema } from '../http/contract.js';
import { ok, type CallContext, type Handlers, type OperationContext } from '../http/operation.js';
import { decodeCursor, encodeCursor, isOffsetCursor, pageWindow } from '../http/pagination.js';
import { problems } from '../http/problem.js';
import { cachedAnswer } from './item-answer.js';
import { normaliseQuery } from './search-terms.js';
import { applicationCounts, byPopularity } from './popular.js';
import type { ItemFilters } from './search-index.js';
import {
  isSearchPosition,
  pageKey,
  type SearchPage,
  type SearchPosition,
} from '../search/database-search.js';
import { requestKey } from '../search/kept-answers.js';
import { plainGet } from '../http/hot-request.js';

/** How many matching items a popularity order ranks: a district's whole catalogue, a province's best matches. */
const POPULAR_CANDIDATES = 5000;
import { withFormSession } from '../uploads/form-session-answer.js';
import { withVerifiedApplicant } from '../cases/verified-applicant.js';

/** The localised column of an item: the translation when the locale has one, else the original. */
function localised(ctx: CallContext, column: 'summary' | 'document') {
  return ctx.locale === 'zh-CN'
    ? sql<string>`${sql.ref(column)}::text`
    : sql<string>`coalesce(translations->${ctx.locale}->${column}, ${sql.ref(column)})::text`;
}

/** A page of the matching items, the most applied-for first (热门事项). */
async function popularPage(ctx: CallContext, q: string, filters: ItemFilters, offset: number, limit: number) {
  const [all, counts] = await Promise.all([
    ctx.services.searchIndex.search(q, filters, 0, POPULAR_CANDIDATES),
    applicationCounts(ctx.db, ctx.services.clock()),
  ]);
  const codes = byPopularity(all.codes, counts);
  return { codes: codes.slice(offset, offset + limit), more: codes.length > offset + limit };
}

/** A search's answer as JSON text: the page's items' summaries in the request's language. */
async function searchAnswer(
  ctx: OperationContext,
  q: string,
  chosen: ItemFilters,
  offset: number,
  limit: number,
  popular: boolean,
  after?: SearchPosition,
): Promise<string> {
  const index = ctx.services.searchIndex;
  await index.ensureFresh();
  const { codes, more, next }: SearchPage = popular
    ? await popularPage(ctx, q, chosen, offset, limit)
    : await index.search(q, chosen, offset, limit, after);
  const rows = codes.length
    ? await ctx.db
        .selectFrom('items')
        .select(['code', localised(ctx, 'summary').as('summary')])
        .where('code', 'in', codes)
        .execute()
    : [];
  const byCode = new Map(rows.map((row) => [row.code, row.summary]));
  // An item deleted since the index was built is skipped rather than shown empty.
  const items = codes
    .map((code) => byCode.get(code))
    .filter((summary): summary is string => summary !== undefined);
  const cursor = more && searchCursor(ctx, offset + limit, next);
  return `{"items":[${items.join(',')}],"nextCursor":${cursor ? JSON.stringify(cursor) : 'null'}}`;
}

/** The longest cursor the document accepts, read on the first search. */
let longestCursor: number | undefined;

/**
 * The cursor of the page after: its position, with its offset for the in-memory index. A position longer
 * than a cursor may be (a long name in a listing's sort key) is left out, and that page goes by offset.
 */
function searchCursor(ctx: OperationContext, offset: number, next?: SearchPosition): string {
  longestCursor ??= Number(ctx.operation.parameters.find((p) => p.name === 'cursor')?.schema.maxLength ?? 0);
  const cursor = next && encodeCursor({ o: offset, k: next });
  return cursor && cursor.length <= longestCursor ? cursor : encodeCursor({ o: offset });
}

/**
 * Where a search's cursor says the page starts: the offset the in-memory index and the popularity order
 * page by, and the position in the database search's order (see `SearchPosition`).
 */
function searchStart(
  cursor: string | undefined,
  query: string,
  site: string | undefined,
): { offset: number; after?: SearchPosition } {
  const fits = (value: unknown): value is { o: number; k?: SearchPosition } => {
    const position = isOffsetCursor(value) ? (value as { k?: unknown }).k : null;
    return position === undefined || isSearchPosition(position, !!query, !!site);
  };
  const start = decodeCursor(cursor, fits);
  return { offset: start?.o ?? 0, after: start?.k };
}

/** The catalogue: search, an item's guide and its application form. */
export const itemHandlers: Handlers<'listItems' | 'getItem' | 'getItemForm'> = {
  async listItems(ctx) {
    const { cursor, limit: asked, q: text, status, sort, ...filters } = ctx.request.query;
    const { limit } = pageWindow({ limit: asked });
    const q = text === undefined ? '' : normaliseQuery(text);
    const chosen = { status: status ?? 'active', ...filters };
    const { offset, after: position } = searchStart(cursor, q, filters.site);
    const after = sort === 'popular' ? undefined : position;
    const answer = () => searchAnswer(ctx, q, chosen, offset, limit, sort === 'popular', after);
    // The answer depends on the words, filters (the site's included), page and language alone, except in
    // popularity order, which follows the application counts as well.
    if (sort === 'popular') return { status: 200, body: jsonText<Schema<'ItemPage'>>(await answer()) };
    // A GET validated here is remembered, so the same request again is answered before routing.
    const get = plainGet(ctx.c.req.raw, ctx.c.env);
    const body = await ctx.services.searchAnswers.get(
      `${ctx.locale} ${pageKey(q, chosen, offset, limit, after)}`,
      get && requestKey(ctx.locale, get.path),
      answer,
    );
    return { status: 200, body: jsonText<Schema<'ItemPage'>>(body.toString('utf8')) };
  },

  async getItem(ctx) {
    const code = ctx.request.path.code;
    const found = await ctx.services.itemCache.get(`item:${ctx.locale}:${code}`, async () => {
      const row = await ctx.db
        .selectFrom('items')
        .select(['etag', localised(ctx, 'document').as('document')])
        .where('code', '=', code)
        .executeTakeFirst();
      return row ? { etag: row.etag.replace(/"$/, `-${ctx.locale}"`), body: row.document } : undefined;
    });
    if (!found) throw problems.itemNotFound(code);
    return cachedAnswer<Schema<'Item'>>(found, ctx.request.headers['If-None-Match']);
  },

  async getItemForm(ctx) {
    const code = ctx.request.path.code;
    const found = await ctx.services.itemCache.get(`form:${code}`, async () => {
      const row = await ctx.db
        .selectFrom('items')
        .select(['etag', sql<string | null>`form::text`.as('form')])
        .where('code', '=', code)
        .executeTakeFirst();
      return row?.form ? { etag: row.etag.replace(/^"i-/, '"f-'), body: row.form } : undefined;
    });
    if (!found) throw problems.itemNotFound(code);
    // Every read issues a fresh form session, so the answer is never a 304 and never cached.
    return ok(
      jsonText<Schema<'FormDefinition'>>(withFormSession(ctx, code, withVerifiedApplicant(ctx, found.body))),
    );
  },
};
