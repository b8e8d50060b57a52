import { sql, type SqlBool, type Expression } from 'kysely';
import type { HandlerTable, OperationContext } from '../http/operation.js';
import { decodeCursor, encodeCursor, isOffsetCursor } from '../http/pagination.js';
import { ProblemError } from '../http/problem.js';
import { escapeLike, normaliseQuery } from './search-terms.js';
import { regionPrefix } from './regions.js';

function json(
  ctx: OperationContext,
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/** The localised column of an item: the translation when the locale has one, else the original. */
function localised(ctx: OperationContext, column: 'summary' | 'document') {
  return ctx.locale === 'zh-CN'
    ? sql<string>`${sql.ref(column)}::text`
    : sql<string>`coalesce(translations->${ctx.locale}->${column}, ${sql.ref(column)})::text`;
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header === '*' || header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** The 404 for an unknown item code. */
function itemNotFound(code: string) {
  return new ProblemError(404, 'not_found', { detailKey: 'problem.itemNotFound', params: { code } });
}

export const itemHandlers: HandlerTable = {
  async listItems(ctx) {
    const query = ctx.request.query;
    const limit = (query.limit as number | undefined) ?? 20;
    const offset = decodeCursor(query.cursor, isOffsetCursor)?.o ?? 0;
    const q = typeof query.q === 'string' ? normaliseQuery(query.q) : '';
    let select = ctx.db
      .selectFrom('items')
      .where('status', '=', (query.status as string | undefined) ?? 'active');
    if (query.department) select = select.where('department_id', '=', query.department as string);
    if (query.theme)
      select = select.where('themes', '@>', sql<string[]>`array[${query.theme as string}]::text[]`);
    if (query.audience)
      select = select.where('audience', '@>', sql<string[]>`array[${query.audience as string}]::text[]`);
    if (query.region)
      select = select.where('region_code', 'like', `${regionPrefix(query.region as string)}%`);
    if (query.onlineDepth) select = select.where('online_depth', '=', query.onlineDepth as string);
    if (query.crossRegionScope)
      select = select.where('cross_region_scope', '=', query.crossRegionScope as string);
    if (query.kind) select = select.where('kind', '=', query.kind as string);
    if (query.type) select = select.where('item_type', '=', query.type as string);
    let rows: { summary: string }[];
    if (q) {
      const contains = `%${escapeLike(q)}%`;
      const startsWith = `${escapeLike(q)}%`;
      const inName: Expression<SqlBool> = sql<SqlBool>`search_name like ${contains}`;
      const inKeywords: Expression<SqlBool> = sql<SqlBool>`search_keywords like ${contains}`;
      const inDepartment: Expression<SqlBool> = sql<SqlBool>`search_department like ${contains}`;
      rows = await select
        .where((eb) => eb.or([inName, inKeywords, inDepartment]))
        .select(localised(ctx, 'summary').as('summary'))
        // Name before aliases before department; within each, a match at the start, then shorter names.
        .orderBy(sql`case when ${inName} then 0 when ${inKeywords} then 1 else 2 end`)
        .orderBy(sql`case when search_name like ${startsWith} then 0 else 1 end`)
        .orderBy(sql`length(name)`)
        .orderBy('code')
        .limit(limit + 1)
        .offset(offset)
        .execute();
    } else {
      rows = await select
        .select(localised(ctx, 'summary').as('summary'))
        .orderBy('department_id')
        .orderBy('name')
        .orderBy('code')
        .limit(limit + 1)
        .offset(offset)
        .execute();
    }
    const more = rows.length > limit;
    const items = rows.slice(0, limit).map((row) => row.summary);
    const body = `{"items":[${items.join(',')}],"nextCursor":${more ? JSON.stringify(encodeCursor({ o: offset + limit })) : 'null'}}`;
    return new Response(body, {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
  },

  async getItem(ctx) {
    const code = ctx.request.path.code as string;
    const row = await ctx.db
      .selectFrom('items')
      .select(['etag', localised(ctx, 'document').as('document')])
      .where('code', '=', code)
      .executeTakeFirst();
    if (!row) throw itemNotFound(code);
    const etag = row.etag.replace(/"$/, `-${ctx.locale}"`);
    if (etagMatches(ctx.c.req.header('if-none-match'), etag))
      return new Response(null, { status: 304, headers: { ETag: etag } });
    return new Response(row.document, {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8', ETag: etag, 'cache-control': 'no-cache' },
    });
  },

  async getItemForm(ctx) {
    const code = ctx.request.path.code as string;
    const row = await ctx.db
      .selectFrom('items')
      .select(['etag', sql<string | null>`form::text`.as('form')])
      .where('code', '=', code)
      .executeTakeFirst();
    if (!row?.form) throw itemNotFound(code);
    const etag = row.etag.replace(/^"i-/, '"f-');
    if (etagMatches(ctx.c.req.header('if-none-match'), etag))
      return new Response(null, { status: 304, headers: { ETag: etag } });
    return new Response(row.form, {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8', ETag: etag, 'cache-control': 'no-cache' },
    });
  },
};

export { json };
