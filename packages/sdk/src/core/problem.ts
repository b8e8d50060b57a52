import type { components } from '../generated/schema.js';

/**
 * RFC 9457 problem details as the document defines them: `code` is stable for programs, `title` and
 * `detail` are for people in the negotiated language, `errors` point at invalid fields. Some problems
 * carry extension members, e.g. `existingEvaluation` on `already_rated`.
 */
export type Problem = components['schemas']['Problem'] & { [extension: string]: unknown };
