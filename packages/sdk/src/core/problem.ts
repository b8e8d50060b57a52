/**
 * RFC 9457 problem details, as the server sends them with `application/problem+json`.
 * Replaced by the document's own Problem schema once the types are generated.
 */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  [extension: string]: unknown;
}
