import type { WorkCalendar } from '../calendar/working-days.js';
import { chinaDay, chinaTime } from '../common/china-time.js';
import {
  readColumn,
  type CaseDetails,
  type LocalisedTexts,
  type StoredApplicant,
} from '../db/json-columns.js';
import type { Schema } from '../http/contract.js';
import type { Locale } from '../i18n/locale.js';
import { maskId, maskMobile } from './masking.js';
import { caseState, workingDaysLeft } from './rules.js';

/** The columns a case view is built from. */
export interface CaseRow {
  number: string;
  item_code: string;
  status: string;
  applicant: unknown;
  materials: unknown;
  details: unknown;
  submitted_at: Date;
  accepted_at: Date | null;
  concluded_at: Date | null;
  suspended_days: number;
  suspended_at: Date | null;
  due_date: string | null;
  updated_at: Date;
  /** How the case was filed signed in (`resident`, `legalRepresentative`, `agent`), or null. */
  filed_as?: string | null;
  filer_assurance?: number | null;
  owner_index?: string | null;
  company_index?: string | null;
  /** 一件事: whether this is a bundle's case, and on a member the bundle's case number. */
  is_bundle?: boolean;
  bundle_number?: string | null;
}

const filers: readonly Schema<'CaseIdentity'>['filedAs'][] = ['resident', 'legalRepresentative', 'agent'];

/** How the case was filed signed in, if it was, and whether it belongs to the caller. */
function identityView(row: CaseRow, boundToCaller: boolean): { identity?: Schema<'CaseIdentity'> } {
  const filedAs = filers.find((filer) => filer === row.filed_as);
  return filedAs
    ? { identity: { verified: true, filedAs, assuranceLevel: row.filer_assurance ?? 0, boundToCaller } }
    : {};
}

/** A text in the response language, else in Chinese, else any. */
export function localisedText(texts: LocalisedTexts, locale: Locale): string {
  return texts[locale] ?? texts['zh-CN'] ?? Object.values(texts)[0] ?? '';
}

/**
 * The API's `Case`: masked identity numbers and mobiles, the deadline's working days left (frozen while
 * suspended), overdue flags on deferred materials, names in the response language.
 */
export function caseView(
  row: CaseRow,
  options: {
    locale: Locale;
    now: Date;
    calendar: WorkCalendar;
    evaluationId: string | null;
    /** Whether the case belongs to the signed-in person making the request. */
    boundToCaller?: boolean;
    /** 一件事: the members of a bundle's case (see `bundleView`). */
    bundle?: Schema<'CaseBundle'>;
  },
): Schema<'Case'> {
  const details = readColumn.caseDetails(row.details);
  const materials = readColumn.caseMaterials(row.materials);
  const state = caseState(row.status);
  const today = chinaDay(options.now);
  const running = state === 'accepted' || state === 'suspended';
  // While suspended the clock stands still at the day of suspension.
  const clockDay = state === 'suspended' && row.suspended_at ? chinaDay(row.suspended_at) : today;
  const due = row.due_date;
  const concludedDay = row.concluded_at ? chinaDay(row.concluded_at) : null;
  const overdue = due !== null && (concludedDay ? concludedDay > due : running && clockDay > due);
  return {
    ...identityView(row, options.boundToCaller ?? false),
    caseNumber: row.number,
    state,
    itemCode: row.item_code,
    itemName: localisedText(details.itemName, options.locale),
    department: details.department,
    formVersion: details.formVersion,
    submittedAt: chinaTime(row.submitted_at),
    acceptedAt: row.accepted_at ? chinaTime(row.accepted_at) : null,
    promisedDeadline: due,
    workingDaysLeft: running && due ? workingDaysLeft(clockDay, due, options.calendar) : null,
    overdue,
    suspendedDays: row.suspended_days,
    applicant: applicantView(readColumn.caseApplicant(row.applicant)),
    ...(details.agent ? { agent: agentView(details.agent) } : {}),
    situationAnswers: details.situationAnswers,
    materials: materials.map((material) => ({
      materialId: material.materialId,
      name: localisedText(material.names, options.locale),
      provision: material.provision,
      status:
        material.status === 'deferred' && material.deferredUntil && today > material.deferredUntil
          ? 'overdue'
          : material.status,
      uploads: material.uploads,
      deferredUntil: material.deferredUntil,
    })),
    corrections: details.corrections,
    suspension: details.suspension,
    ...(details.extension ? { extension: details.extension } : {}),
    decision: details.decision,
    commitmentAccepted: details.commitmentAccepted,
    ...(details.verification
      ? {
          verification: {
            ...details.verification,
            overdue: details.verification.result === 'pending' && today > details.verification.dueDate,
          },
        }
      : {}),
    ...(details.revocation ? { revocation: details.revocation } : {}),
    ...(options.bundle ? { bundle: options.bundle } : {}),
    ...(row.bundle_number ? { bundleCaseNumber: row.bundle_number } : {}),
    delivery: deliveryView(details.delivery),
    concludedAt: row.concluded_at ? chinaTime(row.concluded_at) : null,
    evaluationId: options.evaluationId,
    updatedAt: chinaTime(row.updated_at),
  };
}

function applicantView(applicant: StoredApplicant): Schema<'ApplicantView'> {
  return applicant.kind === 'person'
    ? {
        kind: 'person',
        name: applicant.name,
        idType: applicant.idType,
        maskedIdNumber: maskId(applicant.idNumber),
        maskedMobile: maskMobile(applicant.mobile),
      }
    : {
        kind: 'organisation',
        name: applicant.name,
        creditCode: applicant.creditCode,
        legalRepresentative: applicant.legalRepresentative,
        contactName: applicant.contact.name,
        maskedContactMobile: maskMobile(applicant.contact.mobile),
      };
}

function agentView(agent: NonNullable<CaseDetails['agent']>): Schema<'AgentView'> {
  return {
    name: agent.name,
    idType: agent.idType,
    maskedIdNumber: maskId(agent.idNumber),
    maskedMobile: maskMobile(agent.mobile),
  };
}

function deliveryView(delivery: CaseDetails['delivery']): Schema<'CaseDelivery'> {
  const { address } = delivery;
  return {
    method: delivery.method,
    ...(delivery.windowId ? { windowId: delivery.windowId } : {}),
    ...(address
      ? {
          address: {
            recipient: address.recipient,
            maskedMobile: maskMobile(address.mobile),
            regionCode: address.regionCode,
            detail: address.detail,
            ...(address.postalCode ? { postalCode: address.postalCode } : {}),
          },
        }
      : {}),
    ...(delivery.carrier ? { carrier: delivery.carrier } : {}),
    ...(delivery.trackingNumber ? { trackingNumber: delivery.trackingNumber } : {}),
    deliveredAt: delivery.deliveredAt,
  };
}
