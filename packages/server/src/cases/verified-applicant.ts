import { valueAt, type FormDefinition, type JsonSchema } from '@banshi/sdk/forms';
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

/** The property schemas of an object schema (local `$ref`s are not followed: forms inline the applicant). */
function propertiesOf(schema: JsonSchema | undefined): Record<string, JsonSchema> {
  return schema && typeof schema === 'object' && schema.properties ? schema.properties : {};
}

/**
 * The first object of the form's schema, depth first, that has every one of `keys` as a property: where
 * the form asks for the applicant in its own words (申请人, 经营者…), found by shape as the form does.
 */
function objectWith(schema: JsonSchema | undefined, keys: string[], at = ''): string | undefined {
  const properties = propertiesOf(schema);
  if (keys.every((key) => key in properties)) return at;
  for (const [name, child] of Object.entries(properties)) {
    const found = objectWith(child, keys, `${at}/${name}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

function formSchema(definition: FormDefinition): JsonSchema {
  return definition.schema as JsonSchema;
}

function field(pointer: string, value: string | undefined): VerifiedField[] {
  return value ? [{ pointer, value }] : [];
}

/** A person's verified fields: in the application's `applicant`, and where the form data asks again. */
function personFields(person: Person, definition: FormDefinition): VerifiedField[] {
  const idType = person.idType ? idTypes[person.idType] : undefined;
  const idNumber = person.idNumber?.toUpperCase();
  const at = objectWith(formSchema(definition), ['name', 'idNumber']);
  const mobileInForm = at !== undefined && 'mobile' in propertiesOf(schemaAt(formSchema(definition), at));
  return [
    ...field('/applicant/name', person.name),
    ...field('/applicant/idType', idType),
    ...field('/applicant/idNumber', idNumber),
    ...field('/applicant/mobile', person.mobile),
    ...(at === undefined
      ? []
      : [
          ...field(`/formData${at}/name`, person.name),
          ...field(`/formData${at}/idNumber`, idNumber),
          ...(mobileInForm ? field(`/formData${at}/mobile`, person.mobile) : []),
        ]),
  ];
}

function companyFields(person: Person & { kind: 'company' }, definition: FormDefinition): VerifiedField[] {
  const { company } = person;
  const creditCode = company.creditCode.toUpperCase();
  const at = objectWith(formSchema(definition), ['creditCode']);
  const legal = company.relation === 'legalRepresentative' ? person.name : undefined;
  return [
    ...field('/applicant/name', company.name),
    ...field('/applicant/creditCode', creditCode),
    ...field('/applicant/legalRepresentative', legal),
    ...(at === undefined
      ? []
      : [...field(`/formData${at}/creditCode`, creditCode), ...field(`/formData${at}/name`, company.name)]),
  ];
}

function schemaAt(schema: JsonSchema | undefined, pointer: string): JsonSchema | undefined {
  let node = schema;
  for (const segment of pointer.split('/').slice(1)) node = propertiesOf(node)[segment];
  return node;
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
