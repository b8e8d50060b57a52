import { isAPIError } from '../base/api.js';
import type { ShownError } from './step-check.js';

/** A field error of the server: a pointer into the request body, and the material it concerns. */
interface FieldError {
  pointer: string;
  message: string;
  materialId?: string;
}

/**
 * Where a field error of the server belongs in the form: a field of the form data (`/applicant/idNumber`
 * for `/formData/applicant/idNumber`), `#materials/<id>`, `#commitment`, `#situation/<id>`, or '' when it
 * names nothing the applicant can change.
 */
export function localPointer({ pointer, materialId }: FieldError): string {
  if (pointer.startsWith('/formData/')) return pointer.slice('/formData'.length);
  if (pointer.startsWith('/situationAnswers/')) return '#situation/' + pointer.split('/')[2];
  if (pointer === '/commitmentAccepted') return '#commitment';
  if (pointer.startsWith('/materials')) return materialId ? '#materials/' + materialId : '#materials';
  return '';
}

/**
 * The server's objections to the answers (a 400 or 422 with errors), each pointing at the form field
 * or material it concerns; undefined for any other failure.
 */
export function serverObjections(error: unknown): ShownError[] | undefined {
  if (!isAPIError(error) || (error.status !== 422 && error.status !== 400)) return undefined;
  const problem = error.problem as { errors?: FieldError[] } | undefined;
  if (!problem?.errors?.length) return undefined;
  return problem.errors.map((e) => ({ pointer: localPointer(e), message: e.message }));
}
