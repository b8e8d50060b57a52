import { addWorkingDays, workingDaysBetween, type WorkCalendar } from '../calendar/working-days.js';
import { chinaDay } from '../common/china-time.js';
import type { StoredMaterial } from '../db/json-columns.js';
import type { Schema } from '../http/contract.js';

/** The states of a case, as the document names them. */
export type CaseState = Schema<'CaseState'>;

/** Every step that moves a case (`TimelineAction` without the steps no staff action takes). */
export type CaseAction = Exclude<
  Schema<'TimelineAction'>,
  'submit' | 'submitDeferredMaterial' | 'deemedAccepted'
>;

/**
 * The transitions of `CaseState`: each action, the states it may start from and the state it leads to.
 * submitted → accepted | rejected | correctionRequested; correctionRequested → submitted | rejected;
 * accepted ⇄ suspended; accepted → approved | denied → concluded → delivered; withdrawn from any open state;
 * approved | concluded | delivered → revoked when a commitment proves untrue.
 */
export const transitions: Record<CaseAction, { from: readonly CaseState[]; to: CaseState | 'unchanged' }> = {
  accept: { from: ['submitted'], to: 'accepted' },
  reject: { from: ['submitted', 'correctionRequested'], to: 'rejected' },
  requestCorrection: { from: ['submitted'], to: 'correctionRequested' },
  submitCorrection: { from: ['correctionRequested'], to: 'submitted' },
  suspend: { from: ['accepted'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'accepted' },
  extend: { from: ['accepted'], to: 'accepted' },
  receiveMaterial: { from: ['accepted', 'suspended', 'approved', 'denied'], to: 'unchanged' },
  transfer: { from: ['submitted', 'correctionRequested', 'accepted', 'suspended'], to: 'unchanged' },
  terminate: {
    from: ['submitted', 'correctionRequested', 'accepted', 'suspended', 'approved', 'denied'],
    to: 'terminated',
  },
  approve: { from: ['accepted'], to: 'approved' },
  deny: { from: ['accepted'], to: 'denied' },
  conclude: { from: ['approved', 'denied'], to: 'concluded' },
  deliver: { from: ['concluded'], to: 'delivered' },
  withdraw: { from: ['submitted', 'correctionRequested', 'accepted', 'suspended'], to: 'withdrawn' },
  // 告知承诺核查: an untrue commitment moves the case to `revoked` (see commitment-verification.ts).
  verifyCommitment: { from: ['approved', 'concluded', 'delivered'], to: 'unchanged' },
};

/** States in which the case is still being handled (deferred materials may still be handed in). */
export const openStates: readonly CaseState[] = ['submitted', 'correctionRequested', 'accepted', 'suspended'];

/** The state after `action`, or undefined when the action is not allowed in `state`. */
export function nextState(state: CaseState, action: CaseAction): CaseState | undefined {
  const rule = transitions[action];
  if (!rule.from.includes(state)) return undefined;
  return rule.to === 'unchanged' ? state : rule.to;
}

/** A stored status as one of the document's states (the server stores no other). */
export function caseState(status: string): CaseState {
  if (isCaseState(status)) return status;
  throw new Error(`Unknown case state ${status}`);
}

function isCaseState(status: string): status is CaseState {
  return Object.hasOwn(stateNames, status);
}

const stateNames: Record<CaseState, true> = {
  submitted: true,
  correctionRequested: true,
  accepted: true,
  suspended: true,
  rejected: true,
  approved: true,
  denied: true,
  concluded: true,
  delivered: true,
  withdrawn: true,
  terminated: true,
  revoked: true,
};

/** The item's promised time limit as stored with the case. */
export type TimeLimit = Schema<'TimeLimit'>;

/** The day `count` natural days after `day` (YYYY-MM-DD). */
export function addNaturalDays(day: string, count: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + count);
  return date.toISOString().slice(0, 10);
}

/** Natural days from `from` to `to` (YYYY-MM-DD), `to` not counted. */
const naturalDaysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * The days a suspension stopped the clock (行政许可法 §45), in the unit of the item's time limit: a limit
 * in natural days (居民身份证: 60 natural days) stays in natural days, so a two-week suspension adds 14;
 * any other limit gets the working days between the two days.
 */
export function suspensionDays(
  since: Date,
  until: Date,
  limit: TimeLimit | null | undefined,
  calendar: WorkCalendar,
): number {
  const [from, to] = [chinaDay(since), chinaDay(until)];
  return limit?.unit === 'naturalDays'
    ? naturalDaysBetween(from, to)
    : workingDaysBetween(from, to, calendar);
}

/**
 * The promised deadline: the time limit counted from the day of acceptance, in working days (the
 * calendar's holidays skipped, its 调休 weekends counted) or in natural days when the limit says so,
 * lengthened by the days the clock was stopped by suspensions (in the same unit, see
 * {@link suspensionDays}). Half days and hours round up to whole working days.
 */
export function promisedDeadline(
  acceptedAt: Date,
  limit: TimeLimit,
  suspendedDays: number,
  calendar: WorkCalendar,
): string {
  const start = chinaDay(acceptedAt);
  if (limit.unit === 'naturalDays') return addNaturalDays(start, Math.ceil(limit.value) + suspendedDays);
  const days = limit.unit === 'hours' ? Math.ceil(limit.value / 8) : Math.ceil(limit.value);
  return addWorkingDays(start, days + suspendedDays, calendar);
}

/**
 * The deadline a case is held to: the promised deadline ({@link promisedDeadline}) moved by the working
 * days of its one extension (延期, 行政许可法 §42), when one was granted.
 */
export function heldDeadline(
  acceptedAt: Date,
  limit: TimeLimit,
  suspendedDays: number,
  extensionDays: number,
  calendar: WorkCalendar,
): string {
  const due = promisedDeadline(acceptedAt, limit, suspendedDays, calendar);
  return extensionDays > 0 ? addWorkingDays(due, extensionDays, calendar) : due;
}

/** Working days from `today` to `due`: positive while time is left, negative once overdue. */
export function workingDaysLeft(today: string, due: string, calendar: WorkCalendar): number {
  return today <= due ? workingDaysBetween(today, due, calendar) : -workingDaysBetween(due, today, calendar);
}

/**
 * 补正 (行政许可法 §32): the last day on which the office may request a correction, `days` working days
 * after the day the application was received (the locality's `correctionRequestDays`, 5 by law).
 */
export const correctionWindowEnd = (receivedAt: Date, days: number, calendar: WorkCalendar): string =>
  addWorkingDays(chinaDay(receivedAt), days, calendar);

/**
 * Whether an application counts as accepted from receipt: the correction window passed on `today`
 * without a correction request (§32: 逾期不告知的，自收到申请材料之日起即为受理).
 */
export function deemedAcceptedFromReceipt(
  receivedAt: Date,
  today: string,
  correctionsRequested: number,
  days: number,
  calendar: WorkCalendar,
): boolean {
  return correctionsRequested === 0 && today > correctionWindowEnd(receivedAt, days, calendar);
}

/** The deferred materials (容缺后补) still missing after their deadline on `today`. */
export const overdueDeferred = (materials: StoredMaterial[], today: string): StoredMaterial[] =>
  materials.filter(
    (material) =>
      material.status === 'deferred' &&
      material.deferredUntil !== undefined &&
      material.deferredUntil !== null &&
      today > material.deferredUntil,
  );

/** Working days a deferred material (容缺) may wait when its form names none. */
export const defaultDeferDays = 5;

/** Deferred materials (容缺后补) get their deadline from the day of acceptance (or submission, until then). */
export function withDeferredDeadlines(
  materials: StoredMaterial[],
  from: Date,
  calendar: WorkCalendar,
): StoredMaterial[] {
  return materials.map((material) =>
    material.provision === 'deferred' && material.status === 'deferred'
      ? {
          ...material,
          deferredUntil: addWorkingDays(chinaDay(from), material.deferDays ?? defaultDeferDays, calendar),
        }
      : material,
  );
}

/**
 * Whether a hand-in outside a requested correction is allowed (容缺后补): the case is open, no form data
 * changes, and every material handed in is an upload of a deferred one before its deadline.
 */
export function handsInDeferredOnly(
  state: CaseState,
  submission: { materials: Schema<'MaterialSubmission'>[]; formData?: unknown },
  stored: StoredMaterial[],
  today: string,
): boolean {
  return (
    state !== 'correctionRequested' &&
    openStates.includes(state) &&
    submission.formData === undefined &&
    submission.materials.length > 0 &&
    submission.materials.every((handedIn) => {
      const material = stored.find((m) => m.materialId === handedIn.materialId);
      return (
        material?.status === 'deferred' &&
        handedIn.provision === 'upload' &&
        (!material.deferredUntil || today <= material.deferredUntil)
      );
    })
  );
}

/**
 * Whether an answer fits its situation: one known option id for a single-choice question; for a
 * question with `multiple`, an array of known option ids, none twice.
 */
export function answersSituation(
  situation: { multiple?: boolean; options: { id: string }[] },
  answer: string | string[],
): boolean {
  const known = (id: string) => situation.options.some((o) => o.id === id);
  if (!situation.multiple) return typeof answer === 'string' && known(answer);
  return Array.isArray(answer) && answer.every(known) && new Set(answer).size === answer.length;
}
