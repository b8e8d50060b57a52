import { ProblemError } from '../http/problem.js';
import type { Principal, StaffRole } from '../identity/principal.js';

const allStaff = ['windowClerk', 'approver', 'supervisor', 'reviewer', 'admin'] as const;
const caseHandlers = ['windowClerk', 'approver', 'supervisor'] as const;

/**
 * Which staff role may do which operation. A key is an operationId, or `operationId:action` for
 * operations whose body names one of several actions (a case transition, a rectification step).
 * What is not listed here no member of staff may do.
 */
export const permissionTable = {
  listCases: caseHandlers,
  getCase: caseHandlers,
  listCaseTimeline: caseHandlers,
  'transitionCase:accept': ['windowClerk'],
  'transitionCase:reject': ['windowClerk'],
  'transitionCase:requestCorrection': ['windowClerk'],
  'transitionCase:deliver': ['windowClerk'],
  'transitionCase:suspend': ['approver'],
  'transitionCase:resume': ['approver'],
  'transitionCase:extend': ['approver'],
  'transitionCase:receiveMaterial': ['windowClerk'],
  'transitionCase:terminate': ['approver'],
  'transitionCase:transfer': ['windowClerk', 'approver'],
  'transitionCase:approve': ['approver'],
  'transitionCase:deny': ['approver'],
  'transitionCase:conclude': ['approver'],
  'transitionCase:verifyCommitment': ['approver'],
  listCommitmentVerifications: caseHandlers,
  getCalendar: allStaff,
  putCalendar: ['admin'],
  'createEvaluation:paperCard': ['windowClerk', 'supervisor'],
  listEvaluations: ['supervisor', 'reviewer'],
  getEvaluation: ['supervisor', 'reviewer'],
  'recordRectificationAction:callback': ['supervisor'],
  'recordRectificationAction:scheduleRectification': ['supervisor'],
  'recordRectificationAction:rectify': ['supervisor'],
  'recordRectificationAction:explain': ['supervisor'],
  'recordRectificationAction:submitAppeal': ['supervisor'],
  'recordRectificationAction:acceptAppeal': ['reviewer'],
  'recordRectificationAction:rejectAppeal': ['reviewer'],
  'listEvaluationFigures:staff': ['supervisor', 'reviewer'],
  publishRatingRanking: ['supervisor', 'admin'],
  listAuditRecords: ['admin'],
  createUpload: ['windowClerk'],
  getUpload: caseHandlers,
  putAppointmentSettings: ['windowClerk', 'supervisor', 'admin'],
  callQueueTicket: ['windowClerk'],
  listConsultations: caseHandlers,
  getConsultation: caseHandlers,
  getConsultationAttachment: caseHandlers,
  answerConsultation: caseHandlers,
  publishConsultation: ['windowClerk', 'supervisor'],
  getConsultationFigures: ['supervisor'],
} as const satisfies Record<string, readonly StaffRole[]>;

/** An operation (or operation and action) the permission table knows. */
export type Permission = keyof typeof permissionTable;

/**
 * The scope a service account needs for an operation. Machine clients read; they never move cases or
 * decide appeals.
 */
export const serviceScopes: Partial<Record<Permission, string>> = {
  listCases: 'cases:read',
  getCase: 'cases:read',
  listCaseTimeline: 'cases:read',
  getCalendar: 'calendar:read',
  listEvaluations: 'evaluations:read',
  getEvaluation: 'evaluations:read',
  'listEvaluationFigures:staff': 'evaluations:read',
  getUpload: 'cases:read',
};

/** Whether the principal may do the operation at all (department scope is checked separately). */
export function may(principal: Principal, permission: Permission): boolean {
  if (principal.kind === 'staff') {
    const roles: readonly StaffRole[] = permissionTable[permission];
    return principal.roles.some((role) => roles.includes(role));
  }
  if (principal.kind === 'service') {
    const scope = serviceScopes[permission];
    return scope !== undefined && principal.scopes.includes(scope);
  }
  return false;
}

/** The permission key of an operation whose body names an action. */
export function permissionOf(operationId: string, action?: string): Permission | undefined {
  const key = action ? `${operationId}:${action}` : operationId;
  return key in permissionTable ? (key as Permission) : undefined;
}

/** Throws 403 unless the principal may do the operation. */
export function requirePermission(principal: Principal, permission: Permission): void {
  if (!may(principal, permission)) {
    throw new ProblemError(403, 'forbidden', { detailKey: 'problem.roleRequired' });
  }
}
