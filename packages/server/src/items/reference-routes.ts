import { sql } from 'kysely';
import type { HandlerTable } from '../http/operation.js';
import { decodeCursor, encodeCursor, isOffsetCursor } from '../http/pagination.js';
import { escapeLike, normaliseQuery } from './search-terms.js';

function page<T>(rows: T[], limit: number, offset: number): { items: T[]; nextCursor: string | null } {
  return {
    items: rows.slice(0, limit),
    nextCursor: rows.length > limit ? encodeCursor({ o: offset + limit }) : null,
  };
}

function respond(body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

function dropNulls<T extends Record<string, unknown>>(row: T): T {
  return Object.fromEntries(
    Object.entries(row).filter(([, value]) => value !== null && value !== undefined),
  ) as T;
}

export const referenceHandlers: HandlerTable = {
  async listDepartments(ctx) {
    const { query } = ctx.request;
    const limit = (query.limit as number | undefined) ?? 20;
    const offset = decodeCursor(query.cursor, isOffsetCursor)?.o ?? 0;
    let select = ctx.db
      .selectFrom('departments')
      .select([
        'id',
        'name',
        'short_name as shortName',
        'credit_code as creditCode',
        'region_code as regionCode',
        sql<number>`(select count(*) from items where items.department_id = departments.id and items.status = 'active')::int`.as(
          'itemCount',
        ),
      ]);
    if (query.region) select = select.where('region_code', '=', query.region as string);
    const rows = await select
      .orderBy('id')
      .limit(limit + 1)
      .offset(offset)
      .execute();
    return respond(page(rows.map(dropNulls), limit, offset));
  },

  async listThemes(ctx) {
    const { query } = ctx.request;
    const limit = (query.limit as number | undefined) ?? 20;
    const offset = decodeCursor(query.cursor, isOffsetCursor)?.o ?? 0;
    let select = ctx.db
      .selectFrom('themes')
      .select([
        'id',
        'name',
        'audience',
        sql<number>`(select count(*) from items where items.themes @> array[themes.id] and items.status = 'active')::int`.as(
          'itemCount',
        ),
      ]);
    if (query.audience) select = select.where(sql<boolean>`${query.audience as string} = any(audience)`);
    const rows = await select
      // 个人 themes first, as the hall lists them.
      .orderBy(sql`'naturalPerson' = any(audience)`, 'desc')
      .orderBy('id')
      .limit(limit + 1)
      .offset(offset)
      .execute();
    return respond(page(rows, limit, offset));
  },

  async listRegions(ctx) {
    const { query } = ctx.request;
    const limit = (query.limit as number | undefined) ?? 20;
    const offset = decodeCursor(query.cursor, isOffsetCursor)?.o ?? 0;
    let select = ctx.db.selectFrom('regions').select(['code', 'name', 'parent', 'level']);
    if (query.parent) select = select.where('parent', '=', query.parent as string);
    else if (!query.q) select = select.where('parent', 'is', null);
    if (query.q) {
      const q = escapeLike(normaliseQuery(query.q as string));
      select = select.where((eb) => eb.or([eb('search', 'like', `%${q}%`), eb('code', 'like', `${q}%`)]));
    }
    const rows = await select
      .orderBy('code')
      .limit(limit + 1)
      .offset(offset)
      .execute();
    return respond(
      page(
        rows.map(({ level, ...region }) => (level ? { ...region, level } : region)),
        limit,
        offset,
      ),
    );
  },
};
