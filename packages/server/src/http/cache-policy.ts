import type { OperationSpec } from '../openapi/validator.js';

/** Headers of every API answer: browsers must never guess another type than the one declared. */
export const apiAnswerHeaders: Readonly<Record<string, string>> = Object.freeze({
  'X-Content-Type-Options': 'nosniff',
});

// Public operations whose answers still carry a secret: the query code and applicant token of a new case,
// the form session token issued with a form, and the uploads tied to that session.
const publicWithSecrets = new Set(['createCase', 'getItemForm', 'createUpload', 'getUpload']);

/**
 * Whether the operation's answers carry case data, query codes or tokens: every operation that takes a
 * credential, and the few public ones above. Such answers say `Cache-Control: no-store`, so no browser
 * or shared cache keeps them.
 */
export function carriesSecrets(operation: OperationSpec): boolean {
  if (publicWithSecrets.has(operation.operationId)) return true;
  const requirements = (operation.security ?? []) as Record<string, unknown>[];
  return requirements.some((requirement) => Object.keys(requirement).length > 0);
}
