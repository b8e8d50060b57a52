/**
 * The applicant's facts from 统一身份认证 (the form definition's `verifiedApplicant`, sent when the page
 * has signed the person in) and the item's sign-in requirement (`signIn`): which fields are filled and
 * locked, and whether a gate stands before the form. Locked fields go in the form data, which the
 * server reads the applicant from.
 */
import type { FormDefinition } from '@banshi/sdk/forms';
import { getAt, setAt, type Values } from './form-data.js';

type VerifiedApplicant = NonNullable<FormDefinition['verifiedApplicant']>;

const FORM_DATA = '/formData';

/** Form pointer (`/applicant/name`) → verified value, for the form data fields the definition names. */
export function lockedValues(verified: VerifiedApplicant | undefined): Record<string, string> {
  const locked: Record<string, string> = {};
  for (const { pointer, value } of verified?.fields ?? []) {
    if (pointer.startsWith(FORM_DATA + '/')) locked[pointer.slice(FORM_DATA.length)] = value;
  }
  return locked;
}

/** The data with every locked field holding its verified value (over a draft's or a typed one). */
export function withLockedValues(data: Values, locked: Record<string, string>): Values {
  let next = data;
  for (const [pointer, value] of Object.entries(locked))
    if (getAt(next, pointer) !== value) next = setAt(next, pointer, value);
  return next;
}

/** Why the form cannot be used yet: nobody signed in, or a lower assurance level than the item needs. */
export interface SignInGate {
  reason: 'signIn' | 'assuranceLevel';
  /** 实名等级 the item needs to be applied for online. */
  requiredAssuranceLevel: number;
  /** The signed-in person's level; 0 when nobody is signed in. */
  assuranceLevel: number;
}

/** The gate the definition puts before the form for the person (not) signed in, if any. */
export function signInGate(definition: FormDefinition | undefined): SignInGate | undefined {
  const needed = definition?.signIn;
  if (!needed?.required) return undefined;
  const verified = definition?.verifiedApplicant;
  const level = verified?.assuranceLevel ?? 0;
  if (verified && level >= needed.assuranceLevel) return undefined;
  return {
    reason: verified ? 'assuranceLevel' : 'signIn',
    requiredAssuranceLevel: needed.assuranceLevel,
    assuranceLevel: level,
  };
}

/** The gate a 401 `sign_in_required` or 403 `assurance_level_insufficient` answer to a submission names. */
export function gateOfProblem(error: unknown): SignInGate | undefined {
  const problem = (error as { problem?: Record<string, unknown> } | undefined)?.problem;
  const code = problem?.code;
  if (code !== 'sign_in_required' && code !== 'assurance_level_insufficient') return undefined;
  const required = Number(problem?.requiredAssuranceLevel);
  return {
    reason: code === 'sign_in_required' ? 'signIn' : 'assuranceLevel',
    requiredAssuranceLevel: Number.isFinite(required) ? required : 0,
    assuranceLevel: Number(problem?.assuranceLevel) || 0,
  };
}
