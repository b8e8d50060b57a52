import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Locale } from '../i18n/locale.js';
import { translate } from '../i18n/messages.js';

/** One field-level error: a JSON pointer into the request, a stable code and a localised message. */
export interface FieldError {
  pointer: string;
  code: string;
  message: string;
}

/** A field error before localisation: the message is a key with parameters. */
export interface FieldErrorKey {
  pointer: string;
  code: string;
  messageKey: string;
  params?: Record<string, string | number>;
  /** A message already localised (from the form engine), used instead of the key. */
  message?: string;
  /** The material an error about `/materials…` concerns. */
  materialId?: string;
}

/** An RFC 9457 problem body as the server sends it. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

const statusTitles: Record<number, string> = {
  400: 'problem.badRequest',
  401: 'problem.unauthorized',
  403: 'problem.forbidden',
  404: 'problem.notFound',
  405: 'problem.methodNotAllowed',
  409: 'problem.conflict',
  410: 'problem.gone',
  412: 'problem.preconditionFailed',
  413: 'problem.tooLarge',
  415: 'problem.unsupportedMediaType',
  422: 'problem.unprocessable',
  428: 'problem.preconditionFailed',
  429: 'problem.tooManyRequests',
  500: 'problem.internal',
};

/** The problem `type` URI of a code: `urn:banshi:problem:<code with dashes>`. */
export function problemType(code: string): string {
  return `urn:banshi:problem:${code.replace(/_/g, '-')}`;
}

/**
 * Thrown by handlers for an expected failure; the app turns it into `application/problem+json`.
 * `code` is the document's stable problem code (`validation_failed`, `not_found`, …);
 * `titleKey`/`detailKey` are message keys so the answer follows the request's locale.
 */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly options: {
      titleKey?: string;
      detailKey?: string;
      params?: Record<string, string | number>;
      errors?: FieldErrorKey[];
      headers?: Record<string, string>;
      extensions?: Record<string, unknown>;
    } = {},
  ) {
    super(code);
    this.name = 'ProblemError';
  }
}

/** Localises field errors. */
export function localiseErrors(locale: Locale, errors: FieldErrorKey[]): FieldError[] {
  return errors.map((error) => ({
    pointer: error.pointer,
    code: error.code,
    message: error.message ?? translate(locale, error.messageKey, error.params),
    ...(error.materialId ? { materialId: error.materialId } : {}),
  }));
}

/** Builds the problem body for an error in a locale. */
export function problemBody(
  error: ProblemError,
  locale: Locale,
  requestId?: string,
  instance?: string,
): ProblemBody {
  const { titleKey, detailKey, params, errors, extensions } = error.options;
  const body: ProblemBody = {
    type: problemType(error.code),
    title: translate(locale, titleKey ?? statusTitles[error.status] ?? 'problem.badRequest', params),
    status: error.status,
    code: error.code,
  };
  if (detailKey) body.detail = translate(locale, detailKey, params);
  if (instance) body.instance = instance;
  if (requestId) body.requestId = requestId;
  if (errors && errors.length > 0) body.errors = localiseErrors(locale, errors);
  return { ...body, ...extensions };
}

/** Sends a problem response. */
export function sendProblem(c: Context, error: ProblemError): Response {
  const locale = (c.get('locale') as Locale | undefined) ?? 'zh-CN';
  const requestId = c.get('requestId') as string | undefined;
  const body = problemBody(error, locale, requestId, new URL(c.req.url).pathname);
  const headers: Record<string, string> = {
    'content-type': 'application/problem+json',
    ...error.options.headers,
  };
  if (locale) headers['content-language'] = locale;
  return c.body(JSON.stringify(body), error.status as ContentfulStatusCode, headers);
}

/** Shorthands for the common problems. */
export const problems = {
  notFound: (detailKey?: string, params?: Record<string, string | number>) =>
    new ProblemError(404, 'not_found', detailKey ? { detailKey, params } : {}),
  /** No item has this code. */
  itemNotFound: (code: string) => problems.notFound('problem.itemNotFound', { code }),
  validation: (errors: FieldErrorKey[], status = 400) =>
    new ProblemError(status, 'validation_failed', {
      titleKey: 'problem.validation',
      detailKey: 'problem.fieldCount',
      params: { count: errors.length },
      errors,
    }),
  invalidTransition: (from: string) =>
    new ProblemError(409, 'invalid_transition', {
      titleKey: 'problem.conflict',
      detailKey: 'problem.invalidTransition',
      params: { from },
    }),
};
