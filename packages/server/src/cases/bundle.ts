import type { Insertable, Transaction } from 'kysely';
import type { WorkCalendar } from '../calendar/working-days.js';
import { readColumn, type CaseDetails } from '../db/json-columns.js';
import type { CasesTable, DatabaseSchema } from '../db/schema-types.js';
import type { Schema } from '../http/contract.js';
import { ProblemError } from '../http/problem.js';
import type { Locale } from '../i18n/locale.js';
import { nextCaseNumber } from './case-number.js';
import { addEvent, unprocessable, updateCase, type Db } from './case-store.js';
import { caseView, type CaseRow } from './case-view.js';
import { caseState, nextState, type CaseAction, type CaseState } from './rules.js';

// 一件事: the bundle's case is what the applicant follows and where the results are handed over (一窗出件);
// each member item is a case of its own, moved by its own department on its own clock.

/** A member is done when nothing more will happen to it before the hand-over. */
const closedStates: readonly CaseState[] = [
  'concluded',
  'delivered',
  'rejected',
  'withdrawn',
  'terminated',
  'revoked',
];
/** A member that brings no result. */
const refusedStates: readonly CaseState[] = ['rejected', 'denied', 'terminated', 'withdrawn', 'revoked'];
/** A member no department has taken up yet. */
const waitingStates: readonly CaseState[] = ['submitted', 'correctionRequested'];

/** The item rows a bundle's members are read from. */
export interface MemberItem {
  code: string;
  name: string;
  region_code: string;
  department_id: string;
  document: unknown;
  translations: unknown;
}

/** The member items a bundle item names, in its order; a member missing from the catalogue is a 422. */
export async function memberItems(trx: Db, bundleDocument: unknown): Promise<MemberItem[]> {
  const document = readColumn.itemDocument(bundleDocument);
  if (document.kind !== 'bundle') return [];
  const codes = ((document.bundleMembers ?? []) as { code: string }[]).map((member) => member.code);
  const rows =
    codes.length === 0
      ? []
      : await trx
          .selectFrom('items')
          .select(['code', 'name', 'region_code', 'department_id', 'document', 'translations', 'status'])
          .where('code', 'in', codes)
          .execute();
  const byCode = new Map(rows.filter((row) => row.status === 'active').map((row) => [row.code, row]));
  if (codes.length === 0 || codes.some((code) => !byCode.has(code)))
    throw unprocessable([
      { pointer: '/itemCode', code: 'not_applicable', messageKey: 'problem.itemNotApplicable' },
    ]);
  return codes.map((code) => byCode.get(code)!);
}

/**
 * Files one member case per member item beside the bundle's case: the same applicant, answers,
 * materials and codes (the bundle's query code opens each member), its own item, department and clock.
 */
export async function fileMemberCases(
  trx: Transaction<DatabaseSchema>,
  bundle: Insertable<CasesTable> & { number: string },
  members: MemberItem[],
  detailsOf: (member: MemberItem) => CaseDetails,
  now: Date,
): Promise<void> {
  for (const member of members) {
    const number = await nextCaseNumber(trx, member.region_code, now);
    await trx
      .insertInto('cases')
      .values({
        ...bundle,
        number,
        item_code: member.code,
        department_id: member.department_id,
        details: JSON.stringify(detailsOf(member)),
        is_bundle: false,
        bundle_number: bundle.number,
      })
      .execute();
    await addEvent(trx, number, {
      at: now,
      from: null,
      to: 'submitted',
      action: 'submit',
      actor: 'applicant',
    });
  }
}

function memberRows(db: Db, bundleNumber: string) {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('bundle_number', '=', bundleNumber)
    .orderBy('number')
    .execute();
}

/** The bundle as its case shows it: each member's state and deadline, and the state of the whole. */
export async function bundleView(
  db: Db,
  row: CaseRow,
  options: { locale: Locale; now: Date; calendar: WorkCalendar },
): Promise<Schema<'CaseBundle'> | undefined> {
  if (!row.is_bundle) return undefined;
  const members = (await memberRows(db, row.number)).map((member) => {
    const view = caseView(member, { ...options, evaluationId: null });
    return {
      caseNumber: view.caseNumber,
      itemCode: view.itemCode,
      itemName: view.itemName,
      department: view.department,
      state: view.state,
      promisedDeadline: view.promisedDeadline,
      overdue: view.overdue,
      concludedAt: view.concludedAt ?? null,
    };
  });
  const state = caseState(row.status);
  return {
    state:
      state === 'delivered'
        ? 'delivered'
        : members.every((m) => closedStates.includes(m.state))
          ? 'concluded'
          : 'inProgress',
    refusedMembers: members.filter((m) => refusedStates.includes(m.state)).length,
    members,
  };
}

/**
 * After a member moved: the bundle's case follows its members, `accepted` once a department took one up
 * and `concluded` (ready for the one hand-over) once every member is done. The bundle's row is locked,
 * so two members concluding at once are counted one after the other.
 */
export async function followMembers(trx: Db, bundleNumber: string, now: Date): Promise<void> {
  const bundle = await trx
    .selectFrom('cases')
    .select(['status'])
    .where('number', '=', bundleNumber)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const from = caseState(bundle.status);
  if (!['submitted', 'accepted'].includes(from)) return;
  const states = (await memberRows(trx, bundleNumber)).map((member) => caseState(member.status));
  const to: CaseState = states.every((s) => closedStates.includes(s))
    ? 'concluded'
    : states.every((s) => waitingStates.includes(s))
      ? 'submitted'
      : 'accepted';
  if (to === from) return;
  await updateCase(trx, bundleNumber, {
    status: to,
    updated_at: now,
    ...(to === 'concluded' ? { concluded_at: now } : {}),
  });
  await addEvent(trx, bundleNumber, {
    at: now,
    from,
    to,
    action: to === 'concluded' ? 'conclude' : 'accept',
    actor: 'system',
  });
}

/**
 * The steps a bundle's case and its members take apart: the bundle only hands over (一窗出件), once
 * every member is done; a member is never handed over on its own.
 */
export function checkBundleStep(
  row: { is_bundle: boolean; bundle_number: string | null },
  action: CaseAction,
) {
  if (row.is_bundle && action !== 'deliver')
    throw new ProblemError(409, 'bundle_handled_by_members', {
      titleKey: 'problem.conflict',
      detailKey: 'problem.bundleHandledByMembers',
    });
  if (row.bundle_number && action === 'deliver')
    throw new ProblemError(409, 'bundle_member_delivery', {
      titleKey: 'problem.conflict',
      detailKey: 'problem.bundleMemberDelivery',
    });
}

/** Withdrawing a bundle withdraws each member still being handled. */
export async function withdrawMembers(trx: Db, bundleNumber: string, now: Date, reason?: string) {
  for (const member of await memberRows(trx, bundleNumber)) {
    const from = caseState(member.status);
    const to = nextState(from, 'withdraw');
    if (!to) continue;
    await updateCase(trx, member.number, { status: to, updated_at: now, suspended_at: null });
    await addEvent(trx, member.number, {
      at: now,
      from,
      to,
      action: 'withdraw',
      actor: 'applicant',
      opinion: reason,
    });
  }
}
