import type { operations, paths } from '../generated/schema.js';
import type {
  HttpMethod,
  OperationAt,
  PathsWithMethod,
  RequestOptions,
  ResponseOf,
} from '../core/request-types.js';
import type { CallOptions, HttpRequest, Transport } from '../core/transport.js';

/** The query of a list operation, without the cursor the pages manage themselves. */
export type ListQuery<Operation extends keyof operations> = Omit<
  NonNullable<operations[Operation]['parameters']['query']>,
  'cursor'
>;

/** Options of a call that creates or changes something: the idempotency key to reuse on every attempt. */
export interface MutationOptions extends CallOptions {
  /**
   * Reused on every attempt of this call, and by the server to recognise a repeat of the same request
   * (a double click, a retry after reconnecting). Defaults to a fresh key per call; pass a form session's
   * or a queued rating's own key to make repeats across calls harmless too.
   */
  idempotencyKey?: string | undefined;
}

/** Options of a call that reads or acts on one case without logging in. */
export interface CaseAccessOptions extends CallOptions {
  /** The case's query code (查询密码); sent in the `X-Query-Code` header, never in the URL. */
  queryCode?: string | undefined;
}

/** Moves `queryCode` into the `X-Query-Code` header. */
export function withQueryCode<Options extends CaseAccessOptions>({
  queryCode,
  ...options
}: Options): Omit<Options, 'queryCode'> {
  if (queryCode === undefined) return options;
  return { ...options, headers: { ...options.headers, 'X-Query-Code': queryCode } };
}

/** Transport features a resource method may switch on for its operation. */
export type OperationExtras = Pick<HttpRequest, 'reuseEtag' | 'responseType' | 'onUploadProgress'>;

/** Base of the resources: each method is a typed call of one operation of the document. */
export abstract class APIResource {
  protected readonly transport: Transport;

  constructor(transport: Transport) {
    this.transport = transport;
  }

  protected call<M extends HttpMethod, P extends PathsWithMethod<paths, M>>(
    method: M,
    path: P,
    options: RequestOptions<OperationAt<paths, P, M>> & OperationExtras,
  ): Promise<ResponseOf<OperationAt<paths, P, M>>> {
    return this.transport.send({ ...(options as Omit<HttpRequest, 'method' | 'path'>), method, path });
  }
}
