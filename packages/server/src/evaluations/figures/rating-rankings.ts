import { actingStaff } from '../../access/acting-staff.js';
import { auditStaff } from '../../audit/staff-audit.js';
import { chinaTime } from '../../common/china-time.js';
import { newId } from '../../common/ids.js';
import type { Json } from '../../db/schema-types.js';
import { authoriseStaff } from '../../http/authorise.js';
import type { Schema } from '../../http/contract.js';
import { ok, type Handlers, type IdempotentHandler } from '../../http/operation.js';
import { problems } from '../../http/problem.js';
import './figure-messages.js';
import { rankLists } from './rank-lists.js';
import { departmentNames, sumsByScope } from './scope-sums.js';

type Ranking = Schema<'RatingRanking'>;
const dayMs = 24 * 60 * 60 * 1000;
/** How many past publications the list shows. */
const pastShown = 12;

/** POST /rating-rankings: ranks the period's departments and windows and posts the lists as they are. */
export const publishRatingRanking: IdempotentHandler<'publishRatingRanking'> = {
  idempotent: true,
  async authorise(ctx) {
    authoriseStaff(ctx, 'publishRatingRanking');
  },
  async run(ctx, trx) {
    const principal = authoriseStaff(ctx, 'publishRatingRanking');
    const period = ctx.request.body;
    if (period.from > period.to)
      throw problems.validation(
        [{ pointer: '/to', code: 'period', messageKey: 'validation.periodEnd' }],
        422,
      );
    const rules = {
      minimumRatings: ctx.services.rules.rankingMinimumRatings,
      size: ctx.services.rules.rankingSize,
    };
    const departments = await sumsByScope(trx, 'department', period);
    const names = await departmentNames(
      trx,
      departments.map((row) => row.id),
    );
    const lists = {
      departments: rankLists(
        departments.map((row) => ({ ...row, name: names.get(row.id) })),
        rules,
      ),
      windows: rankLists(await sumsByScope(trx, 'window', period), rules),
    };
    const acting = actingStaff(principal);
    const publisher = {
      name: acting.name,
      ...(acting.departmentId ? { departmentId: acting.departmentId } : {}),
    };
    const visibleUntil = new Date(ctx.now.getTime() + ctx.services.rules.rankingVisibleDays * dayMs);
    const id = newId('rk');
    await trx
      .insertInto('rating_rankings')
      .values({
        id,
        period_from: period.from,
        period_to: period.to,
        published_at: ctx.now,
        visible_until: visibleUntil,
        publisher: JSON.stringify(publisher),
        lists: JSON.stringify({ minimumRatings: rules.minimumRatings, ...lists }),
      })
      .execute();
    await auditStaff(trx, ctx, principal, {
      action: 'staff.action',
      operation: 'publishRatingRanking',
      target: { type: 'ratingRanking', id },
      departmentId: acting.departmentId,
      detail: { from: period.from, to: period.to },
    });
    const body: Ranking = {
      id,
      period: { from: period.from, to: period.to },
      publishedAt: chinaTime(ctx.now),
      visibleUntil: chinaTime(visibleUntil),
      publisher,
      minimumRatings: rules.minimumRatings,
      ...lists,
    };
    return { status: 201 as const, body, headers: { Location: `/api/v1/rating-rankings/${id}` } };
  },
};

interface RankingRow {
  id: string;
  period_from: string;
  period_to: string;
  published_at: Date;
  visible_until: Date;
  publisher: Json;
  lists: Json;
}

/** A stored publication as the API shows it. */
function rankingView(row: RankingRow): Ranking {
  const stored = (typeof row.lists === 'string' ? JSON.parse(row.lists) : row.lists) as Pick<
    Ranking,
    'minimumRatings' | 'departments' | 'windows'
  >;
  const publisher = (
    typeof row.publisher === 'string' ? JSON.parse(row.publisher) : row.publisher
  ) as Ranking['publisher'];
  return {
    id: row.id,
    period: { from: String(row.period_from).slice(0, 10), to: String(row.period_to).slice(0, 10) },
    publishedAt: chinaTime(new Date(row.published_at)),
    visibleUntil: chinaTime(new Date(row.visible_until)),
    publisher,
    minimumRatings: stored.minimumRatings,
    departments: stored.departments,
    windows: stored.windows,
  };
}

/** GET /rating-rankings and /rating-rankings/{rankingId}: the posted lists, public. */
export const ratingRankingReadHandlers: Handlers<'listRatingRankings' | 'getRatingRanking'> = {
  async listRatingRankings(ctx) {
    const select = ctx.db.selectFrom('rating_rankings').selectAll();
    const current = await select
      .where('visible_until', '>', ctx.now)
      .orderBy('published_at', 'desc')
      .execute();
    const past = await select
      .where('visible_until', '<=', ctx.now)
      .orderBy('visible_until', 'desc')
      .limit(pastShown)
      .execute();
    return ok({ current: current.map(rankingView), past: past.map(rankingView) });
  },
  async getRatingRanking(ctx) {
    const row = await ctx.db
      .selectFrom('rating_rankings')
      .selectAll()
      .where('id', '=', ctx.request.path.rankingId)
      .executeTakeFirst();
    if (!row) throw problems.notFound('problem.rankingNotFound');
    return ok(rankingView(row));
  },
};
