import type { components, operations } from '../../generated/schema.js';
import { paginate, type PagePromise } from '../../core/pagination.js';
import type { CallOptions } from '../../core/transport.js';
import {
  APIResource,
  withQueryCode,
  type CaseAccessOptions,
  type ListQuery,
  type MutationOptions,
} from '../api-resource.js';

type Schemas = components['schemas'];

/** Filters of {@link Evaluations.list}. */
export type EvaluationListQuery = ListQuery<'listEvaluations'>;
/** Scope of {@link Evaluations.getSummary}: item, department, period; none means everything. */
export type EvaluationSummaryQuery = NonNullable<operations['getEvaluationSummary']['parameters']['query']>;

/** The national 好差评 evaluations: ratings, published figures, and the rectification of bad reviews. */
export class Evaluations extends APIResource {
  /**
   * Records a rating: of a case (send its `queryCode`, or use the case's applicant token as the client's
   * token), or of a window visit (no credential). A device that queues ratings offline passes each
   * rating's own `idempotencyKey`, so a delivery repeated after a reload records it exactly once.
   */
  create(
    body: Schemas['EvaluationCreate'],
    options: CaseAccessOptions & MutationOptions = {},
  ): Promise<Schemas['Evaluation']> {
    return this.call('post', '/evaluations', { ...withQueryCode(options), body });
  }

  /**
   * The applicant's rating of their case (`rating: null` when not rated), its follow-up (追评), the
   * office's reply and the decision on an appeal, and whether a follow-up may be given now. Access as
   * for `cases.get`: the case's `queryCode`, or the client's applicant or identity token.
   */
  getForCase(caseNumber: string, options: CaseAccessOptions = {}): Promise<Schemas['CaseRating']> {
    return this.call('get', '/cases/{caseNumber}/rating', {
      ...withQueryCode(options),
      params: { caseNumber },
    });
  }

  /** Staff: evaluations of their departments, newest first. */
  list(query: EvaluationListQuery = {}, options: CallOptions = {}): PagePromise<Schemas['Evaluation']> {
    return paginate((cursor) =>
      this.call('get', '/evaluations', { ...options, query: { ...query, cursor } }),
    );
  }

  /** The published figures: counts per level, satisfaction, rectification and callback rates. Public. */
  getSummary(
    query: EvaluationSummaryQuery = {},
    options: CallOptions = {},
  ): Promise<Schemas['EvaluationSummary']> {
    return this.call('get', '/evaluations/summary', { ...options, query });
  }

  /** Staff: one evaluation with its rectification workflow. */
  get(evaluationId: string, options: CallOptions = {}): Promise<Schemas['Evaluation']> {
    return this.call('get', '/evaluations/{evaluationId}', { ...options, params: { evaluationId } });
  }

  /** Staff: a step in handling a bad review (callback, rectify, explain, appeal…). */
  recordRectificationAction(
    evaluationId: string,
    body: Schemas['RectificationAction'],
    options: MutationOptions = {},
  ): Promise<Schemas['Evaluation']> {
    return this.call('post', '/evaluations/{evaluationId}/rectification-actions', {
      ...options,
      params: { evaluationId },
      body,
    });
  }
}
