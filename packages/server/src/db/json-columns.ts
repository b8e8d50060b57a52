import type { FormDefinition } from '@banshi/sdk';
import type { ActingStaff } from '../access/acting-staff.js';
import type { Schema } from '../http/contract.js';
import type { Locale } from '../i18n/locale.js';

/**
 * The JSON columns of the database and the one place they are read. The server wrote each of them
 * itself in the shape named here, so reading is a parse (drivers hand `jsonb` back parsed, or as text).
 */
function readJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** Texts kept in each locale (an item's name, a material's name). */
export type LocalisedTexts = Partial<Record<Locale, string>>;

/** A material of a case as stored: the API's `CaseMaterial` with its name in each locale. */
export interface StoredMaterial extends Omit<Schema<'CaseMaterial'>, 'name' | 'status'> {
  names: LocalisedTexts;
  /** `overdue` is worked out when the case is shown, never stored. */
  status: Exclude<Schema<'CaseMaterialStatus'>, 'overdue'>;
  deferDays?: number;
}

/** The delivery of a case as stored: the mobile of a mailing address kept whole. */
export interface StoredDelivery extends Omit<Schema<'CaseDelivery'>, 'address'> {
  address?: Schema<'PostalAddress'>;
}

/** The rest of a case as stored in `details`. */
export interface CaseDetails {
  formVersion: string;
  itemName: LocalisedTexts;
  department: Schema<'DepartmentRef'>;
  timeLimit: Schema<'TimeLimit'> | null;
  agent?: Schema<'AgentCreate'>;
  situationAnswers: Record<string, string | string[]>;
  commitmentAccepted: boolean;
  delivery: StoredDelivery;
  corrections: Schema<'CorrectionRequest'>[];
  suspension: Schema<'Suspension'> | null;
  /** 延期: the one extension, once granted (older cases have none). */
  extension?: Schema<'CaseExtension'>;
  decision: Schema<'CaseDecision'> | null;
  /** 告知承诺: the verification of a case approved on commitment (`overdue` is computed when read). */
  verification?: Omit<Schema<'CommitmentVerification'>, 'overdue'>;
  /** 撤销: the approval revoked for an untrue commitment. */
  revocation?: Schema<'CaseRevocation'>;
}

/** The applicant as submitted (kept whole; only masked values leave the server). */
export type StoredApplicant = Schema<'ApplicantCreate'>;

/** What a timeline event records besides its columns. */
export interface EventDetail {
  action: Schema<'TimelineAction'>;
  /** The name alone, as steps were recorded before staff signed in by name. */
  staffName?: string;
  /** The member of staff (or service account) who took the step. */
  staff?: ActingStaff;
}

/** A bad review's rectification as stored: the API's `Rectification` with when it was called back and closed. */
export interface StoredRectification extends Omit<Schema<'Rectification'>, 'overdue'> {
  calledBackAt?: string;
  closedAt?: string;
}

/** The rest of an evaluation as stored in `details`. */
export interface EvaluationDetails {
  target: Schema<'EvaluationTarget'>;
  itemName: LocalisedTexts;
  department: Schema<'DepartmentRef'>;
  reasons: Schema<'EvaluationReason'>[];
  reasonText?: string;
  followUp?: Schema<'FollowUpAnswers'>;
  comment?: string;
  deviceId?: string;
  /** The member of staff who entered a paper card (纸质评价卡). */
  enteredBy?: Schema<'StaffRef'>;
  rectification: StoredRectification | null;
}

/** The metadata an upload row holds besides its columns. */
export interface UploadExtra {
  itemCode?: string;
  materialId?: string;
  expiresAt: string | null;
  checkedAt: string;
  /** The form session the file was uploaded in (absent for staff uploads). */
  formSession?: string;
}

/** An item's guide as stored in `document` (the API's `Item`, in Chinese). */
export type ItemDocument = Schema<'Item'>;

/** An item's translations as stored: the localised guide (and summary) per locale. */
export type ItemTranslations = Partial<Record<Locale, { document?: Partial<ItemDocument> }>>;

/** Readers of each JSON column, by table. */
export const readColumn = {
  caseDetails: (value: unknown) => readJson<CaseDetails>(value),
  caseApplicant: (value: unknown) => readJson<StoredApplicant>(value),
  caseMaterials: (value: unknown) => readJson<StoredMaterial[]>(value),
  caseFormData: (value: unknown) => readJson<Record<string, unknown>>(value),
  eventDetail: (value: unknown) => readJson<EventDetail | null>(value),
  evaluationDetails: (value: unknown) => readJson<EvaluationDetails>(value),
  evaluationRater: (value: unknown) => readJson<Schema<'RaterCreate'> | null>(value),
  uploadExtra: (value: unknown) => readJson<UploadExtra>(value),
  itemDocument: (value: unknown) => readJson<ItemDocument>(value),
  itemForm: (value: unknown) => readJson<FormDefinition | null>(value),
  itemTranslations: (value: unknown) => readJson<ItemTranslations>(value),
};
