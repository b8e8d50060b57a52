import assert from 'node:assert/strict';
import { loadDocument } from '../../src/openapi/document.js';
import { compileDocument, type OperationSpec } from '../../src/openapi/validator.js';

const compiled = compileDocument(loadDocument().document);
const apiBase = '/api/v1';

const routes = [...compiled.operations.values()].map((operation) => ({
  operation,
  pattern: new RegExp(`^${apiBase}${operation.path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));

/** The operation a method and path belong to, if any. */
export function findOperation(method: string, path: string): OperationSpec | undefined {
  const pathname = path.split('?')[0]!;
  return routes.find(
    (route) => route.operation.method === method.toLowerCase() && route.pattern.test(pathname),
  )?.operation;
}

/** Every operation of the document, for coverage checks. */
export const allOperations = [...compiled.operations.values()];

/**
 * Checks a response against the document: the status must be declared for the operation, the body
 * must match the declared schema of its content type. Problems must be problem+json everywhere.
 */
export function assertConforms(
  method: string,
  path: string,
  status: number,
  contentType: string | null,
  body: unknown,
): void {
  const operation = findOperation(method, path);
  const where = `${method} ${path} → ${status}`;
  if (!operation) {
    if (status >= 400)
      assert.match(contentType ?? '', /^application\/problem\+json/, `${where}: problem+json expected`);
    return;
  }
  const declared =
    operation.responses[String(status)] ??
    operation.responses[`${String(status)[0]}XX`] ??
    operation.responses.default;
  assert.ok(
    declared,
    `${where}: status ${status} is not declared for ${operation.operationId} (declared: ${Object.keys(operation.responses).join(', ')})`,
  );
  const mediaTypes = Object.keys(declared.content);
  if (mediaTypes.length === 0 || status === 304 || status === 204) return;
  const mediaType = (contentType ?? '').split(';')[0]!.trim();
  assert.ok(
    mediaTypes.includes(mediaType),
    `${where}: content type ${mediaType} not declared (${mediaTypes.join(', ')})`,
  );
  const schema = declared.content[mediaType];
  if (!schema) return;
  const errors = compiled.validateValue(schema, body, '');
  assert.deepEqual(
    errors.map((e) => `${e.pointer} ${e.code} ${JSON.stringify(e.params ?? {})}`),
    [],
    `${where}: body does not match the document: ${JSON.stringify(body).slice(0, 500)}`,
  );
}

export { compiled };
