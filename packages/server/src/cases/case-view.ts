import { chinaDay, type WorkCalendar } from '../calendar/working-days.js';
import type { Locale } from '../i18n/locale.js';
import { maskId, maskMobile } from './masking.js';
import { workingDaysLeft } from './deadlines.js';
import type { CaseState } from './state-machine.js';

/** A material of a case as stored: the API's `CaseMaterial` with its name in each locale. */
export interface StoredMaterial {
  materialId: string;
  names: Partial<Record<Locale, string>>;
  provision: 'upload' | 'deferred' | 'eLicence';
  status: 'provided' | 'fetched' | 'deferred' | 'overdue' | 'correctionRequested' | 'accepted';
  uploads: { id: string; name: string; size: number; mediaType: string }[];
  deferredUntil: string | null;
  deferDays?: number;
}

/** The rest of a case as stored in `details`. */
export interface CaseDetails {
  formVersion: string;
  itemName: Partial<Record<Locale, string>>;
  department: { id: string; name: string; creditCode?: string };
  timeLimit: { value: number; unit: 'workingDays' | 'naturalDays' | 'hours' } | null;
  agent?: { name: string; idType: string; idNumber: string; mobile: string; authorisationUploadId?: string };
  situationAnswers: Record<string, string | string[]>;
  commitmentAccepted: boolean;
  delivery: {
    method: 'window' | 'mail';
    windowId?: string;
    address?: { recipient: string; mobile: string; regionCode: string; detail: string; postalCode?: string };
    carrier?: string;
    trackingNumber?: string;
    deliveredAt: string | null;
  };
  corrections: {
    requestedAt: string;
    deadline: string;
    note?: string;
    items: { materialId?: string; name: string; reason: string }[];
    fulfilledAt: string | null;
  }[];
  suspension: { since: string; reason: string } | null;
  decision: {
    outcome: 'approved' | 'denied' | 'rejected';
    decidedAt: string;
    reason?: string;
    resultName?: string;
    resultNumber?: string;
  } | null;
}

/** The applicant as submitted (kept whole; only masked values leave the server). */
export type StoredApplicant =
  | { kind: 'person'; name: string; idType: string; idNumber: string; mobile: string }
  | {
      kind: 'organisation';
      name: string;
      creditCode: string;
      legalRepresentative: string;
      contact: { name: string; mobile: string };
    };

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
}

function parse<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** An ISO date-time in China Standard Time, e.g. `2026-11-23T09:30:00+08:00`. */
export function chinaTime(date: Date): string {
  return `${new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

function localisedText(texts: Partial<Record<Locale, string>>, locale: Locale): string {
  return texts[locale] ?? texts['zh-CN'] ?? Object.values(texts)[0] ?? '';
}

/**
 * The API's `Case`: masked identity numbers and mobiles, the deadline's working days left (frozen while
 * suspended), overdue flags on deferred materials, names in the response language.
 */
export function caseView(
  row: CaseRow,
  options: { locale: Locale; now: Date; calendar: WorkCalendar; evaluationId: string | null },
): Record<string, unknown> {
  const details = parse<CaseDetails>(row.details);
  const applicant = parse<StoredApplicant>(row.applicant);
  const materials = parse<StoredMaterial[]>(row.materials);
  const state = row.status as CaseState;
  const today = chinaDay(options.now);
  const running = state === 'accepted' || state === 'suspended';
  // While suspended the clock stands still at the day of suspension.
  const clockDay = state === 'suspended' && row.suspended_at ? chinaDay(row.suspended_at) : today;
  const due = row.due_date;
  const concludedDay = row.concluded_at ? chinaDay(row.concluded_at) : null;
  const overdue = due !== null && (concludedDay ? concludedDay > due : running && clockDay > due);
  const view: Record<string, unknown> = {
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
    applicant:
      applicant.kind === 'person'
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
          },
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
    decision: details.decision,
    commitmentAccepted: details.commitmentAccepted,
    delivery: {
      method: details.delivery.method,
      ...(details.delivery.windowId ? { windowId: details.delivery.windowId } : {}),
      ...(details.delivery.address
        ? {
            address: {
              recipient: details.delivery.address.recipient,
              maskedMobile: maskMobile(details.delivery.address.mobile),
              regionCode: details.delivery.address.regionCode,
              detail: details.delivery.address.detail,
              ...(details.delivery.address.postalCode
                ? { postalCode: details.delivery.address.postalCode }
                : {}),
            },
          }
        : {}),
      ...(details.delivery.carrier ? { carrier: details.delivery.carrier } : {}),
      ...(details.delivery.trackingNumber ? { trackingNumber: details.delivery.trackingNumber } : {}),
      deliveredAt: details.delivery.deliveredAt,
    },
    concludedAt: row.concluded_at ? chinaTime(row.concluded_at) : null,
    evaluationId: options.evaluationId,
    updatedAt: chinaTime(row.updated_at),
  };
  if (details.agent) {
    view.agent = {
      name: details.agent.name,
      idType: details.agent.idType,
      maskedIdNumber: maskId(details.agent.idNumber),
      maskedMobile: maskMobile(details.agent.mobile),
    };
  }
  return view;
}
