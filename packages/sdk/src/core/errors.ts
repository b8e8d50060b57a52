import type { Problem } from './problem.js';

/**
 * Marks every error the SDK throws. `Symbol.for` gives the same symbol to every copy of the SDK loaded on
 * a page (an element bundle and the host's own copy), so the guards below recognise errors from either,
 * where `instanceof` would only recognise its own copy's classes.
 */
const BRAND = Symbol.for('banshi.error');

/** The name of an SDK error class; the guards compare it instead of using `instanceof`. */
export type BanshiErrorKind =
  | 'BanshiError'
  | 'APIError'
  | 'BadRequestError'
  | 'AuthenticationError'
  | 'PermissionDeniedError'
  | 'NotFoundError'
  | 'ConflictError'
  | 'UnprocessableEntityError'
  | 'RateLimitError'
  | 'InternalServerError'
  | 'APIConnectionError'
  | 'APITimeoutError'
  | 'APIUserAbortError';

/** The base class of every error the SDK throws. Prefer {@link isBanshiError} over `instanceof`. */
export class BanshiError extends Error {
  /** Which SDK error this is, stable across SDK copies and minification. */
  readonly kind: BanshiErrorKind;

  constructor(message: string, kind: BanshiErrorKind = 'BanshiError', cause?: unknown) {
    super(message);
    this.kind = kind;
    this.name = kind;
    // Assigned by hand: `new Error(message, { cause })` is ignored by the older browsers we support.
    if (cause !== undefined) this.cause = cause;
  }
}
Object.defineProperty(BanshiError.prototype, BRAND, { value: true });

/** The server answered with a status outside 2xx (and not a 304 the SDK resolved from its cache). */
export class APIError extends BanshiError {
  /** The HTTP status. */
  readonly status: number;
  /** The RFC 9457 problem details the server sent, when the body was one. */
  readonly problem: Problem | undefined;
  /** The server's `X-Request-Id`, to quote when reporting a problem. */
  readonly requestId: string | undefined;
  /** The response headers. */
  readonly headers: Headers;

  constructor(
    status: number,
    problem: Problem | undefined,
    headers: Headers,
    kind: BanshiErrorKind = 'APIError',
  ) {
    super(describeProblem(status, problem), kind);
    this.status = status;
    this.problem = problem;
    this.headers = headers;
    this.requestId = headers.get('x-request-id') ?? undefined;
  }
}

/** 400: the request was malformed. */
export class BadRequestError extends APIError {
  constructor(problem: Problem | undefined, headers: Headers, status = 400) {
    super(status, problem, headers, 'BadRequestError');
  }
}

/** 401: no credential, or an expired or wrong one. */
export class AuthenticationError extends APIError {
  constructor(problem: Problem | undefined, headers: Headers, status = 401) {
    super(status, problem, headers, 'AuthenticationError');
  }
}

/** 403: the credential is valid but may not do this. */
export class PermissionDeniedError extends APIError {
  constructor(problem: Problem | undefined, headers: Headers, status = 403) {
    super(status, problem, headers, 'PermissionDeniedError');
  }
}

/** 404: no such resource (or, for case lookups, a number and query code that do not match). */
export class NotFoundError extends APIError {
  constructor(problem: Problem | undefined, headers: Headers, status = 404) {
    super(status, problem, headers, 'NotFoundError');
  }
}

/** 409: the request conflicts with the resource's state, e.g. an idempotency key reused with another body. */
export class ConflictError extends APIError {
  constructor(problem: Problem | undefined, headers: Headers, status = 409) {
    super(status, problem, headers, 'ConflictError');
  }
}

/** 422: the request was well formed but its content is invalid; `problem` lists what and where. */
export class UnprocessableEntityError extends APIError {
  constructor(problem: Problem | undefined, headers: Headers, status = 422) {
    super(status, problem, headers, 'UnprocessableEntityError');
  }
}

/** 429: too many requests. */
export class RateLimitError extends APIError {
  /** Seconds the server asked us to wait (from `Retry-After`), when it said. */
  readonly retryAfter: number | undefined;

  constructor(problem: Problem | undefined, headers: Headers, status = 429) {
    super(status, problem, headers, 'RateLimitError');
    const waitMs = parseRetryAfter(headers.get('retry-after'), Date.now());
    this.retryAfter = waitMs === undefined ? undefined : Math.ceil(waitMs / 1000);
  }
}

/** 500 and above: the server failed. */
export class InternalServerError extends APIError {
  constructor(problem: Problem | undefined, headers: Headers, status = 500) {
    super(status, problem, headers, 'InternalServerError');
  }
}

/** The request never got an answer: DNS, refused connection, reset, CORS, offline. */
export class APIConnectionError extends BanshiError {
  constructor(message = 'Connection error.', cause?: unknown, kind: BanshiErrorKind = 'APIConnectionError') {
    super(message, kind, cause);
  }
}

/** No answer within the client's `timeout`. A kind of connection error. */
export class APITimeoutError extends APIConnectionError {
  constructor(cause?: unknown) {
    super('Request timed out.', cause, 'APITimeoutError');
  }
}

/** The caller's `AbortSignal` fired; nothing more will be sent for this call. */
export class APIUserAbortError extends BanshiError {
  constructor(cause?: unknown) {
    super('Request was aborted.', 'APIUserAbortError', cause);
  }
}

/** Builds the error class that fits an HTTP status. */
export function errorForStatus(status: number, problem: Problem | undefined, headers: Headers): APIError {
  if (status === 400) return new BadRequestError(problem, headers);
  if (status === 401) return new AuthenticationError(problem, headers);
  if (status === 403) return new PermissionDeniedError(problem, headers);
  if (status === 404) return new NotFoundError(problem, headers);
  if (status === 409) return new ConflictError(problem, headers);
  if (status === 422) return new UnprocessableEntityError(problem, headers);
  if (status === 429) return new RateLimitError(problem, headers);
  if (status >= 500) return new InternalServerError(problem, headers, status);
  return new APIError(status, problem, headers);
}

/**
 * Milliseconds to wait according to a `Retry-After` value (delay-seconds or an HTTP date), never negative;
 * `undefined` when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function describeProblem(status: number, problem: Problem | undefined): string {
  const title = problem?.title ?? `HTTP ${status}`;
  return problem?.detail ? `${status} ${title}: ${problem.detail}` : `${status} ${title}`;
}

const API_KINDS: readonly BanshiErrorKind[] = [
  'APIError',
  'BadRequestError',
  'AuthenticationError',
  'PermissionDeniedError',
  'NotFoundError',
  'ConflictError',
  'UnprocessableEntityError',
  'RateLimitError',
  'InternalServerError',
];

function hasKind(value: unknown, kinds: readonly BanshiErrorKind[]): boolean {
  return isBanshiError(value) && kinds.includes(value.kind);
}

/** Whether `value` is an error thrown by any copy of the SDK. */
export function isBanshiError(value: unknown): value is BanshiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { [BRAND]?: unknown })[BRAND] === true &&
    typeof (value as { kind?: unknown }).kind === 'string'
  );
}

/** Whether `value` is an HTTP error answer (any status class). */
export function isAPIError(value: unknown): value is APIError {
  return hasKind(value, API_KINDS);
}
/** Whether `value` is a 400 error. */
export function isBadRequestError(value: unknown): value is BadRequestError {
  return hasKind(value, ['BadRequestError']);
}
/** Whether `value` is a 401 error. */
export function isAuthenticationError(value: unknown): value is AuthenticationError {
  return hasKind(value, ['AuthenticationError']);
}
/** Whether `value` is a 403 error. */
export function isPermissionDeniedError(value: unknown): value is PermissionDeniedError {
  return hasKind(value, ['PermissionDeniedError']);
}
/** Whether `value` is a 404 error. */
export function isNotFoundError(value: unknown): value is NotFoundError {
  return hasKind(value, ['NotFoundError']);
}
/** Whether `value` is a 409 error. */
export function isConflictError(value: unknown): value is ConflictError {
  return hasKind(value, ['ConflictError']);
}
/** Whether `value` is a 422 error. */
export function isUnprocessableEntityError(value: unknown): value is UnprocessableEntityError {
  return hasKind(value, ['UnprocessableEntityError']);
}
/** Whether `value` is a 429 error. */
export function isRateLimitError(value: unknown): value is RateLimitError {
  return hasKind(value, ['RateLimitError']);
}
/** Whether `value` is a 5xx error. */
export function isInternalServerError(value: unknown): value is InternalServerError {
  return hasKind(value, ['InternalServerError']);
}
/** Whether `value` is a connection failure, including a timeout. */
export function isAPIConnectionError(value: unknown): value is APIConnectionError {
  return hasKind(value, ['APIConnectionError', 'APITimeoutError']);
}
/** Whether `value` is a timeout. */
export function isAPITimeoutError(value: unknown): value is APITimeoutError {
  return hasKind(value, ['APITimeoutError']);
}
/** Whether `value` is an abort by the caller's signal. */
export function isAPIUserAbortError(value: unknown): value is APIUserAbortError {
  return hasKind(value, ['APIUserAbortError']);
}
