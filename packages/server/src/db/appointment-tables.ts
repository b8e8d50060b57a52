// The tables of 预约: bookable windows per item, slots with their seats, bookings, SMS codes and the queue.
import type { ColumnType } from 'kysely';
import type { Day, JsonColumn, Timestamp } from './schema-types.js';

export interface AppointmentSettingsTable {
  item_code: string;
  window_group: string;
  window_name: string;
  slot_minutes: number;
  capacity: number;
  sessions: JsonColumn<{ start: string; end: string }[]>;
  days_open: number;
  change_cutoff_minutes: number;
  updated_by: string;
  updated_at: Timestamp;
}

export interface AppointmentSlotsTable {
  item_code: string;
  day: Day;
  start: string;
  booked: ColumnType<number, number | undefined, number>;
}

export interface AppointmentsTable {
  number: string;
  item_code: string;
  day: Day;
  start: string;
  end: string;
  state: 'booked' | 'checkedIn' | 'called' | 'cancelled' | 'noShow';
  person_index: string;
  owner_index: string | null;
  name: string;
  mobile: string | null;
  code_index: string;
  window_group: string;
  ticket: string | null;
  ticket_seq: number | null;
  created_at: Timestamp;
  reminded_at: Timestamp | null;
  checked_in_at: Timestamp | null;
  called_at: Timestamp | null;
  cancelled_at: Timestamp | null;
}

export interface AppointmentCodesTable {
  mobile_index: string;
  code_hash: string;
  attempts: ColumnType<number, number | undefined, number>;
  sent_at: Timestamp;
  expires_at: Timestamp;
}

export interface QueueCountersTable {
  window_group: string;
  day: Day;
  last_value: number;
}
