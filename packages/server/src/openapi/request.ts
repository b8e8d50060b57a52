import type { Context } from 'hono';
import { ProblemError, problems, type FieldErrorKey } from '../http/problem.js';
import { requestHeader } from '../http/headers.js';
import { assertUtf8Charset, badString, parseJsonBody as parseGuardedJson } from '../http/json-guard.js';
import type { Schema } from '@cfworker/json-schema';
import type { CompiledDocument, OperationSpec, ParameterSpec } from './validator.js';

/** A request after validation: parameters coerced to their declared types, the JSON body parsed. */
export interface ValidatedRequest {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  body: unknown;
  /** The request's media type when it had a body, without parameters. */
  mediaType: string | undefined;
}

function coerceScalar(value: string, type: ParameterSpec['itemType']): unknown {
  if (type === 'integer' || type === 'number') {
    return value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
  }
  if (type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  return value;
}

function coerce(values: string[], parameter: ParameterSpec): unknown {
  if (parameter.coerceAs === 'array') {
    return values
      .flatMap((v) => v.split(','))
      .filter((v) => v !== '')
      .map((v) => coerceScalar(v, parameter.itemType));
  }
  return coerceScalar(values[0] ?? '', parameter.coerceAs);
}

/**
 * Checks a request against its operation: path, query and header parameters (unknown query parameters
 * are ignored), the content type and the JSON body. Throws a 4xx ProblemError naming each bad field.
 */
export async function validateRequest(
  c: Context,
  operation: OperationSpec,
  compiled: CompiledDocument,
): Promise<ValidatedRequest> {
  const result: ValidatedRequest = {
    ...validateParameters(c, operation, compiled),
    body: undefined,
    mediaType: undefined,
  };
  const body = operation.requestBody;
  if (!body) return result;
  const contentType = requestHeader(c, 'content-type');
  const contentLength = requestHeader(c, 'content-length');
  const hasBody =
    contentType !== undefined ||
    (contentLength !== undefined && contentLength !== '0') ||
    requestHeader(c, 'transfer-encoding') !== undefined;
  if (!hasBody) {
    if (body.required) {
      throw problems.validation([{ pointer: '', code: 'required', messageKey: 'validation.bodyRequired' }]);
    }
    return result;
  }
  const mediaType = declaredMediaType(body, contentType);
  result.mediaType = mediaType;
  // Multipart and binary bodies: the route reads them.
  if (mediaType !== 'application/json' && !mediaType.endsWith('+json')) return result;
  assertUtf8Charset(contentType, mediaType);
  result.body = await parseJsonBody(c, body.content[mediaType], compiled);
  return result;
}

type Parameters = Pick<ValidatedRequest, 'path' | 'query' | 'headers'>;

function rawParameter(c: Context, parameter: ParameterSpec): string[] | undefined {
  if (parameter.in === 'path') {
    const value = c.req.param(parameter.name);
    return value === undefined ? undefined : [value];
  }
  if (parameter.in === 'query') return c.req.queries(parameter.name);
  const value = requestHeader(c, parameter.name);
  return value === undefined ? undefined : [value];
}

/** The path, query and header parameters, coerced and checked; 400 naming each bad one. */
function validateParameters(c: Context, operation: OperationSpec, compiled: CompiledDocument): Parameters {
  const errors: FieldErrorKey[] = [];
  const result: Parameters = { path: {}, query: {}, headers: {} };
  for (const parameter of operation.parameters) {
    if (parameter.in === 'cookie') continue;
    const raw = rawParameter(c, parameter);
    const pointer = `#/${parameter.in}/${parameter.name}`;
    if (!raw || raw.length === 0) {
      if (parameter.required) {
        errors.push({
          pointer,
          code: 'required',
          messageKey: parameter.in === 'header' ? 'validation.missingHeader' : 'validation.required',
          params: { property: parameter.name, name: parameter.name },
        });
      }
      continue;
    }
    // A value the document types as one value, given twice, is ambiguous; arrays are declared as such.
    if (raw.length > 1 && parameter.coerceAs !== 'array') {
      errors.push({
        pointer,
        code: 'repeated',
        messageKey: 'validation.repeated',
        params: { name: parameter.name },
      });
      continue;
    }
    const bad = raw.map(badString).find(Boolean);
    if (bad) {
      errors.push({ pointer, code: 'pattern', messageKey: bad });
      continue;
    }
    const value = coerce(raw, parameter);
    const found = compiled.validateValue(parameter.schema, value, pointer);
    if (found.length > 0) errors.push(...found);
    else
      result[parameter.in === 'path' ? 'path' : parameter.in === 'query' ? 'query' : 'headers'][
        parameter.name
      ] = value;
  }
  if (errors.length > 0) throw problems.validation(errors);
  return result;
}

/** The declared media type the request's Content-Type matches; 415 when none does. */
function declaredMediaType(
  body: NonNullable<OperationSpec['requestBody']>,
  contentType: string | undefined,
): string {
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const declared = Object.keys(body.content);
  const match =
    declared.find((d) => d === mediaType) ??
    declared.find((d) => d.endsWith('/*') && mediaType.startsWith(d.slice(0, -1)));
  if (match) return match;
  throw new ProblemError(415, 'unsupported_media_type', {
    titleKey: 'problem.unsupportedMediaType',
    detailKey: 'validation.contentType',
    params: { expected: declared.join(', ') },
    errors: [
      {
        pointer: '#/header/Content-Type',
        code: 'contentType',
        messageKey: 'validation.contentType',
        params: { expected: declared.join(', ') },
      },
    ],
  });
}

/** The JSON body, parsed under the JSON guard and checked against its schema; 400 naming each bad field. */
async function parseJsonBody(c: Context, schema: Schema | undefined, compiled: CompiledDocument) {
  const parsed = parseGuardedJson(await c.req.text());
  if (schema) {
    const found = compiled.validateValue(schema, parsed, '');
    if (found.length > 0) throw problems.validation(found);
  }
  return parsed;
}
