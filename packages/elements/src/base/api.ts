/**
 * The one place the widgets meet `@banshi/sdk`: the client they use, the types they need, and how they
 * classify failures. Widgets import from here, never from the SDK, so the SDK can change shape behind it.
 */
import {
  ClientCore,
  createIdempotencyKey,
  isAPIConnectionError,
  isAPIError,
  isConflictError,
  isAPIUserAbortError,
  isNotFoundError,
  type components,
  type TokenProvider,
  type Transport,
} from '@banshi/sdk/core';
import type { BanshiClient } from '@banshi/sdk';
export { EVALUATION_LEVELS, isBadLevel } from '@banshi/sdk/core';
import { corsAwareFetch } from './cors-probe.js';
export { isCorsRefusal, refusalMessages } from './cors-probe.js';

type Schemas = components['schemas'];

/** The API client the widgets use. */
export type BanshiApi = BanshiClient;
/** Returns the signed-in person's bearer token, or nothing to call without one (`<banshi-provider>`). */
export type { TokenProvider };
/** 非常满意 … 非常不满意, as string values (the national standards disagree on numeric codes). */
export type EvaluationLevel = Schemas['EvaluationLevel'];
/** Reason category of a bad review. */
export type EvaluationReason = Schemas['EvaluationReason'];
/** Answers to the suggested follow-up questions. */
export type FollowUpAnswers = Schemas['FollowUpAnswers'];
/** What a rating sends. */
export type EvaluationInput = Schemas['EvaluationCreate'];
/** A stored rating, as the server returns it. */
export type Evaluation = Schemas['Evaluation'];
/** Published figures for an item, a department or everything. */
export type EvaluationSummary = Schemas['EvaluationSummary'];
/** What a 409 `already_rated` answer says about the rating that exists. */
export type ExistingEvaluation = Schemas['AlreadyRatedProblem']['existingEvaluation'];
/** The applicant's view of the rating of their case (`GET /cases/{caseNumber}/rating`). */
export type CaseRating = Schemas['CaseRating'];
/** One rating as its rater sees it, with the office's reply and the appeal decision. */
export type RaterRating = Schemas['RaterRating'];

/** Client settings a widget may choose. */
export interface ApiOptions {
  /** Retries after the first attempt (SDK default 2). */
  maxRetries?: number;
  /** Milliseconds to wait for each attempt (SDK default 30 000). */
  timeout?: number;
}

/**
 * The API at `baseUrl` (ending in `/api/v1`), asking for messages in `locale`, sending the bearer token
 * `token` gives before each attempt (none when it gives none). It goes in the SDK's `token` option, so a
 * widget's `api.withOptions({ token })` for one case (an applicant token) replaces it for that client only.
 * A request another origin's CORS policy refuses fails as a connection error that {@link isCorsRefusal}
 * recognises, with a console hint.
 */
export function createApi(
  baseUrl: string,
  locale: string,
  options: ApiOptions = {},
  token?: TokenProvider,
): BanshiApi {
  const api = new WidgetClient({ baseUrl, locale, token, fetch: corsAwareFetch(), ...options });
  // The SDK reports upload progress through XMLHttpRequest only when it uses its own fetch (a given fetch
  // gets a streamed body, which browsers refuse over HTTP/1.1): uploads keep the SDK's own.
  let uploads: Resources['uploads'] | undefined;
  Object.defineProperty(api, 'uploads', {
    get: () => (uploads ??= new WidgetClient({ baseUrl, locale, token, ...options }).resource('uploads')),
  });
  return api as unknown as BanshiApi;
}

/** The SDK client's resources (`items`, `cases`, …) by property name. */
type Resources = Omit<BanshiClient, keyof ClientCore>;
/** The class of each resource, as {@link useResources} takes them. */
export type ResourceClasses = {
  [Name in keyof Resources]: new (transport: Transport) => Resources[Name];
};
const resourceClasses: Partial<ResourceClasses> = {};

/**
 * The client the widgets get: the SDK's transport, with only the resources the widgets on the page handed
 * over ({@link useResources}), each made on first use. The loader's core chunk thus holds none of them.
 */
class WidgetClient extends ClientCore {
  private readonly made = new Map<keyof Resources, unknown>();

  resource<Name extends keyof Resources>(name: Name): Resources[Name] {
    if (!this.made.has(name)) {
      const Resource = resourceClasses[name];
      if (!Resource) throw new Error(`[banshi] no widget on this page uses the API's ${name}`);
      this.made.set(name, new Resource(this.transport));
    }
    return this.made.get(name) as Resources[Name];
  }
}

/**
 * Hands the SDK's resource classes a widget calls to every widget client (in the widget's `define.ts`),
 * so each resource travels in the chunk of the widgets that use it.
 *
 * @example useResources({ evaluations: Evaluations })
 */
export function useResources(classes: Partial<ResourceClasses>): void {
  Object.assign(resourceClasses, classes);
  for (const name of Object.keys(classes) as Array<keyof Resources>) {
    if (name in WidgetClient.prototype) continue;
    Object.defineProperty(WidgetClient.prototype, name, {
      configurable: true,
      get(this: WidgetClient) {
        return this.resource(name);
      },
    });
  }
}

/** A fresh Idempotency-Key: one per rating or form session, reused by every retry of it. */
export const newIdempotencyKey: () => string = createIdempotencyKey;

/** The rating that already exists when the server answers 409 to a second rating of the same case. */
export function existingEvaluation(error: unknown): ExistingEvaluation | undefined {
  if (!isConflictError(error)) return undefined;
  return (error.problem as { existingEvaluation?: ExistingEvaluation } | undefined)?.existingEvaluation;
}

/** Whether trying again later may succeed: no connection, a timeout, or the server failed (5xx, 408, 429). */
export function isTransientFailure(error: unknown): boolean {
  if (isAPIConnectionError(error)) return true;
  return isAPIError(error) && (error.status >= 500 || error.status === 408 || error.status === 429);
}

/** Whether the server answered at all (as opposed to the network failing). */
export function isServerAnswer(error: unknown): boolean {
  return isAPIError(error);
}

/** The server's explanation of a failure in the request's language, when it gave one. */
export function failureDetail(error: unknown): string | undefined {
  if (!isAPIError(error) || error.status >= 500) return undefined;
  const problem = error.problem as {
    detail?: unknown;
    title?: unknown;
    errors?: Array<{ message?: unknown }>;
  };
  const text = problem?.errors?.[0]?.message ?? problem?.detail ?? problem?.title;
  return typeof text === 'string' ? text : undefined;
}

/** Whether the server answered 404: the thing asked for does not exist. */
export const isNotFound: (error: unknown) => boolean = isNotFoundError;

/** Whether the call was aborted by the caller (a newer request replaced it, or the widget went away). */
export const isAborted: (error: unknown) => boolean = isAPIUserAbortError;

/** Whether the server answered with an error status (any copy of the SDK); then `status` and `problem` are set. */
export { isAPIError } from '@banshi/sdk/core';
