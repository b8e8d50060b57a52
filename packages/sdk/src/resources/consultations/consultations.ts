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

/** Filters of {@link Consultations.list}: `overdue`, `state`. */
export type ConsultationListQuery = ListQuery<'listConsultations'>;
/** Paging of {@link Consultations.listMine}. */
export type MyConsultationListQuery = ListQuery<'listMyConsultations'>;
/** Scope of {@link Consultations.figures}: a department, a period. */
export type ConsultationFiguresQuery = NonNullable<
  operations['getConsultationFigures']['parameters']['query']
>;

/** Options of {@link Consultations.ask}. */
export interface ConsultationAskOptions extends MutationOptions {
  /** The form session the attachment was uploaded in, sent in `X-Form-Session`. */
  formSession?: string | undefined;
}

/**
 * 我要问: questions to the office, their answers, one follow-up and published questions and answers.
 * The asker reads a question with its `queryCode` (sent in `X-Query-Code`) or signed in; staff with their
 * token. Rate an answer with {@link Consultations.rate}.
 */
export class Consultations extends APIResource {
  /** Asks a question; the answer's `queryCode` is shown only this once. */
  ask(
    body: Schemas['ConsultationCreate'],
    { formSession, ...options }: ConsultationAskOptions = {},
  ): Promise<Schemas['ConsultationCreated']> {
    const headers = formSession ? { ...options.headers, 'X-Form-Session': formSession } : options.headers;
    return this.call('post', '/consultations', { ...options, headers, body });
  }

  /** The item's FAQs and published answers that fit the text typed so far (at most 5). */
  suggestions(
    itemCode: string,
    q: string,
    options: CallOptions = {},
  ): Promise<Schemas['ConsultationSuggestionList']> {
    return this.call('get', '/consultation-suggestions', { ...options, query: { itemCode, q } });
  }

  /** A question and its answer, with its query code, signed in as the asker, or as staff. */
  get(number: string, options: CaseAccessOptions = {}): Promise<Schemas['Consultation']> {
    return this.call('get', '/consultations/{consultationNumber}', {
      ...withQueryCode(options),
      params: { consultationNumber: number },
    });
  }

  /** The asker's one follow-up, once the question is answered. */
  followUp(
    number: string,
    question: string,
    options: CaseAccessOptions & MutationOptions = {},
  ): Promise<Schemas['Consultation']> {
    return this.call('post', '/consultations/{consultationNumber}/follow-up', {
      ...withQueryCode(options),
      params: { consultationNumber: number },
      body: { question },
    });
  }

  /** Rates the answer with one of the five 好差评 levels; it counts in the department's figures. */
  rate(
    number: string,
    rating: Omit<Schemas['GoodEvaluationCreate'], 'target'> | Omit<Schemas['BadEvaluationCreate'], 'target'>,
    options: CaseAccessOptions & MutationOptions = {},
  ): Promise<Schemas['Evaluation']> {
    const body = { ...rating, target: { kind: 'consultation', consultationNumber: number } };
    return this.call('post', '/evaluations', {
      ...withQueryCode(options),
      body: body as Schemas['EvaluationCreate'],
    });
  }

  /**
   * Staff: the file the asker attached, as a `Blob` of its media type (the read is audited under the
   * member of staff's name). A question without a file gives a `NotFoundError`.
   */
  async attachment(number: string, options: CallOptions = {}): Promise<Blob> {
    const file: unknown = await this.call('get', '/consultations/{consultationNumber}/attachment', {
      ...options,
      params: { consultationNumber: number },
      responseType: 'blob',
    });
    return file as Blob;
  }

  /** Staff: answers the question, or its waiting follow-up. */
  answer(
    number: string,
    body: Schemas['ConsultationAnswerCreate'],
    options: MutationOptions = {},
  ): Promise<Schemas['Consultation']> {
    return this.call('post', '/consultations/{consultationNumber}/answer', {
      ...options,
      params: { consultationNumber: number },
      body,
    });
  }

  /** Staff: publishes the question and answer on the item, in the redacted wording they confirm. */
  publish(
    number: string,
    body: Schemas['ConsultationPublicationCreate'],
    options: MutationOptions = {},
  ): Promise<Schemas['PublishedAnswer']> {
    return this.call('post', '/consultations/{consultationNumber}/publication', {
      ...options,
      params: { consultationNumber: number },
      body,
    });
  }

  /** The published questions and answers of an item, newest first. */
  published(itemCode: string, options: CallOptions = {}): PagePromise<Schemas['PublishedAnswer']> {
    return paginate((cursor) =>
      this.call('get', '/items/{code}/published-answers', {
        ...options,
        params: { code: itemCode },
        query: { cursor },
      }),
    );
  }

  /**
   * 我的咨询: the questions the person signed in at the identity platform (the client's token) asked while
   * signed in, newest first, with their answers. Without that token, 401.
   */
  listMine(
    query: MyConsultationListQuery = {},
    options: CallOptions = {},
  ): PagePromise<Schemas['Consultation']> {
    return paginate((cursor) =>
      this.call('get', '/me/consultations', { ...options, query: { ...query, cursor } }),
    );
  }

  /** Staff: the questions of their departments, newest first (`overdue: true` for the late ones). */
  list(query: ConsultationListQuery = {}, options: CallOptions = {}): PagePromise<Schemas['Consultation']> {
    return paginate((cursor) =>
      this.call('get', '/consultations', { ...options, query: { ...query, cursor } }),
    );
  }

  /** Staff: answered, answered within the deadline, overdue and the average time to answer. */
  figures(
    query: ConsultationFiguresQuery = {},
    options: CallOptions = {},
  ): Promise<Schemas['ConsultationFigures']> {
    return this.call('get', '/consultations/figures', { ...options, query });
  }
}
