import { valueAt, type FormDefinition } from '@banshi/sdk/forms';
import type { Schema } from '../http/contract.js';
import type { FieldErrorKey } from '../http/problem.js';
import { unprocessable } from './case-store.js';

type CaseCreate = Schema<'CaseCreate'>;
type Applicant = Schema<'ApplicantCreate'>;
type Delivery = Schema<'DeliveryChoice'>;
type IdType = Schema<'IdType'>;

const ID_TYPES: readonly IdType[] = [
  'residentIdCard',
  'hkMacaoPermit',
  'taiwanPermit',
  'foreignPermanentResidentCard',
  'passport',
];

const text = (data: unknown, pointer: string | undefined): string => {
  const value = pointer === undefined ? undefined : valueAt(data, pointer);
  return typeof value === 'string' ? value.trim() : '';
};

/**
 * The applicant as the form data holds it, read through the definition's `applicantFields`; undefined
 * when the definition does not say where the applicant is.
 */
export function applicantFromForm(definition: FormDefinition, data: unknown): Applicant | undefined {
  const fields = definition.applicantFields;
  if (!fields) return undefined;
  const name = text(data, fields.name);
  const mobile = text(data, fields.mobile);
  if (fields.creditCode) {
    return {
      kind: 'organisation',
      name: text(data, fields.organisationName),
      creditCode: text(data, fields.creditCode).toUpperCase(),
      legalRepresentative: text(data, fields.legalRepresentative) || name,
      contact: { name, mobile },
    };
  }
  const idType = text(data, fields.idType) as IdType;
  return {
    kind: 'person',
    name,
    idType: ID_TYPES.includes(idType) ? idType : 'residentIdCard',
    idNumber: text(data, fields.idNumber).toUpperCase(),
    mobile,
  };
}

/** The mailing address for the result, read through the definition's `deliveryFields`. */
export function deliveryFromForm(definition: FormDefinition, data: unknown): Delivery | undefined {
  const fields = definition.deliveryFields;
  if (!fields) return undefined;
  const recipient = text(data, fields.recipient);
  if (!recipient || (fields.method && text(data, fields.method) !== 'mail')) return { method: 'window' };
  const postalCode = text(data, fields.postalCode);
  return {
    method: 'mail',
    address: {
      recipient,
      mobile: text(data, fields.mobile),
      regionCode: text(data, fields.regionCode),
      detail: text(data, fields.address),
      ...(postalCode ? { postalCode } : {}),
    },
  };
}

/**
 * The application with its applicant and delivery as the form data holds them, when the definition says
 * where; a sent `applicant` serves only forms that do not (422 when neither gives one).
 */
export function withFormApplicant(
  definition: FormDefinition,
  body: CaseCreate,
): CaseCreate & { applicant: Applicant; delivery: Delivery } {
  const applicant = applicantFromForm(definition, body.formData) ?? body.applicant;
  if (!applicant) {
    throw unprocessable([
      { pointer: '/applicant', code: 'required', messageKey: 'validation.applicantRequired' },
    ]);
  }
  const delivery = deliveryFromForm(definition, body.formData) ?? body.delivery ?? { method: 'window' };
  return { ...body, applicant, delivery };
}

/** `/applicant/<property>` of the application → the form field that holds it (`/formData/…`). */
function sourcesOf(definition: FormDefinition): Record<string, string> {
  const fields = definition.applicantFields;
  if (!fields) return {};
  const at = (pointer: string | undefined) => (pointer ? '/formData' + pointer : undefined);
  const sources: Record<string, string | undefined> = fields.creditCode
    ? {
        '/applicant/name': at(fields.organisationName),
        '/applicant/creditCode': at(fields.creditCode),
        '/applicant/legalRepresentative': at(fields.legalRepresentative ?? fields.name),
        '/applicant/contact/name': at(fields.name),
        '/applicant/contact/mobile': at(fields.mobile),
      }
    : {
        '/applicant/name': at(fields.name),
        '/applicant/idType': at(fields.idType),
        '/applicant/idNumber': at(fields.idNumber),
        '/applicant/mobile': at(fields.mobile),
      };
  return Object.fromEntries(Object.entries(sources).filter(([, to]) => to)) as Record<string, string>;
}

/**
 * Errors about the applicant pointed at the form fields it was read from; one the form's own checks
 * already reported at that field is not said twice.
 */
export function atApplicantFields(
  definition: FormDefinition,
  errors: FieldErrorKey[],
  reported: FieldErrorKey[],
): FieldErrorKey[] {
  const sources = sourcesOf(definition);
  return errors
    .map((error) => ({ ...error, pointer: sources[error.pointer] ?? error.pointer }))
    .filter((error) => !reported.some((other) => other.pointer === error.pointer));
}
