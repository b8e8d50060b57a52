import { sql } from 'kysely';
import { ok, type Handlers } from '../http/operation.js';

/** GET /evaluations/summary: the published figures (满意率, 整改率, 回访率) of everything, an item or a department. */
export const evaluationSummaryHandlers: Handlers<'getEvaluationSummary'> = {
  async getEvaluationSummary(ctx) {
    const { item, department, from, to } = ctx.request.query;
    let scope = 'all';
    let mismatch = false;
    if (item) {
      scope = `item:${item}`;
      if (department) {
        const owner = await ctx.db
          .selectFrom('items')
          .select('department_id')
          .where('code', '=', item)
          .executeTakeFirst();
        mismatch = owner !== undefined && owner.department_id !== department;
      }
    } else if (department) {
      scope = `department:${department}`;
    }
    let select = ctx.db.selectFrom('evaluation_daily').select(dailySums).where('scope', '=', scope);
    if (from) select = select.where('day', '>=', from);
    if (to) select = select.where('day', '<=', to);
    const sums = mismatch ? noSums : ((await select.executeTakeFirst()) ?? noSums);
    return ok({
      scope: {
        ...(item ? { itemCode: item } : {}),
        ...(department ? { department } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
      },
      ...figuresOf(sums),
    });
  },
};

/** The per-day counters summed over a scope and period (see `aggregates.ts`). */
export interface DailySums {
  verySatisfied: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  veryDissatisfied: number;
  rectified: number;
  realNameBad: number;
  calledBack: number;
  excluded: number;
  explained: number;
  defaulted: number;
}

/** The sums of `evaluation_daily`'s counters, as the columns of a select. */
export const dailySums = [
  sql<number>`coalesce(sum(very_satisfied), 0)::int`.as('verySatisfied'),
  sql<number>`coalesce(sum(satisfied), 0)::int`.as('satisfied'),
  sql<number>`coalesce(sum(basically_satisfied), 0)::int`.as('basicallySatisfied'),
  sql<number>`coalesce(sum(dissatisfied), 0)::int`.as('dissatisfied'),
  sql<number>`coalesce(sum(very_dissatisfied), 0)::int`.as('veryDissatisfied'),
  sql<number>`coalesce(sum(rectified), 0)::int`.as('rectified'),
  sql<number>`coalesce(sum(real_name_bad), 0)::int`.as('realNameBad'),
  sql<number>`coalesce(sum(called_back), 0)::int`.as('calledBack'),
  sql<number>`coalesce(sum(excluded), 0)::int`.as('excluded'),
  sql<number>`coalesce(sum(explained), 0)::int`.as('explained'),
  sql<number>`coalesce(sum(defaulted), 0)::int`.as('defaulted'),
] as const;

/** The sums of nothing counted. */
export const noSums: DailySums = {
  verySatisfied: 0,
  satisfied: 0,
  basicallySatisfied: 0,
  dissatisfied: 0,
  veryDissatisfied: 0,
  rectified: 0,
  realNameBad: 0,
  calledBack: 0,
  excluded: 0,
  explained: 0,
  defaulted: 0,
};

/** The published figures (满意率, 整改率, 回访率) of summed counters: the one home of their formulas. */
export function figuresOf(sums: DailySums) {
  const counts = {
    verySatisfied: sums.verySatisfied,
    satisfied: sums.satisfied,
    basicallySatisfied: sums.basicallySatisfied,
    dissatisfied: sums.dissatisfied,
    veryDissatisfied: sums.veryDissatisfied,
  };
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const badCount = counts.dissatisfied + counts.veryDissatisfied;
  const ratio = (part: number, whole: number) =>
    whole === 0 ? null : Math.round((part / whole) * 10000) / 10000;
  return {
    counts,
    total,
    satisfactionRate: ratio(counts.verySatisfied + counts.satisfied + counts.basicallySatisfied, total),
    badCount,
    rectificationRate: ratio(sums.rectified, badCount),
    callbackRate: ratio(sums.calledBack, sums.realNameBad),
    excludedCount: sums.excluded,
    explainedCount: sums.explained,
    defaultedCount: sums.defaulted,
  };
}
