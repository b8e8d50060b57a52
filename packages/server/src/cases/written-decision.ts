import { sql } from 'kysely';
import { chinaDay } from '../common/china-time.js';
import type { Schema } from '../http/contract.js';
import type { LocalRules } from '../local-rules/local-rules.js';
import type { Db } from './case-store.js';

/** 行政复议法 §20: 60 days from knowing of the decision to apply for 行政复议. */
export const reconsiderationDays = 60;
/** 行政诉讼法 §46: 6 months from knowing of the decision to sue. */
export const litigationMonths = 6;

/** The written decisions (行政许可法 §38): 不予受理 and 不予许可, each with its word in the number. */
const kinds = { reject: '不受', deny: '不许' } as const;

/** A written decision's kind: the step that issues it. */
export type WrittenDecisionKind = keyof typeof kinds;

/**
 * The next 文书编号 in the locality's `decisionNumberFormat`: `{kind}` (不受 / 不许), `{year}`,
 * `{department}` (the deciding department's id) and `{seq}`. Numbers count up without gaps or repeats
 * per everything the format shows but `{seq}`: the counter is a row of `case_sequences` raised in the
 * step's own transaction, so two steps at once wait for each other and a step that fails takes its number
 * back with it.
 */
export async function nextDocumentNumber(
  trx: Db,
  format: string,
  kind: WrittenDecisionKind,
  departmentId: string,
  now: Date,
): Promise<string> {
  const fill = (seq: string) =>
    format
      .replaceAll('{kind}', kinds[kind])
      .replaceAll('{year}', chinaDay(now).slice(0, 4))
      .replaceAll('{department}', departmentId)
      .replaceAll('{seq}', seq);
  const prefix = `文书:${fill('{seq}')}`;
  const row = await trx
    .insertInto('case_sequences')
    .values({ prefix, last_value: 1 })
    .onConflict((oc) => oc.column('prefix').doUpdateSet({ last_value: sql`case_sequences.last_value + 1` }))
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return fill(String(row.last_value));
}

/** Where and how long the applicant may challenge a written decision (行政许可法 §38). */
export function remediesOf(rules: LocalRules): Schema<'DecisionRemedies'> {
  return {
    reconsideration: { body: rules.reconsiderationBody, days: reconsiderationDays },
    litigation: { court: rules.litigationCourt, months: litigationMonths },
  };
}

/** The number and remedies a 不予受理 or 不予许可 carries, issued in the step's transaction. */
export async function writtenDecision(
  trx: Db,
  rules: LocalRules,
  kind: WrittenDecisionKind,
  departmentId: string,
  now: Date,
): Promise<Pick<Schema<'CaseDecision'>, 'documentNumber' | 'remedies'>> {
  return {
    documentNumber: await nextDocumentNumber(trx, rules.decisionNumberFormat, kind, departmentId, now),
    remedies: remediesOf(rules),
  };
}
