import { sql } from 'kysely';
import { fastResponse, type HandlerTable, type OperationContext } from '../http/operation.js';
import { decodeCursor, encodeCursor, isOffsetCursor } from '../http/pagination.js';
import { ProblemError } from '../http/problem.js';
import { normaliseQuery } from './search-terms.js';
import { requestHeader } from '../http/headers.js';
import { withFormSession } from '../uploads/form-session-answer.js';

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
    const index = ctx.services.searchIndex;
    await index.ensureFresh();
    const { codes, more } = index.search(
      q,
      {
        status: (query.status as string | undefined) ?? 'active',
        department: query.department as string | undefined,
        theme: query.theme as string | undefined,
        audience: query.audience as string | undefined,
        region: query.region as string | undefined,
        onlineDepth: query.onlineDepth as string | undefined,
        crossRegionScope: query.crossRegionScope as string | undefined,
        kind: query.kind as string | undefined,
        type: query.type as string | undefined,
      },
      offset,
      limit,
    );
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
    const body = `{"items":[${items.join(',')}],"nextCursor":${more ? JSON.stringify(encodeCursor({ o: offset + limit })) : 'null'}}`;
    return fastResponse(ctx, 200, body);
  },

  async getItem(ctx) {
    const code = ctx.request.path.code as string;
    const found = await ctx.services.itemCache.get(`item:${ctx.locale}:${code}`, async () => {
      const row = await ctx.db
        .selectFrom('items')
        .select(['etag', localised(ctx, 'document').as('document')])
        .where('code', '=', code)
        .executeTakeFirst();
      return row ? { etag: row.etag.replace(/"$/, `-${ctx.locale}"`), body: row.document } : undefined;
    });
    if (!found) throw itemNotFound(code);
    return represent(ctx, found);
  },

  async getItemForm(ctx) {
    const code = ctx.request.path.code as string;
    const found = await ctx.services.itemCache.get(`form:${code}`, async () => {
      const row = await ctx.db
        .selectFrom('items')
        .select(['etag', sql<string | null>`form::text`.as('form')])
        .where('code', '=', code)
        .executeTakeFirst();
      return row?.form ? { etag: row.etag.replace(/^"i-/, '"f-'), body: row.form } : undefined;
    });
    if (!found) throw itemNotFound(code);
    return fastResponse(ctx, 200, withFormSession(ctx, code, found.body));
  },
};

/** 304 when the client's ETag still matches, else the JSON with its ETag. */
function represent(ctx: OperationContext, found: { etag: string; body: string }): Response {
  if (etagMatches(requestHeader(ctx.c, 'if-none-match'), found.etag)) {
    return fastResponse(ctx, 304, null, { ETag: found.etag });
  }
  return fastResponse(ctx, 200, found.body, { ETag: found.etag, 'cache-control': 'no-cache' });
}
