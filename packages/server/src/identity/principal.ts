/** The roles a member of staff may hold; a token's unknown roles are ignored. */
export const staffRoles = ['windowClerk', 'approver', 'supervisor', 'reviewer', 'admin'] as const;
/** A staff role: 窗口受理, 审批, 好差评管理, 申诉复核 (at the 政务服务管理机构), 系统管理. */
export type StaffRole = (typeof staffRoles)[number];

/** A person's relation to the company they act for: 法定代表人 or 经办人. */
export type CompanyRelation = 'legalRepresentative' | 'agent';

/** The verified facts about a natural person, from the identity platform's claims. */
export interface PersonClaims {
  /** The platform's stable subject identifier (`sub`). */
  subject: string;
  /** The token's issuer, so subjects of two platforms never collide. */
  issuer: string;
  name: string;
  /** e.g. `idCard` (居民身份证); the platform's own code when it names another document. */
  idType?: string;
  idNumber?: string;
  mobile?: string;
  /** 实名等级, 1 (lowest) to 4; 0 when the platform says nothing. */
  assurance: number;
}

/** A resident signed in at the unified identity platform. */
export interface ResidentPrincipal extends PersonClaims {
  kind: 'resident';
}

/** A person acting for a company (法定代表人 or 经办人). */
export interface CompanyPrincipal extends PersonClaims {
  kind: 'company';
  company: { creditCode: string; name?: string; relation: CompanyRelation };
}

/** A named member of staff with roles in one or more departments. */
export interface StaffPrincipal {
  kind: 'staff';
  subject: string;
  issuer: string;
  name: string;
  roles: StaffRole[];
  /** Department ids (as in `listDepartments`) whose cases and evaluations this person may see. */
  departments: string[];
}

/** A machine client (the provincial platform, a hall's queue system) with a named key and scopes. */
export interface ServicePrincipal {
  kind: 'service';
  accountId: string;
  name: string;
  scopes: string[];
}

/** Whoever a verified credential stands for. */
export type Principal = ResidentPrincipal | CompanyPrincipal | StaffPrincipal | ServicePrincipal;

/** The id and display name recorded with an action (timelines, audit records). */
export function actorOf(principal: Principal): { id: string; name: string } {
  if (principal.kind === 'service') return { id: `service:${principal.accountId}`, name: principal.name };
  return { id: `${principal.issuer}#${principal.subject}`, name: principal.name };
}
