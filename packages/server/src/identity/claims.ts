import type { JWTPayload } from 'jose';
import { staffRoles, type CompanyRelation, type Principal, type StaffRole } from './principal.js';
import { TokenRejected } from './token-verifier.js';

/**
 * Where the platform puts each fact. Provinces name their claims differently; every name can be
 * configured, and these defaults are what the development identity provider issues.
 */
export interface ClaimNames {
  name: string;
  idType: string;
  idNumber: string;
  mobile: string;
  /** 实名等级: a number 1–4, or a string like `L3`. */
  assurance: string;
  companyCreditCode: string;
  companyName: string;
  /** `legalRepresentative` / `agent`, or 法定代表人 / 经办人. */
  companyRelation: string;
  /** Staff tokens only: the roles (an array or a space-separated string). */
  roles: string;
  /** Staff tokens only: department ids. */
  departments: string;
}

/** The default claim names. */
export const defaultClaimNames: ClaimNames = {
  name: 'name',
  idType: 'id_type',
  idNumber: 'id_number',
  mobile: 'phone_number',
  assurance: 'assurance_level',
  companyCreditCode: 'company_credit_code',
  companyName: 'company_name',
  companyRelation: 'company_relation',
  roles: 'roles',
  departments: 'departments',
};

const relations: Record<string, CompanyRelation> = {
  legalRepresentative: 'legalRepresentative',
  法定代表人: 'legalRepresentative',
  agent: 'agent',
  经办人: 'agent',
};

function text(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function list(payload: JWTPayload, name: string): string[] {
  const value = payload[name];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

function assuranceOf(payload: JWTPayload, name: string): number {
  const value = payload[name];
  const level = typeof value === 'number' ? value : Number(/^\D*(\d+)$/.exec(String(value ?? ''))?.[1]);
  return Number.isInteger(level) && level >= 0 && level <= 4 ? level : 0;
}

/**
 * Builds the principal of a verified token: staff when it carries a known role, a company's
 * representative when it carries a credit code and relation, a resident otherwise.
 */
export function principalFromClaims(payload: JWTPayload, names: ClaimNames = defaultClaimNames): Principal {
  const subject = payload.sub;
  const issuer = payload.iss;
  if (!subject || !issuer) throw new TokenRejected('claims', 'The token has no subject or issuer');
  const name = text(payload, names.name) ?? '';
  const roles = list(payload, names.roles).filter((role): role is StaffRole =>
    (staffRoles as readonly string[]).includes(role),
  );
  if (roles.length > 0) {
    if (!name) throw new TokenRejected('claims', 'A staff token must name the person');
    return { kind: 'staff', subject, issuer, name, roles, departments: list(payload, names.departments) };
  }
  const person = {
    subject,
    issuer,
    name,
    idType: text(payload, names.idType),
    idNumber: text(payload, names.idNumber),
    mobile: text(payload, names.mobile),
    assurance: assuranceOf(payload, names.assurance),
  };
  const creditCode = text(payload, names.companyCreditCode);
  const relation = relations[text(payload, names.companyRelation) ?? ''];
  if (creditCode && relation) {
    const companyName = text(payload, names.companyName);
    return {
      kind: 'company',
      ...person,
      company: { creditCode, relation, ...(companyName ? { name: companyName } : {}) },
    };
  }
  return { kind: 'resident', ...person };
}
