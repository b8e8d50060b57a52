import type { ColumnType, Generated } from 'kysely';

/** A JSON value as stored in a jsonb column. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
/** Timestamps go in as Date or ISO strings and come out as Date. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** Calendar days (`date`) are read as `YYYY-MM-DD` strings. */
export type Day = ColumnType<string, string, string>;
type JsonColumn<T = Json> = ColumnType<T, string, string>;

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
  summary: JsonColumn;
  document: JsonColumn;
  form: JsonColumn<Json | null> | null;
  translations: ColumnType<Json, string | undefined, string>;
  etag: string;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
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
  audience: string;
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
}

export interface CaseSequencesTable {
  prefix: string;
  last_value: number;
}

export interface CasesTable {
  number: string;
  item_code: string;
  status: string;
  applicant: JsonColumn;
  form_data: JsonColumn;
  situation: JsonColumn;
  materials: JsonColumn;
  extra: JsonColumn;
  query_code_salt: Uint8Array;
  query_code_hash: Uint8Array;
  applicant_token_hash: Uint8Array;
  submitted_at: Timestamp;
  accepted_at: Timestamp | null;
  due_date: Day | null;
  suspended_at: Timestamp | null;
  promised_days: number | null;
  correction: JsonColumn<Json | null> | null;
  version: Generated<number>;
  updated_at: Timestamp;
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

export interface EvaluationsTable {
  id: string;
  case_number: string | null;
  item_code: string | null;
  department_code: string | null;
  channel: string;
  rating: string;
  reasons: JsonColumn;
  comment: string | null;
  anonymous: boolean;
  identity: JsonColumn<Json | null> | null;
  follow_up_of: string | null;
  extra: JsonColumn;
  excluded: Generated<boolean>;
  rectification: JsonColumn<Json | null> | null;
  callback: JsonColumn<Json | null> | null;
  appeal: JsonColumn<Json | null> | null;
  created_at: Timestamp;
  day: Day;
}

export interface EvaluationDailyTable {
  day: Day;
  item_code: string;
  department_code: string;
  very_satisfied: Generated<number>;
  satisfied: Generated<number>;
  basically_satisfied: Generated<number>;
  dissatisfied: Generated<number>;
  very_dissatisfied: Generated<number>;
  rectified: Generated<number>;
  real_name_bad: Generated<number>;
  called_back: Generated<number>;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  status: number;
  body: string;
  headers: JsonColumn<Record<string, string>>;
  created_at: Generated<Timestamp>;
}

export interface RateLimitsTable {
  scope: string;
  client: string;
  window_start: Timestamp;
  count: number;
}

/** Every table, as Kysely sees it. */
export interface DatabaseSchema {
  items: ItemsTable;
  departments: DepartmentsTable;
  themes: ThemesTable;
  regions: RegionsTable;
  calendar_days: CalendarDaysTable;
  case_sequences: CaseSequencesTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  uploads: UploadsTable;
  evaluations: EvaluationsTable;
  evaluation_daily: EvaluationDailyTable;
  idempotency_keys: IdempotencyKeysTable;
  rate_limits: RateLimitsTable;
}
