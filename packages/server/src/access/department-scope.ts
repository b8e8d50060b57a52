import { sql, type SelectQueryBuilder } from 'kysely';
import { ProblemError } from '../http/problem.js';
import type { Principal } from '../identity/principal.js';

/** The records staff see by department: cases, ratings, questions (我要问) and bookings (预约). */
export type ScopedResource = 'case' | 'evaluation' | 'consultation' | 'appointment';

/**
 * Whether the principal may see records of a department: staff only their own departments; the
 * reviewers of the 政务服务管理机构 every department's evaluations (they decide appeals across
 * offices); service accounts whatever their scope lets them read.
 */
export function seesDepartment(
  principal: Principal,
  departmentId: string,
  resource: ScopedResource,
): boolean {
  if (principal.kind === 'service') return true;
  if (principal.kind !== 'staff') return false;
  if (resource === 'evaluation' && principal.roles.includes('reviewer')) return true;
  return principal.departments.includes(departmentId);
}

/**
 * The departments whose records a listing may show the principal, or `all`. Listings filter by it, so
 * another department's records are never counted or shown.
 */
export function visibleDepartments(principal: Principal, resource: ScopedResource): string[] | 'all' {
  if (principal.kind === 'service') return 'all';
  if (principal.kind !== 'staff') return [];
  if (resource === 'evaluation' && principal.roles.includes('reviewer')) return 'all';
  return principal.departments;
}

/**
 * Throws `notFound()` when the record belongs to a department the principal does not see: the answer
 * is the same as for a record that does not exist, so its existence does not leak.
 */
export function requireDepartment(
  principal: Principal,
  departmentId: string,
  resource: ScopedResource,
  notFound: () => ProblemError,
): void {
  if (!seesDepartment(principal, departmentId, resource)) throw notFound();
}

/**
 * An appeal (申诉复核) is decided by a reviewer outside the office that was rated, never by a reviewer
 * who also belongs to it.
 */
export function requireIndependentReviewer(principal: Principal, ratedDepartmentId: string): void {
  const independent =
    principal.kind === 'staff' &&
    principal.roles.includes('reviewer') &&
    !principal.departments.includes(ratedDepartmentId);
  if (!independent) {
    throw new ProblemError(403, 'forbidden', { detailKey: 'problem.appealNotIndependent' });
  }
}

/**
 * A listing of cases or ratings narrowed to the departments the principal sees (their `department_id`):
 * another department's records are neither shown nor counted.
 */
export function inVisibleDepartments<DB, TB extends keyof DB, O>(
  select: SelectQueryBuilder<DB, TB, O>,
  principal: Principal,
  resource: ScopedResource,
): SelectQueryBuilder<DB, TB, O> {
  const departments = visibleDepartments(principal, resource);
  if (departments === 'all') return select;
  return select.where(
    departments.length ? sql<boolean>`department_id in (${sql.join(departments)})` : sql<boolean>`false`,
  );
}
