import { sql } from 'kysely';
import type { Schema } from '../http/contract.js';
import { ok, type Handlers } from '../http/operation.js';
import { pageOf, pageWindow } from '../http/pagination.js';
import { escapeLike, normaliseQuery } from './search-terms.js';

type DepartmentRow = Omit<Schema<'Department'>, 'shortName'> & { shortName: string | null };

/** A department as the document shows it: no `shortName` when it has none. */
function department({ shortName, ...row }: DepartmentRow): Schema<'Department'> {
  return shortName === null ? row : { ...row, shortName };
}

/** Departments, themes and regions: the reference lists the catalogue's filters use. */
export const referenceHandlers: Handlers<'listDepartments' | 'listThemes' | 'listRegions'> = {
  async listDepartments(ctx) {
    const { query } = ctx.request;
    const { limit, offset } = pageWindow(query);
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
    if (query.region) select = select.where('region_code', '=', query.region);
    const rows = await select
      .orderBy('id')
      .limit(limit + 1)
      .offset(offset)
      .execute();
    return ok(pageOf(rows.map(department), { limit, offset }));
  },

  async listThemes(ctx) {
    const { query } = ctx.request;
    const { limit, offset } = pageWindow(query);
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
    if (query.audience) select = select.where('audience', '=', query.audience);
    const rows = await select
      .orderBy('audience', 'desc')
      .orderBy('id')
      .limit(limit + 1)
      .offset(offset)
      .execute();
    return ok(pageOf(rows.map(theme), { limit, offset }));
  },

  async listRegions(ctx) {
    const { query } = ctx.request;
    const { limit, offset } = pageWindow(query);
    let select = ctx.db.selectFrom('regions').select(['code', 'name', 'parent', 'level']);
    if (query.parent) select = select.where('parent', '=', query.parent);
    else if (!query.q) select = select.where('parent', 'is', null);
    if (query.q) {
      const q = escapeLike(normaliseQuery(query.q));
      select = select.where((eb) => eb.or([eb('search', 'like', `%${q}%`), eb('code', 'like', `${q}%`)]));
    }
    const rows = await select
      .orderBy('code')
      .limit(limit + 1)
      .offset(offset)
      .execute();
    return ok(pageOf(rows.map(region), { limit, offset }));
  },
};

const themeAudiences: readonly Schema<'ThemeAudience'>[] = ['person', 'organisation'];

function theme(row: { id: string; name: string; audience: string; itemCount: number }): Schema<'Theme'> {
  return { ...row, audience: themeAudiences.find((a) => a === row.audience) ?? 'person' };
}

const regionLevels: readonly NonNullable<Schema<'Region'>['level']>[] = ['province', 'city', 'county'];

function region(row: {
  code: string;
  name: string;
  parent: string | null;
  level: string | null;
}): Schema<'Region'> {
  const level = regionLevels.find((l) => l === row.level);
  return { code: row.code, name: row.name, parent: row.parent, ...(level ? { level } : {}) };
}
