import type { StaffCaller } from '../http/authorise.js';
import { actorOf } from '../identity/principal.js';

/** Who took a step, as stored with it (timeline entries, rectification steps, calendar changes). */
export interface ActingStaff {
  /** The identity platform's id of the person (`issuer#subject`), or `service:<id>` for a machine. */
  id: string;
  /** The display name from the token, or the service account's name. */
  name: string;
  /** The department the step was taken for: the record's own when the person belongs to it. */
  departmentId: string | null;
}

/**
 * The actor of a step on a record of `recordDepartmentId`: a member of staff of several departments
 * acts for the record's department; one from outside it (a reviewer of the 政务服务管理机构) for their own.
 */
export function actingStaff(principal: StaffCaller, recordDepartmentId?: string): ActingStaff {
  const { id, name } = actorOf(principal);
  const departments = principal.kind === 'staff' ? principal.departments : [];
  const departmentId =
    recordDepartmentId && departments.includes(recordDepartmentId)
      ? recordDepartmentId
      : (departments[0] ?? null);
  return { id, name, departmentId };
}

/** The API's `StaffRef` of an actor. */
export function staffRef(acting: ActingStaff): { id: string; name: string; departmentId?: string } {
  return {
    id: acting.id,
    name: acting.name,
    ...(acting.departmentId ? { departmentId: acting.departmentId } : {}),
  };
}
