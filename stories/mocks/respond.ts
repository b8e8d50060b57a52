/**
 * How the mocks answer: like the reference server (JSON bodies, RFC 9457 `application/problem+json`
 * errors, `X-Request-Id`, `Content-Language` following `Accept-Language`), plus the failures stories need.
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';

/** Every API path of the mocks starts with this; `*` matches any origin, so any `api-base` is mocked. */
export const API = '*/api/v1';

/** The language the server answers in: English when the widget asks for it, Chinese otherwise. */
export type MockLocale = 'zh-CN' | 'en';

export function localeOf(request: Request): MockLocale {
  return /^en\b/i.test(request.headers.get('accept-language') ?? '') ? 'en' : 'zh-CN';
}

let requestCount = 0;

/** A request id shaped like the server's (`req_` and 26 characters). */
export function requestId(): string {
  requestCount += 1;
  return `req_01JDB5M8W3K2Q7R4T6Y9${String(requestCount).padStart(6, '0')}`;
}

function commonHeaders(request: Request, extra: Record<string, string> = {}): Record<string, string> {
  return { 'X-Request-Id': requestId(), 'Content-Language': localeOf(request), ...extra };
}

/** A JSON answer with the server's headers. */
export function json(
  request: Request,
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  return Response.json(body, { status, headers: commonHeaders(request, headers) });
}

/** One invalid value, as `errors[]` of a `validation_failed` problem lists it. */
export interface MockFieldError {
  pointer: string;
  code: string;
  message: Record<MockLocale, string>;
}

/** What a problem says, in both languages; `extensions` are extra members such as `existingEvaluation`. */
export interface MockProblem {
  status: number;
  code: string;
  title: Record<MockLocale, string>;
  detail?: Record<MockLocale, string>;
  errors?: MockFieldError[];
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** An `application/problem+json` answer worded in the request's language. */
export function problem(request: Request, spec: MockProblem): Response {
  const locale = localeOf(request);
  const id = requestId();
  const body = {
    type: `urn:banshi:problem:${spec.code.replace(/_/g, '-')}`,
    title: spec.title[locale],
    status: spec.status,
    ...(spec.detail ? { detail: spec.detail[locale] } : {}),
    instance: new URL(request.url).pathname,
    code: spec.code,
    requestId: id,
    ...(spec.errors
      ? {
          errors: spec.errors.map((error) => ({
            pointer: error.pointer,
            code: error.code,
            message: error.message[locale],
          })),
        }
      : {}),
    ...spec.extensions,
  };
  return new Response(JSON.stringify(body), {
    status: spec.status,
    headers: {
      'Content-Type': 'application/problem+json; charset=utf-8',
      'X-Request-Id': id,
      'Content-Language': locale,
      ...spec.headers,
    },
  });
}

/** 400 `validation_failed` listing each invalid value, as the server words it. */
export function validationFailed(request: Request, errors: MockFieldError[]): Response {
  return problem(request, {
    status: 400,
    code: 'validation_failed',
    title: { 'zh-CN': '提交的内容有误', en: 'The request has errors' },
    detail: {
      'zh-CN': `有 ${errors.length} 处内容需要修改。`,
      en: `${errors.length} value(s) need to be corrected.`,
    },
    errors,
  });
}

/** 404 `not_found`. */
export function notFound(request: Request, what: Record<MockLocale, string>): Response {
  return problem(request, {
    status: 404,
    code: 'not_found',
    title: { 'zh-CN': '未找到所请求的资源', en: 'The requested resource was not found' },
    detail: what,
  });
}

type Method = 'get' | 'post' | 'put' | 'delete' | 'patch' | 'all';

/**
 * Failures a story can put in place of a resource's normal handlers (`path` is relative to {@link API},
 * and may end in `*`). Every one answers all methods unless told otherwise.
 */
export const failures = {
  /**
   * 503 `service_unavailable` (maintenance) with a `Retry-After` longer than the SDK waits for, so the widget
   * shows its error at once instead of after its retries.
   */
  unavailable(path: string, method: Method = 'all'): HttpHandler {
    return http[method](`${API}${path}`, ({ request }) =>
      problem(request, {
        status: 503,
        code: 'service_unavailable',
        title: { 'zh-CN': '服务暂时不可用', en: 'The service is temporarily unavailable' },
        detail: { 'zh-CN': '系统维护中，请稍后再试。', en: 'Under maintenance; please try again later.' },
        headers: { 'Retry-After': '600' },
      }),
    );
  },
  /** A request that never gets an answer: the widget stays in its sending or loading state. */
  neverAnswers(path: string, method: Method = 'all'): HttpHandler {
    return http[method](`${API}${path}`, async () => {
      await delay('infinite');
      return new HttpResponse(null, { status: 504 });
    });
  },
  /** The network is down: the request fails as a fetch without an answer (`TypeError: Failed to fetch`). */
  networkDown(path: string, method: Method = 'all'): HttpHandler {
    return http[method](`${API}${path}`, () => HttpResponse.error());
  },
};

const resetters: (() => void)[] = [];

/** Registers how a mock module forgets what stories did (ratings recorded, keys seen). */
export function onReset(reset: () => void): void {
  resetters.push(reset);
}

/** Called before every story, so each starts from the same data whatever ran before it. */
export function resetMocks(): void {
  for (const reset of resetters) reset();
}
