import { isAPIError } from '../base/api.js';
import { deriveApplicant, localPointer } from './case-body.js';
import type { Values } from './form-data.js';
import type { ShownError } from './step-check.js';
import type { CaseCreate } from './types.js';

/**
 * The server's objections to the answers (a 400 or 422 with errors), each pointing at the form field
 * it concerns; undefined for any other failure.
 */
export function serverObjections(
  error: unknown,
  body: CaseCreate,
  sources: Record<string, string>,
): ShownError[] | undefined {
  if (!isAPIError(error) || (error.status !== 422 && error.status !== 400)) return undefined;
  const problem = error.problem as { errors?: Array<{ pointer: string; message: string }> } | undefined;
  if (!problem?.errors?.length) return undefined;
  const from = sources['/applicant/name']
    ? sources
    : (deriveApplicant(body.formData as Values)?.sources ?? {});
  return problem.errors.map((e) => ({ pointer: localPointer(e.pointer, body, from), message: e.message }));
}
