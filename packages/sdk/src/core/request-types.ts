import type { CallOptions } from './transport.js';

/**
 * Types that derive a call's options and result from the `paths` interface openapi-typescript generates,
 * so that a path the document lacks, a missing parameter or a wrong body is a compile error.
 */

/** HTTP methods, as the document spells them. */
export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options';

/** A method in either case: `'get'` or `'GET'`. */
export type AnyCaseMethod = HttpMethod | Uppercase<HttpMethod>;

/** The paths of the document that define method `M`. */
export type PathsWithMethod<Paths, M extends HttpMethod> = {
  [P in keyof Paths]: Paths[P] extends { [K in M]: infer Op }
    ? Op extends { responses: unknown }
      ? P
      : never
    : never;
}[keyof Paths] &
  string;

/** The operation at `path` for `method`. */
export type OperationAt<Paths, P extends keyof Paths, M extends HttpMethod> = Paths[P] extends {
  [K in M]: infer Op;
}
  ? Op
  : never;

type PathParamsPart<Op> = Op extends { parameters: { path: infer Params } }
  ? { /** Values for the path's `{placeholders}`. */ params: Params }
  : { params?: undefined };

type QueryPart<Op> = Op extends { parameters: { query: infer Query } }
  ? { /** The query string, as an object; arrays repeat the key. */ query: Query }
  : Op extends { parameters: { query?: infer Query } }
    ? { query?: Query }
    : { query?: undefined };

/** The body types an operation's request accepts, by media type. */
export type BodyOfContent<Content> = Content extends { 'application/json': infer Json }
  ? Json
  : Content extends { 'multipart/form-data': unknown }
    ? FormData
    : Content extends { 'application/octet-stream': unknown }
      ? Blob
      : never;

type BodyPart<Op> = Op extends { requestBody: { content: infer Content } }
  ? { /** The request body: JSON, or FormData for multipart operations. */ body: BodyOfContent<Content> }
  : Op extends { requestBody?: never }
    ? { body?: undefined }
    : Op extends { requestBody?: { content: infer Content } }
      ? { body?: BodyOfContent<Content> }
      : { body?: undefined };

/** Options of a raw call to operation `Op`. */
export type RequestOptions<Op> = PathParamsPart<Op> &
  QueryPart<Op> &
  BodyPart<Op> &
  CallOptions & {
    /** Sent as `Idempotency-Key` on every attempt, which also lets a POST be retried safely. */
    idempotencyKey?: string | undefined;
  };

type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 206 | '2XX';

type ContentOf<Response> = Response extends { content: infer Content }
  ? Content extends { 'application/json': infer Json }
    ? Json
    : Content extends Record<string, infer Other>
      ? Other
      : undefined
  : undefined;

/** What a successful call to operation `Op` resolves to (the parsed body; `undefined` when it has none). */
export type ResponseOf<Op> = Op extends { responses: infer Responses }
  ? { [S in keyof Responses & SuccessStatus]: ContentOf<Responses[S]> }[keyof Responses & SuccessStatus]
  : never;

type RequiredKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T];

/** The options argument: optional when nothing in it is required. */
export type OptionsArgument<Op> = [RequiredKeys<RequestOptions<Op>>] extends [never]
  ? [options?: RequestOptions<Op>]
  : [options: RequestOptions<Op>];
