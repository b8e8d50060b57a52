import { addWorkingDays, type WorkCalendar } from '../calendar/working-days.js';
import { chinaDay, chinaTime } from '../common/china-time.js';
import type { CaseDetails } from '../db/json-columns.js';
import type { CasesTable } from '../db/schema-types.js';
import type { Schema } from '../http/contract.js';
import { ProblemError } from '../http/problem.js';
import type { Updateable } from 'kysely';
import { unprocessable } from './case-store.js';
import type { CaseState } from './rules.js';

/** What a step changes (as `transition-case.ts` builds it). */
interface Change {
  columns: Updateable<CasesTable>;
  details: CaseDetails;
}

/**
 * 告知承诺 (国办发〔2020〕42号): a case approved on the applicant's commitment gets a verification (核查)
 * due `days` working days after the approval (the locality's `commitmentVerificationDays`).
 */
export function openVerification(change: Change, now: Date, days: number, calendar: WorkCalendar): void {
  if (!change.details.commitmentAccepted) return;
  const dueDate = addWorkingDays(chinaDay(now), days, calendar);
  change.details.verification = { result: 'pending', dueDate, verifiedAt: null };
  change.columns.verification_due = dueDate;
}

/**
 * The office records the verification: a true commitment closes it; an untrue one revokes the decision
 * (撤销, state `revoked`) with the reason and a credit record. Answers the state the case moves to.
 */
export function recordVerification(
  body: Schema<'VerifyCommitmentTransition'>,
  state: CaseState,
  change: Change,
  now: Date,
): CaseState {
  const verification = change.details.verification;
  if (verification?.result !== 'pending')
    throw new ProblemError(409, 'nothing_to_verify', {
      titleKey: 'problem.conflict',
      detailKey: 'problem.nothingToVerify',
    });
  const reason = body.reason?.trim();
  if (body.result === 'untrue' && !reason)
    throw unprocessable([
      { pointer: '/reason', code: 'required', messageKey: 'validation.revocationReason' },
    ]);
  change.details.verification = { ...verification, result: body.result, verifiedAt: chinaTime(now) };
  change.columns.verification_due = null;
  if (body.result === 'confirmed') return state;
  change.details.revocation = { revokedAt: chinaTime(now), reason: reason ?? '', creditRecord: true };
  change.columns.status = 'revoked';
  return 'revoked';
}
