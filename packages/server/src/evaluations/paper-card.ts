import type { Transaction } from 'kysely';
import { actingStaff, staffRef } from '../access/acting-staff.js';
import { requireDepartment } from '../access/department-scope.js';
import { auditStaff } from '../audit/staff-audit.js';
import type { DatabaseSchema } from '../db/schema-types.js';
import { authoriseStaff } from '../http/authorise.js';
import type { Schema } from '../http/contract.js';
import type { OperationContext } from '../http/operation.js';
import { problems } from '../http/problem.js';

/** A paper card (纸质评价卡) from the hall's ballot box, being entered by a named member of staff. */
export interface PaperCardEntry {
  /** Who entered it, as the rating keeps it. */
  enteredBy: Schema<'StaffRef'>;
  /** Refuses (404, as for an unknown item) a card of a department the member of staff does not see. */
  inDepartment(departmentId: string): void;
  /** Records the entry in the audit trail, inside the rating's transaction. */
  audit(trx: Transaction<DatabaseSchema>, evaluationId: string): Promise<void>;
}

/**
 * The entry of a paper card: only staff allowed to enter cards (`createEvaluation:paperCard`), for their
 * own departments; the card keeps who entered it and the audit trail records the entry.
 */
export function paperCardEntry(ctx: OperationContext<'createEvaluation'>): PaperCardEntry {
  const principal = authoriseStaff(ctx, 'createEvaluation:paperCard');
  let departmentId: string | undefined;
  return {
    get enteredBy() {
      return staffRef(actingStaff(principal, departmentId));
    },
    inDepartment(id) {
      requireDepartment(principal, id, 'evaluation', () => problems.notFound());
      departmentId = id;
    },
    audit: (trx, evaluationId) =>
      auditStaff(trx, ctx, principal, {
        action: 'staff.action',
        operation: 'createEvaluation',
        step: 'paperCard',
        target: { type: 'evaluation', id: evaluationId },
        departmentId: actingStaff(principal, departmentId).departmentId,
      }),
  };
}
