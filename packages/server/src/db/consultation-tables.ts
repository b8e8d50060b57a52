// The tables of 我要问: questions with their answers and follow-up, and the answers published on an item.
import type { ColumnType } from 'kysely';
import type { Day, Timestamp } from './schema-types.js';

export interface ConsultationsTable {
  number: string;
  item_code: string | null;
  item_name: string | null;
  department_id: string;
  department_name: string;
  question: string;
  mobile: string | null;
  owner_index: string | null;
  upload_id: string | null;
  query_code_salt: Uint8Array;
  query_code_hash: Uint8Array;
  asked_at: Timestamp;
  answer_due: Day;
  answer: string | null;
  answered_at: Timestamp | null;
  answered_by: string | null;
  out_of_remit: ColumnType<boolean, boolean | undefined, boolean>;
  follow_up: string | null;
  follow_up_at: Timestamp | null;
  follow_up_due: Day | null;
  follow_up_answer: string | null;
  follow_up_answered_at: Timestamp | null;
  published: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface PublishedAnswersTable {
  id: string;
  item_code: string;
  consultation_number: string;
  question: string;
  answer: string;
  published_by: string;
  published_at: Timestamp;
}
