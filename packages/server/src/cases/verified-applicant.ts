import { valueAt, type FormDefinition } from '@banshi/sdk/forms';
import type { Schema } from '../http/contract.js';
import { ProblemError, type FieldErrorKey } from '../http/problem.js';
import '../i18n/identity-messages.js';
import type { CallContext } from '../http/operation.js';
import { personOf, type Person } from './ownership.js';

type VerifiedApplicant = Schema<'VerifiedApplicant'>;
type VerifiedField = Schema<'VerifiedField'>;
type IdType = Schema<'IdType'>;

const idTypes: Record<string, IdType> = {
  residentIdCard: 'residentIdCard',
  idCard: 'residentIdCard',
  '01': 'residentIdCard',
  hkMacaoPermit: 'hkMacaoPermit',
  taiwanPermit: 'taiwanPermit',
  foreignPermanentResidentCard: 'foreignPermanentResidentCard',
  passport: 'passport',
};

type ApplicantFields = NonNullable<FormDefinition['applicantFields']>;

function field(pointer: string | undefined, value: string | undefined): VerifiedField[] {
  return pointer && value ? [{ pointer, value }] : [];
}

/**
 * Where each verified fact goes in the application: the form data fields the definition's
 * `applicantFields` name, or the application's own `applicant` for a form that names none.
 */
function targets(fields: ApplicantFields | undefined): Record<string, string | undefined> {
  if (!fields) {
    return Object.fromEntries(
      ['name', 'idType', 'idNumber', 'mobile', 'organisationName', 'creditCode', 'legalRepresentative'].map(
        (key) => [key, `/applicant/${key === 'organisationName' ? 'name' : key}`],
      ),
    );
  }
  return Object.fromEntries(
    Object.entries(fields).map(([key, pointer]) => [key, pointer ? `/formData${pointer}` : undefined]),
  );
}

function personFields(person: Person, definition: FormDefinition): VerifiedField[] {
  const at = targets(definition.applicantFields);
  const idType = person.idType ? idTypes[person.idType] : undefined;
  return [
    ...field(at.name, person.name),
    ...field(at.idType, idType),
    ...field(at.idNumber, person.idNumber?.toUpperCase()),
    ...field(at.mobile, person.mobile),
  ];
}

function companyFields(person: Person & { kind: 'company' }, definition: FormDefinition): VerifiedField[] {
  const at = targets(definition.applicantFields);
  const { company } = person;
  const legal = company.relation === 'legalRepresentative' ? person.name : undefined;
  return [
    ...field(at.organisationName, company.name),
    ...field(at.creditCode, company.creditCode.toUpperCase()),
    ...field(at.legalRepresentative, legal),
  ];
}

/** The signed-in person's facts that fill and lock the application's fields. */
export function verifiedApplicant(person: Person, definition: FormDefinition): VerifiedApplicant {
  return {
    source: 'unifiedIdentity',
    kind: person.kind === 'company' ? 'organisation' : 'person',
    ...(person.kind === 'company' ? { relation: person.company.relation } : {}),
    assuranceLevel: person.assurance,
    fields: person.kind === 'company' ? companyFields(person, definition) : personFields(person, definition),
  };
}

/** Values are compared as people type them: an ID number's `x` is its `X`. */
function same(sent: unknown, verified: string): boolean {
  return typeof sent === 'string' && sent.trim().toUpperCase() === verified.toUpperCase();
}

/**
 * The verified fields an application sends changed (or leaves out): each is a 422 naming the field,
 * never a value silently replaced by the verified one.
 */
export function changedVerifiedValues(verified: VerifiedApplicant, body: unknown): FieldErrorKey[] {
  return verified.fields
    .filter(({ pointer, value }) => !same(valueAt(body, pointer), value))
    .map(({ pointer }) => ({
      pointer,
      code: 'verified_value_changed',
      messageKey: 'validation.verifiedValueChanged',
    }));
}

/**
 * 401 or 403 when the item's form needs sign-in at an assurance level the caller does not have; the
 * problem names the level needed and the caller's.
 */
export function checkSignIn(definition: FormDefinition, person: Person | undefined): void {
  const signIn = definition.signIn;
  if (!signIn?.required) return;
  const required = signIn.assuranceLevel;
  const current = person?.assurance ?? 0;
  if (person && current >= required) return;
  const extensions = { requiredAssuranceLevel: required, assuranceLevel: current };
  if (!person) {
    throw new ProblemError(401, 'sign_in_required', {
      titleKey: 'problem.signInRequired',
      detailKey: 'problem.signInRequiredDetail',
      params: { required },
      extensions,
      headers: { 'WWW-Authenticate': 'Bearer realm="banshi"' },
    });
  }
  throw new ProblemError(403, 'assurance_level_insufficient', {
    titleKey: 'problem.assuranceInsufficient',
    detailKey: 'problem.assuranceInsufficientDetail',
    params: { required, current },
    extensions,
  });
}

/**
 * A form definition's JSON (as cached) with the signed-in caller's verified fields added; unchanged for
 * anyone else, so the cached text is parsed only for a signed-in person.
 */
export function withVerifiedApplicant(ctx: CallContext, definition: string): string {
  const person = personOf(ctx.caller);
  if (!person) return definition;
  const parsed = JSON.parse(definition) as FormDefinition;
  return JSON.stringify({ ...parsed, verifiedApplicant: verifiedApplicant(person, parsed) });
}
