import { addWorkingDays, type WorkCalendar } from '../calendar/working-days.js';
import type { StoredRectification } from '../db/json-columns.js';
import type { Schema } from '../http/contract.js';

type RectificationState = Schema<'RectificationState'>;
/** A step of a bad review's rectification (整改): call back, rectify, explain, appeal. */
export type RectificationStep = Schema<'RectificationAction'>['action'];

/** The levels that make a review bad (差评), which the department must rectify. */
export const badLevels: ReadonlySet<Schema<'EvaluationLevel'>> = new Set([
  'dissatisfied',
  'veryDissatisfied',
]);

/** A rating queued on a device may arrive up to a week late, or a few minutes early by its clock. */
const maxQueueAgeMs = 7 * 24 * 3_600_000;
const maxClockSkewMs = 5 * 60_000;

/** Whether a rating's own time is one the server accepts, given the time now. */
export function ratedAtAcceptable(ratedAt: Date, now: Date): boolean {
  return (
    now.getTime() - ratedAt.getTime() <= maxQueueAgeMs && ratedAt.getTime() - now.getTime() <= maxClockSkewMs
  );
}

/** Rectification steps: the states each may start from and where it leads. */
export const rectificationSteps: Record<
  RectificationStep,
  { from: RectificationState[]; to: RectificationState }
> = {
  callback: { from: ['open', 'appealRejected'], to: 'calledBack' },
  rectify: { from: ['open', 'calledBack', 'appealRejected'], to: 'rectified' },
  explain: { from: ['open', 'calledBack', 'appealRejected'], to: 'explained' },
  submitAppeal: { from: ['open', 'calledBack'], to: 'appealSubmitted' },
  acceptAppeal: { from: ['appealSubmitted'], to: 'appealAccepted' },
  rejectAppeal: { from: ['appealSubmitted'], to: 'appealRejected' },
};

/**
 * A bad review's rectification, opened on the day it was rated: due in `days` working days; a
 * real-name rater must be called back by then too.
 */
export function newRectification(
  day: string,
  realName: boolean,
  days: number,
  calendar: WorkCalendar,
): StoredRectification {
  const due = addWorkingDays(day, days, calendar);
  return {
    state: 'open',
    callbackRequired: realName,
    callbackDue: realName ? due : null,
    rectificationDue: due,
    deadlineWorkingDays: days,
    history: [],
  };
}

/** Whether the call-back or the rectification is (or was) late, as of `today`. */
export function rectificationOverdue(rectification: StoredRectification, today: string): boolean {
  const { calledBackAt, closedAt } = rectification;
  const closed = ['rectified', 'explained', 'appealAccepted'].includes(rectification.state);
  const callbackLate =
    rectification.callbackDue !== null &&
    (calledBackAt
      ? calledBackAt.slice(0, 10) > rectification.callbackDue
      : today > rectification.callbackDue);
  const rectificationLate = closedAt
    ? closedAt.slice(0, 10) > rectification.rectificationDue
    : !closed && rectification.state !== 'appealSubmitted' && today > rectification.rectificationDue;
  return callbackLate || rectificationLate;
}
