import type { ColumnType, Generated } from 'kysely';
import type {
  AppointmentCodesTable,
  AppointmentSettingsTable,
  AppointmentSlotsTable,
  AppointmentsTable,
  QueueCountersTable,
} from './appointment-tables.js';
import type { ConsultationsTable, PublishedAnswersTable } from './consultation-tables.js';

export type * from './appointment-tables.js';
export type * from './consultation-tables.js';

/** A JSON value as stored in a jsonb column. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
/** Timestamps go in as Date or ISO strings and come out as Date. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** Calendar days (`date`) are read as `YYYY-MM-DD` strings. */
export type Day = ColumnType<string, string, string>;
export type JsonColumn<T = Json> = ColumnType<T, string, string>;

export interface ItemsTable {
  code: string;
  name: string;
  kind: string;
  department_id: string;
  department_name: string;
  region_code: string;
  item_type: string;
  level: string;
  online_depth: string;
  cross_region_scope: string;
  audience: string[];
  themes: string[];
  status: string;
  has_form: boolean;
  search_name: string;
  search_keywords: ColumnType<string, string | undefined, string>;
  search_department: ColumnType<string, string | undefined, string>;
  /** Generated: the name's length in characters, the order within a search rank. */
  name_length: ColumnType<number, never, never>;
  summary: JsonColumn;
  document: JsonColumn;
  form: JsonColumn<Json | null> | null;
  translations: ColumnType<Json, string | undefined, string>;
  etag: string;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface CatalogueStateTable {
  id: number;
  version: number;
}

export interface DepartmentsTable {
  id: string;
  name: string;
  short_name: string | null;
  credit_code: string;
  region_code: string;
}

export interface ThemesTable {
  id: string;
  name: string;
  audience: string[];
}

export interface RegionsTable {
  code: string;
  name: string;
  parent: string | null;
  level: string | null;
  search: string;
}

export interface CalendarDaysTable {
  day: Day;
  kind: 'holiday' | 'workday';
  name: ColumnType<string, string | undefined, string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface CaseSequencesTable {
  prefix: string;
  last_value: number;
}

export interface CasesTable {
  number: string;
  item_code: string;
  department_id: string;
  status: string;
  applicant_name: string;
  applicant: JsonColumn;
  form_data: JsonColumn;
  materials: JsonColumn;
  details: JsonColumn;
  query_code_salt: Uint8Array;
  query_code_hash: Uint8Array;
  applicant_token_hash: Uint8Array;
  submitted_at: Timestamp;
  accepted_at: Timestamp | null;
  concluded_at: Timestamp | null;
  promised_days: number | null;
  suspended_days: ColumnType<number, number | undefined, number>;
  suspended_at: Timestamp | null;
  due_date: Day | null;
  updated_at: Timestamp;
  /** The filer signed in (`issuer#subject`), encrypted; null for a case filed without signing in. */
  owner: ColumnType<string | null, string | null | undefined, string | null>;
  /** Blind index of `owner`. */
  owner_index: ColumnType<string | null, string | null | undefined, string | null>;
  /** The company's credit code, encrypted, when filed for a company by its representative. */
  company: ColumnType<string | null, string | null | undefined, string | null>;
  /** Blind index of `company`. */
  company_index: ColumnType<string | null, string | null | undefined, string | null>;
  /** `resident`, `legalRepresentative` or `agent`; null when filed without signing in. */
  filed_as: ColumnType<string | null, string | null | undefined, string | null>;
  /** The filer's 实名等级 at filing. */
  filer_assurance: ColumnType<number | null, number | null | undefined, number | null>;
  /** Blind index of the applicant's name (staff search by name). */
  applicant_name_index: ColumnType<string | null, string | null | undefined, string | null>;
  /** Blind index of the applicant's ID number or credit code (duplicate applications). */
  applicant_index: ColumnType<string | null, string | null | undefined, string | null>;
  /** 告知承诺: the last day of the open verification (核查) of a case approved on commitment, else null. */
  verification_due: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the applicant was invited to rate the concluded case (邀评), null until then. */
  rating_invited_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** 一件事: the case of a bundle, tracked through its member cases. */
  is_bundle: ColumnType<boolean, boolean | undefined, boolean>;
  /** 一件事: the bundle's case number on each member case, else null. */
  bundle_number: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CaseEventsTable {
  id: Generated<number>;
  case_number: string;
  at: Timestamp;
  from_status: string | null;
  to_status: string;
  actor: string;
  opinion: string | null;
  detail: JsonColumn<Json | null> | null;
}

export interface UploadsTable {
  id: string;
  media_type: string;
  size: number;
  sha256: string;
  filename: string | null;
  storage_key: string;
  case_number: string | null;
  extra: JsonColumn;
  created_at: Timestamp;
}

/** Uploaded bytes kept in the database, sealed with the personal-data key. */
export interface UploadContentsTable {
  key: string;
  size: number;
  content: Uint8Array;
}

/** The one row counting the bytes in `upload_contents`, against the configured total. */
export interface UploadUsageTable {
  id: number;
  bytes: number;
}

export interface EvaluationsTable {
  id: string;
  case_number: string | null;
  item_code: string;
  department_id: string;
  channel: string;
  level: string;
  bad: boolean;
  anonymous: boolean;
  rater: JsonColumn<Json | null> | null;
  follow_up_of: string | null;
  /** The question whose answer is rated (我要问), when the subject is one. */
  consultation_number: ColumnType<string | null, string | null | undefined, string | null>;
  counted: boolean;
  /** Counted as 满意 because the case was not rated in time (a local rule), not given by anyone. */
  defaulted: ColumnType<boolean, boolean | undefined, boolean>;
  rectification_state: string | null;
  details: JsonColumn;
  created_at: Timestamp;
  rated_at: Timestamp;
  day: Day;
}

type Count = ColumnType<number, number | undefined, number>;

export interface EvaluationDailyTable {
  scope: string;
  day: Day;
  very_satisfied: Count;
  satisfied: Count;
  basically_satisfied: Count;
  dissatisfied: Count;
  very_dissatisfied: Count;
  rectified: Count;
  real_name_bad: Count;
  called_back: Count;
  excluded: Count;
  explained: Count;
  defaulted: Count;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  status: number;
  body: string;
  headers: JsonColumn<Record<string, string>>;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface RateLimitsTable {
  scope: string;
  client: string;
  window_start: Timestamp;
  count: number;
}

export interface AuditRecordsTable {
  seq: number;
  occurred_at: Timestamp;
  actor_kind: string;
  actor_id: string;
  actor_name: string;
  department_id: string | null;
  action: string;
  outcome: string;
  target_type: string | null;
  target_id: string | null;
  detail: JsonColumn<Record<string, Json>>;
  request_id: string | null;
  client: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface ServiceAccountsTable {
  id: string;
  name: string;
  key_hash: string;
  scopes: JsonColumn<string[]>;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

/** Who changed a year's working-day calendar, and when. */
export interface CalendarChangesTable {
  id: Generated<number>;
  year: number;
  changed_at: ColumnType<Date, Date | string | undefined, Date | string>;
  actor_id: string;
  actor_name: string;
  department_id: string | null;
  days: number;
}

export interface NotificationOutboxTable {
  id: string;
  mobile: string;
  text: string;
  purpose: string;
  sent_at: Timestamp;
}

/** A published 红黑榜: its period, who published it and the lists as published. */
export interface RatingRankingsTable {
  id: string;
  period_from: Day;
  period_to: Day;
  published_at: Timestamp;
  visible_until: Timestamp;
  publisher: JsonColumn;
  lists: JsonColumn;
}

/** Every table, as Kysely sees it. */
export interface DatabaseSchema {
  items: ItemsTable;
  catalogue_state: CatalogueStateTable;
  departments: DepartmentsTable;
  themes: ThemesTable;
  regions: RegionsTable;
  calendar_days: CalendarDaysTable;
  case_sequences: CaseSequencesTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  uploads: UploadsTable;
  upload_contents: UploadContentsTable;
  upload_usage: UploadUsageTable;
  evaluations: EvaluationsTable;
  evaluation_daily: EvaluationDailyTable;
  idempotency_keys: IdempotencyKeysTable;
  rate_limits: RateLimitsTable;
  audit_records: AuditRecordsTable;
  audit_head: AuditHeadTable;
  service_accounts: ServiceAccountsTable;
  calendar_changes: CalendarChangesTable;
  notification_outbox: NotificationOutboxTable;
  appointment_settings: AppointmentSettingsTable;
  appointment_slots: AppointmentSlotsTable;
  appointments: AppointmentsTable;
  appointment_codes: AppointmentCodesTable;
  queue_counters: QueueCountersTable;
  rating_rankings: RatingRankingsTable;
  consultations: ConsultationsTable;
  published_answers: PublishedAnswersTable;
}
