import ky, {
  isHTTPError,
  isKyError,
  isTimeoutError,
  type Hooks,
  type KyInstance,
  type NormalizedOptions,
  type Options,
} from 'ky';
import {
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  errorForStatus,
  isAuthenticationError,
  isBanshiError,
} from './errors.js';
import { EtagCache } from './etag-cache.js';
import type { Problem } from './problem.js';
import { retryOptions, type FailedAttempt } from './retry-policy.js';
import { createIdempotencyKey } from './idempotency-key.js';

/**
 * Returns the current bearer token, or nothing to send none. Asked before every attempt, and once more
 * after a 401, so a provider that refreshes an expired token makes the call succeed on its second try.
 */
export type TokenProvider = () => string | null | undefined | Promise<string | null | undefined>;

/** A bearer token, or a {@link TokenProvider}. */
export type TokenSource = string | TokenProvider;

/** A `fetch` compatible function. */
export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** ky's hooks, which an integrator may add to every request (logging, a portal's own headers). */
export type TransportHooks = Hooks;

/** Upload progress, as reported to `onProgress`. */
export interface UploadProgress {
  /** 0 to 1; 0 while the total is unknown. */
  percent: number;
  transferredBytes: number;
  /** 0 when the size cannot be known in advance. */
  totalBytes: number;
}

/** Options every SDK call accepts. */
export interface CallOptions {
  /** Aborts the call, including any wait between attempts; the call then rejects with `APIUserAbortError`. */
  signal?: AbortSignal | undefined;
  /** Extra headers for this call; `undefined` removes a header the client would otherwise send. */
  headers?: Record<string, string | undefined> | undefined;
  /** Milliseconds to wait for each attempt's answer; overrides the client's `timeout`. */
  timeout?: number | undefined;
  /** Retries after the first attempt; overrides the client's `maxRetries`. */
  maxRetries?: number | undefined;
}

/** Everything the transport needs to perform one logical call, which may take several attempts. */
export interface HttpRequest extends CallOptions {
  method: string;
  /** A path of the document, with `{name}` placeholders filled from `params`. */
  path: string;
  params?: Record<string, string | number> | undefined;
  query?: object | undefined;
  /** JSON-serialised unless it is a FormData, Blob, URLSearchParams or string. */
  body?: unknown;
  /**
   * Sent as `Idempotency-Key` on every attempt, which makes a POST retryable. A POST gets a fresh key when
   * none is given; pass `headers: { 'Idempotency-Key': undefined }` to send none.
   */
  idempotencyKey?: string | undefined;
  /** Reuse the last ETag and body for this URL (If-None-Match, 304). */
  reuseEtag?: boolean | undefined;
  /** How to read a successful body; JSON by default, text for non-JSON content. */
  responseType?: 'json' | 'text' | 'blob' | undefined;
  onUploadProgress?: ((progress: UploadProgress) => void) | undefined;
}

/** The settings of a client's transport. */
export interface TransportSettings {
  baseUrl: string;
  token?: TokenSource | undefined;
  fetch?: FetchFunction | undefined;
  timeout: number;
  maxRetries: number;
  locale?: string | undefined;
  headers?: Record<string, string> | undefined;
  hooks?: TransportHooks | undefined;
}

/** What the SDK's own hooks keep about one call, in ky's `context`. */
interface CallState {
  /** The call set its own Authorization header; the token is not applied over it. */
  explicitAuthorization: boolean;
  /** The token the last attempt carried. */
  sentToken: string | undefined;
  /** The token the provider gave after a 401, for the next attempt (so it is not asked twice). */
  renewedToken?: string | undefined;
}

/**
 * Sends requests over ky with the SDK's policies: headers (auth, locale, idempotency), per-attempt
 * timeouts, retries (ky's `retry.shouldRetry`, see {@link retryOptions}), typed errors, and ETag reuse.
 */
export class Transport {
  readonly settings: TransportSettings;
  private readonly etags = new EtagCache();
  private readonly ky: KyInstance;

  constructor(settings: TransportSettings) {
    this.settings = settings;
    const own = settings.hooks ?? {};
    const applyToken = async ({
      request,
      options,
    }: {
      request: Request;
      options: Readonly<NormalizedOptions>;
    }) => {
      // ky copies `context` for each call; the state itself is shared by reference.
      const state = options.context.call as CallState;
      if (state.explicitAuthorization) return;
      const token = state.renewedToken ?? (await this.currentToken());
      state.renewedToken = undefined;
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      else if (this.settings.token !== undefined) request.headers.delete('authorization');
      state.sentToken = token;
    };
    // The token goes on first, so an integrator's hooks see (and may log or replace) the final request.
    this.ky = ky.create({
      throwHttpErrors: (status) => status !== 304,
      hooks: {
        ...own,
        beforeRequest: [applyToken, ...(own.beforeRequest ?? [])],
        beforeRetry: [applyToken, ...(own.beforeRetry ?? [])],
      },
    });
  }

  /**
   * Performs one logical call and returns the parsed body of the successful answer. After a 401 the token
   * provider is asked once more; a new token sends the call again, under the same idempotency key.
   */
  async send<T>(request: HttpRequest): Promise<T> {
    const url = this.buildUrl(request.path, request.params, request.query);
    const headers = this.baseHeaders(request);
    const state: CallState = { explicitAuthorization: headers.has('authorization'), sentToken: undefined };
    try {
      return await this.sendOnce<T>(url, headers, request, state);
    } catch (error) {
      const { token } = this.settings;
      if (!isAuthenticationError(error) || typeof token !== 'function' || state.explicitAuthorization) {
        throw error;
      }
      const renewed = (await token()) || undefined;
      if (!renewed || renewed === state.sentToken) throw error;
      return this.sendOnce<T>(url, headers, request, { ...state, renewedToken: renewed });
    }
  }

  /** The absolute (or page-relative) URL of a document path with its parameters and query. */
  buildUrl(path: string, params?: Record<string, string | number>, query?: object): string {
    const filled = path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const value = params?.[name];
      if (value === undefined) throw new TypeError(`Missing path parameter "${name}" for ${path}`);
      return encodeURIComponent(String(value));
    });
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item !== undefined && item !== null) search.append(key, String(item));
      }
    }
    const queryString = search.toString();
    return `${this.settings.baseUrl.replace(/\/+$/, '')}${filled}${queryString ? `?${queryString}` : ''}`;
  }

  /** One pass through ky: every attempt, retry and wait of the call. */
  private async sendOnce<T>(
    url: string,
    headers: Headers,
    request: HttpRequest,
    state: CallState,
  ): Promise<T> {
    const { signal } = request;
    if (signal?.aborted) throw new APIUserAbortError(signal.reason);
    const cacheKey = `${headers.get('accept-language') ?? ''} ${url}`;
    const cached = request.reuseEtag ? this.etags.get(cacheKey) : undefined;
    const sent = new Headers(headers);
    if (cached) sent.set('if-none-match', cached.etag);
    const method = request.method.toUpperCase();
    const describe = (error: Error): FailedAttempt => ({
      request: (error as { request?: Request }).request ?? { method, headers: sent },
      response: isHTTPError(error) ? error.response : undefined,
      data: isHTTPError(error) ? error.data : undefined,
    });
    let response: Response;
    try {
      response = await this.ky(url, {
        method,
        headers: sent,
        ...this.bodyOptions(request),
        signal,
        timeout: toKyTimeout(request.timeout ?? this.settings.timeout),
        retry: retryOptions(
          request.maxRetries ?? this.settings.maxRetries,
          describe,
          () => !!signal?.aborted,
        ),
        context: { call: state },
      });
    } catch (error) {
      throw toBanshiError(error, signal);
    }
    if (response.status === 304 && cached) {
      void response.body?.cancel();
      return cached.body as T;
    }
    const body = await readBody(response, request).catch((error: unknown) => {
      throw toBanshiError(error, signal);
    });
    const etag = response.headers.get('etag');
    if (request.reuseEtag && etag) this.etags.set(cacheKey, { etag, body });
    return body as T;
  }

  /**
   * The body and, for uploads, how progress is reported: in browsers through XMLHttpRequest (fetch cannot
   * report upload progress over HTTP/1.1, and Chromium 86 has no request streams at all); elsewhere, or
   * with the client's own fetch, through ky's streamed `onUploadProgress`.
   */
  private bodyOptions(request: HttpRequest): Options {
    const { body, onUploadProgress } = request;
    const raw =
      body === undefined ||
      typeof body === 'string' ||
      body instanceof URLSearchParams ||
      (typeof FormData !== 'undefined' && body instanceof FormData) ||
      (typeof Blob !== 'undefined' && body instanceof Blob);
    const options: Options = raw ? { body: body as BodyInit | undefined } : { json: body };
    const fetch = this.settings.fetch;
    if (onUploadProgress && !fetch && typeof XMLHttpRequest === 'function') {
      // The FormData itself: WebKit cannot read back a Request whose FormData holds a File. Imported on
      // the first upload, so bundles that never upload leave it out of their first download.
      const formData = body instanceof FormData ? body : undefined;
      options.fetch = async (input, init) =>
        (await import('./xhr-fetch.js')).xhrFetch(onUploadProgress, formData)(input, init);
    } else {
      if (fetch) options.fetch = fetch;
      if (onUploadProgress) options.onUploadProgress = onUploadProgress;
    }
    return options;
  }

  private baseHeaders(request: HttpRequest): Headers {
    const headers = new Headers({ accept: 'application/json' });
    if (this.settings.locale) headers.set('accept-language', this.settings.locale);
    for (const [name, value] of Object.entries(this.settings.headers ?? {})) headers.set(name, value);
    // Every POST of the document takes a key; one per logical call, reused by every attempt.
    const idempotencyKey =
      request.idempotencyKey ??
      (request.method.toUpperCase() === 'POST' ? createIdempotencyKey() : undefined);
    if (idempotencyKey) headers.set('idempotency-key', idempotencyKey);
    for (const [name, value] of Object.entries(request.headers ?? {})) {
      if (value === undefined) headers.delete(name);
      else headers.set(name, value);
    }
    return headers;
  }

  /** The token for the next attempt, when the client has one. */
  private async currentToken(): Promise<string | undefined> {
    const { token } = this.settings;
    return (typeof token === 'function' ? await token() : token) || undefined;
  }
}

/** ky's per-attempt `timeout`: `false` for none (0 or Infinity), capped at what setTimeout accepts. */
function toKyTimeout(timeout: number): number | false {
  return timeout > 0 && timeout < Infinity ? Math.min(timeout, 2_147_483_647) : false;
}

/** Turns whatever ky or the body read threw into the SDK's error for it. */
function toBanshiError(error: unknown, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted) return new APIUserAbortError(signal.reason);
  if (isBanshiError(error)) return error;
  if (isHTTPError(error)) {
    const { data, response } = error;
    const problem =
      typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Problem) : undefined;
    return errorForStatus(response.status, problem, response.headers);
  }
  if (isTimeoutError(error)) return new APITimeoutError(error);
  // ky's NetworkError carries the fetch failure as its cause; anything else (a hook's own error too) is
  // the cause itself.
  const cause = isKyError(error) && error.cause !== undefined ? error.cause : error;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new APIConnectionError(`Connection error: ${reason}`, error);
}

async function readBody(response: Response, request: HttpRequest): Promise<unknown> {
  if (response.status === 204 || response.status === 205 || request.method.toUpperCase() === 'HEAD') {
    return undefined;
  }
  if (request.responseType === 'blob') return response.blob();
  const text = await response.text();
  const isJson = /[/+]json\b/i.test(response.headers.get('content-type') ?? '');
  if (request.responseType === 'text' || !isJson) return text;
  return text === '' ? undefined : JSON.parse(text);
}
