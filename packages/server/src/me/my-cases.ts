import { sql } from 'kysely';
import { evaluationIdsOf, viewOf } from '../cases/case-store.js';
import { belongsToFilter, personOf } from '../cases/ownership.js';
import { ok, type OperationHandler } from '../http/operation.js';
import { decodeCursor, encodeCursor } from '../http/pagination.js';
import { ProblemError } from '../http/problem.js';
import '../i18n/identity-messages.js';

/** Where a page of 我的办件 resumes: the last case shown, by submission time and number. */
interface Position {
  s: string;
  n: string;
}

function isPosition(value: unknown): value is Position {
  const v = value as Partial<Position> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.s === 'string' &&
    !Number.isNaN(Date.parse(v.s)) &&
    typeof v.n === 'string' &&
    /^\d{1,40}$/.test(v.n)
  );
}

/**
 * GET /me/cases (我的办件): the signed-in person's cases, newest first, with a keyset cursor so a case
 * filed while paging neither repeats nor hides one.
 */
export const listMyCases: OperationHandler<'listMyCases'> = async (ctx) => {
  const person = personOf(ctx.caller);
  if (!person) {
    throw new ProblemError(403, 'forbidden', {
      titleKey: 'problem.forbidden',
      detailKey: 'problem.personTokenRequired',
    });
  }
  const { state, cursor, limit = 20 } = ctx.request.query;
  const after = decodeCursor(cursor, isPosition);
  let query = ctx.db.selectFrom('cases').selectAll().where(belongsToFilter(ctx.services.pii, person));
  if (state) query = query.where('status', '=', state);
  if (after) {
    query = query.where(
      sql<boolean>`(submitted_at, number) < (${new Date(after.s)}::timestamptz, ${after.n})`,
    );
  }
  const rows = await query
    .orderBy('submitted_at', 'desc')
    .orderBy('number', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const calendar = await ctx.services.calendar();
  // One query for the page's ratings, not one per case.
  const evaluations = await evaluationIdsOf(
    ctx.db,
    page.map((row) => row.number),
  );
  const items = [];
  for (const row of page) items.push(await viewOf(ctx, ctx.db, row, calendar, evaluations));
  const last = page.at(-1);
  return ok({
    items,
    nextCursor:
      rows.length > limit && last
        ? encodeCursor({ s: last.submitted_at.toISOString(), n: last.number } satisfies Position)
        : null,
  });
};
