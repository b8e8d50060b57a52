/** 办件编号 once spaces are removed and letters upper-cased. */
export const CASE_NUMBER = /^[0-9A-Z]{10,32}$/;
/** 查询密码 once spaces and dashes are removed and letters upper-cased (no 0/O, 1/I/L). */
export const QUERY_CODE = /^[2-9A-HJKMNP-Z]{8}$/;
/** A case number or query code as typed, without spaces and dashes, upper-cased. */
export const normalize = (value: string): string => value.replace(/[\s-]/g, '').toUpperCase();

export type LookupField = 'caseNumber' | 'queryCode';
/** Why a lookup failed, as the person is told. A wrong pair is one answer whatever the cause. */
export type LookupProblem =
  | { kind: 'mismatch' | 'network' | 'server' }
  | { kind: 'limited'; seconds: number }
  // The API refused this page's origin (CORS): `text` says so and what to configure.
  | { kind: 'refused'; text: string };

/** The fields of the lookup form that are not well formed. */
export function lookupErrors(caseNumber: string, queryCode: string): LookupField[] {
  return [
    ...(CASE_NUMBER.test(caseNumber) ? [] : ['caseNumber' as const]),
    ...(QUERY_CODE.test(queryCode) ? [] : ['queryCode' as const]),
  ];
}

/** What a failed lookup tells the person, from the error the client threw. */
export function lookupProblem(error: unknown, answered: boolean): LookupProblem {
  const status = answered ? (error as { status: number }).status : 0;
  return status === 429
    ? { kind: 'limited', seconds: (error as { retryAfter?: number }).retryAfter ?? 60 }
    : { kind: status >= 500 ? 'server' : status ? 'mismatch' : 'network' };
}
