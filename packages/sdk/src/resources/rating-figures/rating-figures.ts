import type { components, operations } from '../../generated/schema.js';
import type { CallOptions } from '../../core/transport.js';
import { APIResource, type MutationOptions } from '../api-resource.js';

type Schemas = components['schemas'];

/** What {@link RatingFigures.list} breaks the figures down by, and the department and period. */
export type EvaluationFiguresQuery = operations['listEvaluationFigures']['parameters']['query'];

/**
 * 好差评 figures per department, window and member of staff, and the published 红黑榜 (red and black
 * lists of departments and windows).
 */
export class RatingFigures extends APIResource {
  /**
   * The figures (count, satisfaction, bad reviews, 整改率, 实名差评回访率) of each department, window or
   * member of staff rated in a period, busiest first. Departments and windows are public; `by: 'staff'`
   * needs a supervisor's token and shows their own departments only.
   *
   * @example
   * const { rows } = await client.ratingFigures.list({ by: 'window', from: '2026-10-01', to: '2026-10-31' });
   */
  list(query: EvaluationFiguresQuery, options: CallOptions = {}): Promise<Schemas['EvaluationFigures']> {
    return this.call('get', '/evaluations/figures', { ...options, query });
  }

  /** The 红黑榜 still posted (`current`, each at least 15 days) and the most recent past ones. Public. */
  listRankings(options: CallOptions = {}): Promise<Schemas['RatingRankingList']> {
    return this.call('get', '/rating-rankings', options);
  }

  /** One published 红黑榜, current or past. Public. */
  getRanking(rankingId: string, options: CallOptions = {}): Promise<Schemas['RatingRanking']> {
    return this.call('get', '/rating-rankings/{rankingId}', { ...options, params: { rankingId } });
  }

  /**
   * Staff: ranks the period's departments and windows and publishes the lists as they are now. Only those
   * rated at least the locality's minimum number of times are ranked.
   */
  publishRanking(
    period: Schemas['RatingRankingCreate'],
    options: MutationOptions = {},
  ): Promise<Schemas['RatingRanking']> {
    return this.call('post', '/rating-rankings', { ...options, body: period });
  }
}
