import {
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  errorForStatus,
  isAPIUserAbortError,
  isBanshiError,
} from './errors.js';
import { EtagCache } from './etag-cache.js';
import type { Problem } from './problem.js';
import { isRepeatable, isRetryableAnswer, retryDelay } from './retry-policy.js';
import { createIdempotencyKey } from './idempotency-key.js';
import { sleep } from './sleep.js';
import { xhrFetch } from './xhr-fetch.js';

/** A bearer token, or a function that returns the current one (called before every attempt). */
export type TokenSource = string | (() => string | null | undefined | Promise<string | null | undefined>);

/** A `fetch` compatible function. */
export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

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
}

/**
 * Sends requests with the SDK's policies: headers (auth, locale, idempotency), timeouts, retries with
 * backoff, typed errors, and ETag reuse. Each attempt is one plain `fetch` (XMLHttpRequest in browsers when
 * upload progress is wanted); no HTTP library, since the SDK owns every policy one would add and the
 * widgets' CDN bundles cannot afford its bytes.
 */
export class Transport {
  readonly settings: TransportSettings;
  private readonly etags = new EtagCache();

  constructor(settings: TransportSettings) {
    this.settings = settings;
  }

  /** Performs one logical call and returns the parsed body of the successful answer. */
  async send<T>(request: HttpRequest): Promise<T> {
    const { signal } = request;
    const url = this.buildUrl(request.path, request.params, request.query);
    const headers = this.baseHeaders(request);
    const cacheKey = `${headers.get('accept-language') ?? ''} ${url}`;
    const maxRetries = request.maxRetries ?? this.settings.maxRetries;
    const repeatable = isRepeatable(request.method, headers.has('idempotency-key'));
    const explicitAuthorization = headers.has('authorization');

    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw new APIUserAbortError(signal.reason);
      const cached = request.reuseEtag ? this.etags.get(cacheKey) : undefined;
      if (cached) headers.set('if-none-match', cached.etag);
      if (!explicitAuthorization) await this.applyToken(headers);
      const mayRetry = repeatable && attempt < maxRetries;
      // The attempt's own signal: the caller's abort for the whole attempt, the timeout until the answer.
      const attemptAbort = new AbortController();
      const abortAttempt = () => attemptAbort.abort();
      signal?.addEventListener('abort', abortAttempt);
      if (signal?.aborted) abortAttempt();
      try {
        let response: Response;
        try {
          response = await this.attempt(url, headers, request, attemptAbort);
        } catch (error) {
          const failure = toTransportError(error, signal);
          if (mayRetry && !isAPIUserAbortError(failure)) {
            await sleep(retryDelay(attempt + 1, null) ?? 0, signal);
            continue;
          }
          throw failure;
        }

        if (response.status === 304 && cached) {
          void response.body?.cancel();
          return cached.body as T;
        }
        if (response.ok) {
          const body = await readBody(response, request).catch((error: unknown) => {
            throw toTransportError(error, signal);
          });
          const etag = response.headers.get('etag');
          if (request.reuseEtag && etag) this.etags.set(cacheKey, { etag, body });
          return body as T;
        }
        const problem = await readProblem(response);
        if (mayRetry && isRetryableAnswer(response.status, problem?.code)) {
          const wait = retryDelay(attempt + 1, response.headers.get('retry-after'));
          if (wait !== undefined) {
            await sleep(wait, signal);
            continue;
          }
        }
        throw errorForStatus(response.status, problem, response.headers);
      } finally {
        signal?.removeEventListener('abort', abortAttempt);
      }
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

  private async applyToken(headers: Headers): Promise<void> {
    const { token } = this.settings;
    if (token === undefined) return;
    const value = typeof token === 'function' ? await token() : token;
    if (value) headers.set('authorization', `Bearer ${value}`);
    else headers.delete('authorization');
  }

  /**
   * One attempt: resolves once the answer's headers arrive (the timeout covers only that wait, so a slow
   * body stays the caller's to abort). Signals are combined by hand: AbortSignal.any/timeout are missing
   * from the older browsers we support.
   */
  private async attempt(
    url: string,
    headers: Headers,
    request: HttpRequest,
    attemptAbort: AbortController,
  ): Promise<Response> {
    const { body, onUploadProgress } = request;
    const raw =
      body === undefined ||
      typeof body === 'string' ||
      body instanceof URLSearchParams ||
      (typeof FormData !== 'undefined' && body instanceof FormData) ||
      (typeof Blob !== 'undefined' && body instanceof Blob);
    const sent = new Headers(headers);
    if (!raw && !sent.has('content-type')) sent.set('content-type', 'application/json');
    let init: RequestInit = {
      method: request.method.toUpperCase(),
      headers: sent,
      body: raw ? (body as BodyInit | undefined) : JSON.stringify(body),
      signal: attemptAbort.signal,
    };
    let fetch = this.settings.fetch ?? globalThis.fetch;
    if (onUploadProgress) {
      // Browsers: XMLHttpRequest reports upload progress; fetch cannot over HTTP/1.1. Node: a streamed body.
      if (!this.settings.fetch && typeof XMLHttpRequest === 'function')
        fetch = xhrFetch(onUploadProgress, init.body instanceof FormData ? init.body : undefined);
      else init = await streamWithProgress(new Request(url, init), onUploadProgress);
    }
    const timeout = request.timeout ?? this.settings.timeout;
    let timedOut = false;
    const timer =
      timeout > 0 && timeout < Infinity
        ? setTimeout(() => {
            timedOut = true;
            attemptAbort.abort();
          }, timeout)
        : undefined;
    try {
      // Called with one Request: a page's fetch wrapper may read `input.url` and `input.headers`.
      return await fetch(new Request(url, init));
    } catch (error) {
      throw timedOut ? new APITimeoutError(error) : error;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** A request's body as a stream that reports how much of it has been read out (Node's fetch sends it). */
async function streamWithProgress(
  request: Request,
  onProgress: (progress: UploadProgress) => void,
): Promise<RequestInit> {
  const bytes = new Uint8Array(await request.arrayBuffer());
  const totalBytes = bytes.length;
  let transferredBytes = 0;
  const report = () =>
    onProgress({
      percent: totalBytes ? transferredBytes / totalBytes : 1,
      transferredBytes,
      totalBytes,
    });
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = bytes.subarray(transferredBytes, transferredBytes + 65_536);
      transferredBytes += chunk.length;
      if (chunk.length) controller.enqueue(chunk);
      report();
      if (transferredBytes >= totalBytes) controller.close();
    },
  });
  // `duplex` is required by fetch for a streamed body and not yet in the DOM typings.
  return {
    method: request.method,
    headers: request.headers,
    body,
    signal: request.signal,
    duplex: 'half',
  } as RequestInit;
}

/** Turns whatever an attempt threw into the SDK's error for it. */
function toTransportError(error: unknown, signal: AbortSignal | undefined): Error {
  if (signal?.aborted) return new APIUserAbortError(signal.reason);
  if (isBanshiError(error)) return error;
  if (error instanceof Error && error.name === 'TimeoutError') return new APITimeoutError(error);
  const reason = error instanceof Error ? error.message : String(error);
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

async function readProblem(response: Response): Promise<Problem | undefined> {
  try {
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Problem)
      : undefined;
  } catch {
    return undefined;
  }
}
