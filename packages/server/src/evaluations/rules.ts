import { addWorkingDays, type WorkCalendar } from '../calendar/working-days.js';
import type { StoredRectification } from '../db/json-columns.js';
import type { Schema } from '../http/contract.js';
import { problems } from '../http/problem.js';
import type { LocalRules } from '../local-rules/local-rules.js';
import './messages.js';

type RectificationState = Schema<'RectificationState'>;
/** A step of a bad review's rectification (整改): call back, rectify, explain, appeal. */
export type RectificationStep = Schema<'RectificationAction'>['action'];

/**
 * A rating queued on a device may arrive up to a week late, a paper card from the ballot box up to a
 * month late (boxes are opened now and then), either a few minutes early by its clock.
 */
const maxQueueAgeMs = 7 * 24 * 3_600_000;
const maxPaperCardAgeMs = 31 * 24 * 3_600_000;
const maxClockSkewMs = 5 * 60_000;

/** Whether a rating's own time is one the server accepts, given the time now and its channel. */
export function ratedAtAcceptable(ratedAt: Date, now: Date, channel?: string): boolean {
  const maxAge = channel === 'paperCard' ? maxPaperCardAgeMs : maxQueueAgeMs;
  return now.getTime() - ratedAt.getTime() <= maxAge && ratedAt.getTime() - now.getTime() <= maxClockSkewMs;
}

/** The channels of the hall (评价器, 大厅终端, 纸质评价卡): their ratings are of a window. */
export const hallChannels: ReadonlySet<Schema<'EvaluationChannel'>> = new Set([
  'hallTablet',
  'hallTerminal',
  'paperCard',
]);

/**
 * Refuses (422) a rating sent as `system` (only the server gives those: 默认好评), and one given in the
 * hall that names no window: it would count for no window and no
 * member of staff. An item rated on its web page (`pc`, `mobile`) may name none.
 */
export function requireChannelRules(body: Pick<Schema<'EvaluationCreate'>, 'target' | 'channel'>): void {
  if (body.channel === 'system') {
    throw problems.validation(
      [{ pointer: '/channel', code: 'enum', messageKey: 'validation.channelSystem' }],
      422,
    );
  }
  if (body.target.kind === 'onSite' && !body.target.windowId && hallChannels.has(body.channel)) {
    throw problems.validation(
      [{ pointer: '/target/windowId', code: 'required', messageKey: 'validation.windowRequired' }],
      422,
    );
  }
}

/** Rectification steps: the states each may start from and where it leads. */
export const rectificationSteps: Record<
  RectificationStep,
  { from: RectificationState[]; to: RectificationState }
> = {
  callback: { from: ['open', 'appealRejected', 'rectifying'], to: 'calledBack' },
  scheduleRectification: { from: ['open', 'calledBack', 'appealRejected'], to: 'rectifying' },
  rectify: { from: ['open', 'calledBack', 'appealRejected', 'rectifying'], to: 'rectified' },
  explain: { from: ['open', 'calledBack', 'appealRejected'], to: 'explained' },
  submitAppeal: { from: ['open', 'calledBack'], to: 'appealSubmitted' },
  acceptAppeal: { from: ['appealSubmitted'], to: 'appealAccepted' },
  rejectAppeal: { from: ['appealSubmitted'], to: 'appealRejected' },
};

/**
 * A bad review's rectification, opened on the day it was rated: a real-name rater must be called back
 * within the callback deadline; the fix or the explanation is due within the locality's maximum, unless
 * the office sets a shorter deadline (限期整改).
 */
export function newRectification(
  day: string,
  realName: boolean,
  rules: Pick<LocalRules, 'callbackDays' | 'rectificationMaxDays'>,
  calendar: WorkCalendar,
): StoredRectification {
  return {
    state: 'open',
    callbackRequired: realName,
    callbackDue: realName ? addWorkingDays(day, rules.callbackDays, calendar) : null,
    rectificationDue: addWorkingDays(day, rules.rectificationMaxDays, calendar),
    deadlineWorkingDays: rules.rectificationMaxDays,
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
