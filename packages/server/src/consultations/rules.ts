import { randomInt } from 'node:crypto';
import { addWorkingDays, type WorkCalendar } from '../calendar/working-days.js';
import { chinaDay } from '../common/china-time.js';
import { queryCodeAlphabet } from '../cases/query-code.js';
import type { ConsultationsTable } from '../db/schema-types.js';
import type { Schema } from '../http/contract.js';
import type { Selectable } from 'kysely';

export type ConsultationRow = Selectable<ConsultationsTable>;

/** A question number: `ZX`, the day asked as `yymmdd` and six random characters. */
export function newConsultationNumber(now: Date): string {
  let random = '';
  for (let i = 0; i < 6; i++) random += queryCodeAlphabet[randomInt(queryCodeAlphabet.length)];
  return `ZX${chinaDay(now).slice(2).replace(/-/g, '')}${random}`;
}

/** The last day for an answer: `days` working days after the day asked (the local rule, 1 by default). */
export function answerDue(askedAt: Date, days: number, calendar: WorkCalendar): string {
  return addWorkingDays(chinaDay(askedAt), days, calendar);
}

/** Whether an answer came (or, still missing, is) after its last day. */
export function answerLate(due: string | null, answeredAt: Date | null, today: string): boolean {
  if (!due) return false;
  return answeredAt ? chinaDay(answeredAt) > due : today > due;
}

/** Where a question stands. */
export function consultationState(row: ConsultationRow): Schema<'ConsultationState'> {
  if (row.follow_up_at) return row.follow_up_answered_at ? 'followUpAnswered' : 'awaitingFollowUpAnswer';
  return row.answered_at ? 'answered' : 'awaitingAnswer';
}

/** Whether the first answer, or the follow-up's, is (or was) late. */
export function consultationOverdue(row: ConsultationRow, today: string): boolean {
  return (
    answerLate(row.answer_due, row.answered_at, today) ||
    (row.follow_up_at !== null && answerLate(row.follow_up_due, row.follow_up_answered_at, today))
  );
}

// Words that mark a complaint or a report, which the 12345 hotline takes rather than the hall.
const complaintWords = [
  '投诉',
  '举报',
  '控告',
  '信访',
  '上访',
  '不作为',
  '乱收费',
  'complain',
  'report abuse',
];

/** Whether a question reads like a complaint (a hint only: staff decide with `outOfRemit`). */
export function readsLikeComplaint(question: string): boolean {
  const text = question.toLowerCase();
  return complaintWords.some((word) => text.includes(word));
}

// A mainland mobile, an 18-character ID number, or a 15-digit one, anywhere in a text.
const personalPatterns = [/1[3-9]\d{9}/, /\d{17}[\dXx]/, /\d{15}/];

/**
 * Whether a text meant for publication still holds personal data: a mobile or ID number, or the
 * asker's own mobile in any spacing.
 */
export function holdsPersonalData(text: string, askerMobile: string | null): boolean {
  const digits = text.replace(/[\s-]/g, '');
  return (
    personalPatterns.some((pattern) => pattern.test(digits)) ||
    (askerMobile !== null && digits.includes(askerMobile))
  );
}
