/**
 * The slice of the Banshi API the widgets use, and the one place that talks to the SDK.
 * Widgets import types and helpers from here only, so the SDK can change shape behind this file.
 */

/** 非常满意 … 非常不满意, as string values (the national standards disagree on numeric codes). */
export type EvaluationLevel =
  'verySatisfied' | 'satisfied' | 'basicallySatisfied' | 'dissatisfied' | 'veryDissatisfied';

export const EVALUATION_LEVELS: readonly EvaluationLevel[] = [
  'verySatisfied',
  'satisfied',
  'basicallySatisfied',
  'dissatisfied',
  'veryDissatisfied',
];

/** The two levels that count as a bad review (差评) and need reasons. */
export function isBadLevel(level: EvaluationLevel): boolean {
  return level === 'dissatisfied' || level === 'veryDissatisfied';
}

export type EvaluationChannel = 'pc' | 'mobile' | 'qrCode' | 'hallTablet' | 'hallTerminal' | 'phone' | 'sms';

/** What a rating sends. */
export interface EvaluationInput {
  level: EvaluationLevel;
  caseNumber?: string;
  itemCode?: string;
  channel: EvaluationChannel;
  reasons?: string[];
  comment?: string;
  anonymous: boolean;
  windowId?: string;
  staffId?: string;
  answers?: Record<string, string>;
}

/** A stored rating, as the server returns it. */
export interface Evaluation extends EvaluationInput {
  id: string;
  createdAt: string;
}

export interface EvaluationSummaryQuery {
  itemCode?: string;
  departmentCode?: string;
}

export interface EvaluationSummary {
  total: number;
  /** 0 … 1 */
  satisfactionRate: number;
  counts: Record<EvaluationLevel, number>;
}

export interface CallOptions {
  signal?: AbortSignal;
}

/** The API as the widgets see it. */
export interface BanshiApi {
  evaluations: {
    create(body: EvaluationInput, options: CallOptions & { idempotencyKey: string }): Promise<Evaluation>;
    summary(query: EvaluationSummaryQuery, options?: CallOptions): Promise<EvaluationSummary>;
  };
}

/** A failed call, classified the way the widgets react to it. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`Banshi API answered ${status}`);
  }
}

/** The API at `baseUrl` (ending in `/api/v1`), asking for messages in `locale`. */
export function createApi(baseUrl: string, locale: string): BanshiApi {
  const root = baseUrl.replace(/\/+$/, '');
  async function call<T>(method: string, path: string, init: RequestInit & { key?: string }): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', 'accept-language': locale };
    if (init.body) headers['content-type'] = 'application/json';
    if (init.key) headers['idempotency-key'] = init.key;
    const response = await fetch(root + path, {
      method,
      headers,
      body: init.body ?? null,
      signal: init.signal ?? null,
    });
    const text = await response.text();
    const body: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) throw new ApiFailure(response.status, body);
    return body as T;
  }
  return {
    evaluations: {
      create: (body, { idempotencyKey, signal }) =>
        call('POST', '/evaluations', { body: JSON.stringify(body), key: idempotencyKey, signal }),
      summary: (query, options) => {
        const search = new URLSearchParams();
        for (const [name, value] of Object.entries(query)) if (value) search.set(name, value);
        return call('GET', `/evaluations/summary?${search}`, { signal: options?.signal });
      },
    },
  };
}

/** What a 409 `already_rated` answer says about the rating that exists. */
export interface ExistingEvaluation {
  id: string;
  level: EvaluationLevel;
  createdAt?: string;
}

/** The rating that already exists when the server answers 409 to a second rating of the same case. */
export function existingEvaluation(error: unknown): ExistingEvaluation | undefined {
  if (!(error instanceof ApiFailure) || error.status !== 409) return undefined;
  return (error.body as { existingEvaluation?: ExistingEvaluation } | undefined)?.existingEvaluation;
}

/** Whether trying again later may succeed: no connection, a timeout, or the server failed (5xx). */
export function isTransientFailure(error: unknown): boolean {
  if (error instanceof ApiFailure) return error.status >= 500 || error.status === 408 || error.status === 429;
  return !(error instanceof DOMException && error.name === 'AbortError');
}

/** The server's human-readable explanation of a failure, when it gave one. */
export function failureDetail(error: unknown): string | undefined {
  if (!(error instanceof ApiFailure)) return undefined;
  const problem = error.body as { detail?: unknown; title?: unknown } | undefined;
  const text = problem?.detail ?? problem?.title;
  return typeof text === 'string' ? text : undefined;
}
