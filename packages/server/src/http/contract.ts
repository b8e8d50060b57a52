import type { components, operations } from '@banshi/sdk';

/** The document's schemas, by name (`Schema<'Case'>`). */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

/** Every operation of the OpenAPI document, by `operationId`. */
export type OperationId = keyof operations;

type Parameters<Id extends OperationId> = operations[Id]['parameters'];
type Present<T> = Exclude<T, undefined>;

/** A JSON request body, or undefined for operations without one (multipart bodies are read by the route). */
type RequestBodyOf<Body> = Body extends { content: { 'application/json': infer Json } } ? Json : undefined;

/**
 * Header credentials the document declares once, as `apiKey` security schemes (openapi-typescript types
 * parameters only). The validator reads and checks each where an operation's security lists it.
 */
interface CredentialHeaders {
  'X-Query-Code'?: string;
}

/**
 * An operation's request once the document has validated it: path, query and header parameters coerced
 * to their declared types (optional ones may be absent), and the parsed JSON body.
 */
export interface RequestOf<Id extends OperationId> {
  path: Present<Parameters<Id>['path']>;
  query: Present<Parameters<Id>['query']>;
  headers: Present<Parameters<Id>['header']> & CredentialHeaders;
  body: RequestBodyOf<operations[Id]['requestBody']>;
  /** The request's media type when it had a body, without parameters. */
  mediaType: string | undefined;
}

type Responses<Id extends OperationId> = operations[Id]['responses'];

/** The statuses an operation answers with a result; problems (`application/problem+json`) are thrown. */
type ResultStatus<Id extends OperationId> = {
  [S in keyof Responses<Id>]: Responses<Id>[S] extends { content: { 'application/problem+json': unknown } }
    ? never
    : S;
}[keyof Responses<Id>];

// A file (any other declared media type) is answered as its bytes.
type ResponseBody<Response> = Response extends { content: { 'application/json': infer Json } }
  ? Json | SerialisedJson<Json>
  : Response extends { content: Record<string, unknown> }
    ? Uint8Array
    : undefined;

declare const serialisedFrom: unique symbol;

/** JSON text of a value of type `T`, already serialised (a cached guide, a page assembled from rows). */
export type SerialisedJson<T> = string & { readonly [serialisedFrom]: T };

/**
 * Marks JSON text as the serialisation of a `T`: text the database produced from a stored document of
 * that type, or assembled from such texts.
 */
export function jsonText<T>(text: string): SerialisedJson<T> {
  return text as SerialisedJson<T>;
}

/**
 * One of the answers the document declares for operation `Id`: its status and the body that status
 * carries (a value, or its JSON text), plus headers such as `Location` or `ETag`.
 */
export type Answer<Id extends OperationId> = {
  [S in ResultStatus<Id>]: {
    status: S;
    body: ResponseBody<Responses<Id>[S]>;
    headers?: Record<string, string>;
  };
}[ResultStatus<Id>];
