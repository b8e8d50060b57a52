import type { paths } from './generated/schema.js';
import type {
  AnyCaseMethod,
  OperationAt,
  OptionsArgument,
  PathsWithMethod,
  ResponseOf,
} from './core/request-types.js';
import {
  Transport,
  type FetchFunction,
  type HttpRequest,
  type TokenProvider,
  type TokenSource,
  type TransportHooks,
} from './core/transport.js';

/** How to reach and talk to a Banshi API. */
export interface ClientOptions {
  /** The API root, e.g. `https://zwfw.example.gov.cn/api/v1` (or `/api/v1` in a browser on the same site). */
  baseUrl: string;
  /**
   * The applicant's bearer token or a staff member's, or a function returning the current one (as
   * {@link ClientOptions.tokenProvider}). Ignored when `tokenProvider` is given.
   */
  token?: TokenSource | undefined;
  /**
   * Returns the current bearer token (a signed-in applicant's, a staff member's), or nothing to call
   * without one. It is asked before every attempt, so retries pick up a refreshed token, and once more
   * after a 401: a different token then sends the call again; otherwise the `AuthenticationError` surfaces.
   */
  tokenProvider?: TokenProvider | undefined;
  /**
   * ky hooks run on every request of this client, after the SDK's own (which set the token): e.g.
   * `beforeRequest` to log or add a portal's headers, `afterResponse` to measure. Errors still reach the
   * caller as the SDK's error classes.
   */
  hooks?: TransportHooks | undefined;
  /** A `fetch` to use instead of the global one (tests, proxies, server-side rendering). */
  fetch?: FetchFunction | undefined;
  /** Milliseconds to wait for each attempt's answer. Default 30 000; 0 waits forever. */
  timeout?: number | undefined;
  /** Retries after the first attempt, for the failures that are safe to retry. Default 2. */
  maxRetries?: number | undefined;
  /** Sent as `Accept-Language`, e.g. `zh-CN` or `en`; the server words its messages in it. */
  locale?: string | undefined;
  /** Headers sent with every request. */
  headers?: Record<string, string> | undefined;
}

/** Default `timeout`: 30 seconds. */
export const DEFAULT_TIMEOUT = 30_000;
/** Default `maxRetries`. */
export const DEFAULT_MAX_RETRIES = 2;

/**
 * What every client has: the options, the transport, {@link ClientCore.request} and
 * {@link ClientCore.withOptions}. {@link BanshiClient} adds the resources; a bundle that needs only some of
 * them (each web component's chunk) builds its own on this, so the others stay out of its download.
 */
export class ClientCore {
  /** The options this client was created with. */
  readonly options: Readonly<ClientOptions>;
  /** What the resources call through. */
  protected readonly transport: Transport;

  constructor(options: ClientOptions) {
    this.options = { ...options };
    this.transport = new Transport({
      baseUrl: options.baseUrl,
      token: options.tokenProvider ?? options.token,
      fetch: options.fetch,
      hooks: options.hooks,
      timeout: options.timeout ?? DEFAULT_TIMEOUT,
      maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
      locale: options.locale,
      headers: options.headers,
    });
  }

  /**
   * Calls any operation of the document. Path, parameters, body and result are typed from the document,
   * so a path it lacks or a body of the wrong shape does not compile.
   *
   * @example
   * const item = await client.request('get', '/items/{code}', { params: { code: '000000000001' } });
   */
  request<M extends AnyCaseMethod, P extends PathsWithMethod<paths, Lowercase<M>>>(
    method: M,
    path: P,
    ...[options]: OptionsArgument<OperationAt<paths, P, Lowercase<M>>>
  ): Promise<ResponseOf<OperationAt<paths, P, Lowercase<M>>>> {
    return this.transport.send({ ...(options as Omit<HttpRequest, 'method' | 'path'>), method, path });
  }

  /** A new client of the same kind with some options changed, e.g. another locale for one widget. */
  withOptions(overrides: Partial<ClientOptions>): this {
    const Client = this.constructor as new (options: ClientOptions) => this;
    return new Client({ ...this.options, ...overrides });
  }
}
