/**
 * `@banshi/sdk/core`: the client without its resources ({@link ClientCore}), its errors and helpers (the
 * 好差评 levels among them). For bundles that add only the resources they call; `@banshi/sdk` re-exports
 * all of it with the full client.
 * @packageDocumentation
 */
export { ClientCore, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, type ClientOptions } from '../client-core.js';
export {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  BanshiError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
  isAPIConnectionError,
  isAPIError,
  isAPITimeoutError,
  isAPIUserAbortError,
  isAuthenticationError,
  isBadRequestError,
  isBanshiError,
  isConflictError,
  isInternalServerError,
  isNotFoundError,
  isPermissionDeniedError,
  isRateLimitError,
  isUnprocessableEntityError,
  type BanshiErrorKind,
} from './errors.js';
export { createIdempotencyKey } from './idempotency-key.js';
export { EVALUATION_LEVELS, isBadLevel, type BadEvaluationLevel } from './evaluation-levels.js';
export type {
  CallOptions,
  FetchFunction,
  TokenProvider,
  TokenSource,
  Transport,
  TransportHooks,
  UploadProgress,
} from './transport.js';
export type {
  AnyCaseMethod,
  HttpMethod,
  OperationAt,
  PathsWithMethod,
  RequestOptions,
  ResponseOf,
} from './request-types.js';
export type { Problem } from './problem.js';
export type { components, operations, paths } from '../generated/schema.js';
