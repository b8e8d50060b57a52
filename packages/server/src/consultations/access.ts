import type { Kysely } from 'kysely';
import { requireDepartment } from '../access/department-scope.js';
import type { Permission } from '../access/permissions.js';
import { verifyQueryCode } from '../cases/query-code.js';
import type { DatabaseSchema } from '../db/schema-types.js';
import { authoriseStaff, type StaffCaller } from '../http/authorise.js';
import type { CallContext } from '../http/operation.js';
import { ProblemError } from '../http/problem.js';
import type { ConsultationRow } from './rules.js';
import './messages.js';

/** The same answer for an unknown number, a wrong code and another department's question. */
export function consultationNotFound(headers: Record<string, string> = {}): ProblemError {
  return new ProblemError(404, 'not_found', { detailKey: 'consultation.lookupFailed', headers });
}

/** The blind index that finds a signed-in asker's questions. */
export function askerIndex(ctx: Pick<CallContext, 'caller' | 'services'>): string | undefined {
  if (ctx.caller.kind !== 'person') return undefined;
  const { issuer, subject } = ctx.caller.principal;
  return ctx.services.pii.blindIndex(`${issuer}#${subject}`, 'consultations.owner');
}

type ConsultationCaller = CallContext & { request: { headers: { 'X-Query-Code'?: string } } };

/**
 * A question read again inside a call's transaction, locked, after `authorise` proved access (the
 * lookup limit counts outside the transaction, so it is not checked twice).
 */
export async function lockConsultation(
  trx: Kysely<DatabaseSchema>,
  number: string,
): Promise<ConsultationRow> {
  const row = await selectConsultation(trx, number, true);
  if (!row) throw consultationNotFound();
  return row;
}

async function selectConsultation(db: Kysely<DatabaseSchema>, number: string, lock: boolean) {
  let query = db.selectFrom('consultations').selectAll().where('number', '=', number);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

/**
 * Loads a question for its asker (the query code, checked under the case lookup limits, or signed in
 * as the person who asked) or, when `staff` names a permission, for staff of its department (only
 * them with `staffOnly`: anyone else is 401 or 403).
 */
export async function loadConsultation(
  ctx: ConsultationCaller,
  db: Kysely<DatabaseSchema>,
  number: string,
  options: { staff?: Permission; staffOnly?: boolean; lock?: boolean } = {},
): Promise<{ row: ConsultationRow; principal?: StaffCaller }> {
  const lock = options.lock ?? false;
  const isStaff = ctx.caller.kind === 'staff' || ctx.caller.kind === 'service';
  if (options.staff && (isStaff || options.staffOnly)) {
    const principal = authoriseStaff(ctx, options.staff);
    const row = await selectConsultation(db, number, lock);
    if (!row) throw consultationNotFound();
    requireDepartment(principal, row.department_id, 'consultation', consultationNotFound);
    return { row, principal };
  }
  const code = ctx.request.headers['X-Query-Code'];
  const owner = askerIndex(ctx);
  if (owner && !code) {
    const row = await selectConsultation(db, number, lock);
    if (!row || row.owner_index !== owner) throw consultationNotFound();
    return { row };
  }
  if (!code)
    throw new ProblemError(401, 'unauthorized', {
      headers: { 'WWW-Authenticate': 'Bearer realm="banshi"' },
      detailKey: 'consultation.lookupFailed',
    });
  const row = await selectConsultation(db, number, lock);
  // Counted outside the request's transaction, so a rollback does not undo it.
  const { granted, headers } = await ctx.services.lookupGuard.run(number, ctx.client, () =>
    verifyQueryCode(code, row ? { salt: row.query_code_salt, hash: row.query_code_hash } : undefined),
  );
  if (!granted || !row) throw consultationNotFound(headers);
  Object.assign(ctx.responseHeaders, headers);
  return { row };
}
