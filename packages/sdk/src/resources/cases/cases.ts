import type { components } from '../../generated/schema.js';
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

/** Filters of {@link Cases.list}. */
export type CaseListQuery = ListQuery<'listCases'>;
/** Filters of {@link Cases.listMine}. */
export type MyCaseListQuery = ListQuery<'listMyCases'>;
/** Query of {@link Cases.listTimeline}. */
export type CaseTimelineQuery = ListQuery<'listCaseTimeline'>;

/** Query of {@link Cases.listCommitmentVerifications}. */
export type CommitmentVerificationQuery = ListQuery<'listCommitmentVerifications'>;

/** Applications (办件): submit, track, correct, withdraw, and the staff transitions. */
export class Cases extends APIResource {
  /**
   * Submits an application. Pass the form session's `idempotencyKey` so that a double click or a retry
   * returns the same case instead of creating a second one. The answer's query code and applicant token
   * are shown only this once.
   */
  create(body: Schemas['CaseCreate'], options: MutationOptions = {}): Promise<Schemas['CaseCreated']> {
    return this.call('post', '/cases', { ...options, body });
  }

  /** Staff: the cases of their departments, newest first. */
  list(query: CaseListQuery = {}, options: CallOptions = {}): PagePromise<Schemas['Case']> {
    return paginate((cursor) => this.call('get', '/cases', { ...options, query: { ...query, cursor } }));
  }

  /**
   * 我的办件: the cases of the person signed in at the identity platform (the client's token), newest
   * first, with a company's legal representative seeing the company's cases. Without that token, 401.
   */
  listMine(query: MyCaseListQuery = {}, options: CallOptions = {}): PagePromise<Schemas['Case']> {
    return paginate((cursor) => this.call('get', '/me/cases', { ...options, query: { ...query, cursor } }));
  }

  /**
   * One case, read with its `queryCode` (我要查, no login), or with the client's applicant token or staff
   * credential. A wrong code and an unknown number both give a `NotFoundError` (`case_lookup_failed`).
   */
  get(caseNumber: string, options: CaseAccessOptions = {}): Promise<Schemas['Case']> {
    return this.call('get', '/cases/{caseNumber}', { ...withQueryCode(options), params: { caseNumber } });
  }

  /** Every step of the case, oldest first. Access as for {@link Cases.get}. */
  listTimeline(
    caseNumber: string,
    query: CaseTimelineQuery = {},
    options: CaseAccessOptions = {},
  ): PagePromise<Schemas['TimelineEntry']> {
    return paginate((cursor) =>
      this.call('get', '/cases/{caseNumber}/timeline', {
        ...withQueryCode(options),
        params: { caseNumber },
        query: { ...query, cursor },
      }),
    );
  }

  /** Hands in what the office asked for (补正), or a deferred material (容缺后补). */
  submitCorrection(
    caseNumber: string,
    body: Schemas['CorrectionCreate'],
    options: CaseAccessOptions & MutationOptions = {},
  ): Promise<Schemas['Case']> {
    return this.call('post', '/cases/{caseNumber}/corrections', {
      ...withQueryCode(options),
      params: { caseNumber },
      body,
    });
  }

  /** Withdraws the application (撤回) while the case still allows it. */
  withdraw(
    caseNumber: string,
    body: Schemas['WithdrawalCreate'] = {},
    options: CaseAccessOptions & MutationOptions = {},
  ): Promise<Schemas['Case']> {
    return this.call('post', '/cases/{caseNumber}/withdrawal', {
      ...withQueryCode(options),
      params: { caseNumber },
      body,
    });
  }

  /** Staff: moves the case (accept, reject, requestCorrection, suspend, resume, approve, deny, conclude, deliver). */
  transition(
    caseNumber: string,
    body: Schemas['CaseTransition'],
    options: MutationOptions = {},
  ): Promise<Schemas['Case']> {
    return this.call('post', '/cases/{caseNumber}/transitions', { ...options, params: { caseNumber }, body });
  }

  /**
   * Staff: the open 告知承诺 verifications (核查) of their departments, earliest due first; with
   * `{ overdue: true }` only those past their due date. Record a result with {@link Cases.transition}
   * (`verifyCommitment`).
   */
  listCommitmentVerifications(
    query: CommitmentVerificationQuery = {},
    options: CallOptions = {},
  ): Promise<Schemas['CommitmentVerificationList']> {
    return this.call('get', '/commitment-verifications', { ...options, query });
  }
}
