import { sql, type Kysely } from 'kysely';
import { addWorkingDays, type WorkCalendar } from '../calendar/working-days.js';
import { chinaDay } from '../common/china-time.js';
import { newId } from '../common/ids.js';
import { readColumn, type EvaluationDetails } from '../db/json-columns.js';
import type { DatabaseSchema } from '../db/schema-types.js';
import { translate } from '../i18n/messages.js';
import type { LocalRules } from '../local-rules/local-rules.js';
import type { Notifier } from '../notify/notifier.js';
import { bump } from './aggregates.js';
import { lastRatingDay } from './rating-period.js';
import './messages.js';

type Db = Kysely<DatabaseSchema>;
const dayMs = 86_400_000;
/** Cases handled per sweep and kind, so one sweep stays short; the next takes the rest. */
const batch = 500;

const unrated = sql<boolean>`not exists (select 1 from evaluations e where e.case_number = cases.number)`;

/**
 * The rating sweep (评价时效): invites the applicant of each case concluded `ratingInvitationDays` ago
 * and not yet rated (邀评, by SMS through the notifier), and, where the locality counts an unrated case
 * as 满意 after `defaultSatisfiedAfterDays` working days, records that rating, marked `defaulted`.
 * `db` must read sealed columns (the app's database). Answers how many were invited and defaulted.
 */
export async function sweepRatings(
  db: Db,
  notifier: Notifier,
  rules: LocalRules,
  calendar: WorkCalendar,
  now: Date,
): Promise<{ invited: number; defaulted: number }> {
  const invited = rules.ratingInvitationDays > 0 ? await invite(db, notifier, rules, now) : 0;
  const defaulted = rules.defaultSatisfiedAfterDays > 0 ? await countDefaults(db, rules, calendar, now) : 0;
  return { invited, defaulted };
}

/** Marks each due case invited before sending, so two processes sweeping at once never send twice. */
async function invite(db: Db, notifier: Notifier, rules: LocalRules, now: Date): Promise<number> {
  const due = await db
    .updateTable('cases')
    .set({ rating_invited_at: now })
    .where('number', 'in', (select) =>
      select
        .selectFrom('cases')
        .select('number')
        .where('concluded_at', '<=', new Date(now.getTime() - rules.ratingInvitationDays * dayMs))
        .where('concluded_at', '>', new Date(now.getTime() - rules.ratingPeriodDays * dayMs))
        .where('rating_invited_at', 'is', null)
        // 一件事: the applicant is invited to rate the bundle, not each of its member cases.
        .where('bundle_number', 'is', null)
        .where(unrated)
        .limit(batch),
    )
    .returning('number')
    .execute();
  let sent = 0;
  for (const { number } of due) {
    const row = await db
      .selectFrom('cases')
      .select(['number', 'details', 'applicant', 'status', 'accepted_at', 'concluded_at', 'updated_at'])
      .where('number', '=', number)
      .executeTakeFirstOrThrow();
    const applicant = readColumn.caseApplicant(row.applicant);
    const mobile = applicant.kind === 'person' ? applicant.mobile : applicant.contact.mobile;
    const text = translate('zh-CN', 'rating.sms.invitation', {
      item: readColumn.caseDetails(row.details).itemName['zh-CN'] ?? number,
      number,
      last: lastRatingDay(row, rules) ?? '',
    });
    try {
      await notifier.send({ mobile, text, purpose: 'ratingInvitation' });
      sent++;
    } catch {
      // The gateway is down: this invitation is lost, the next ones are still tried.
    }
  }
  return sent;
}

/** 默认好评: an unrated case past its working days counts as 满意, marked so every figure tells it apart. */
async function countDefaults(db: Db, rules: LocalRules, calendar: WorkCalendar, now: Date): Promise<number> {
  const today = chinaDay(now);
  const candidates = await db
    .selectFrom('cases')
    .select(['number', 'concluded_at'])
    // Working days are never fewer than natural ones: a case concluded since then cannot be due.
    .where('concluded_at', '<=', new Date(now.getTime() - rules.defaultSatisfiedAfterDays * dayMs))
    .where(unrated)
    .orderBy('concluded_at')
    .limit(batch)
    .execute();
  let counted = 0;
  for (const candidate of candidates) {
    const due = addWorkingDays(chinaDay(candidate.concluded_at!), rules.defaultSatisfiedAfterDays, calendar);
    if (today <= due) continue;
    if (await recordDefault(db, candidate.number, now)) counted++;
  }
  return counted;
}

/** Stores the default rating of one case unless it was rated meanwhile (the case's lock decides). */
async function recordDefault(db: Db, caseNumber: string, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('cases')
      .select(['number', 'item_code', 'details'])
      .where('number', '=', caseNumber)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const rated = await trx
      .selectFrom('evaluations')
      .select('id')
      .where('case_number', '=', caseNumber)
      .executeTakeFirst();
    if (rated) return false;
    const caseDetails = readColumn.caseDetails(row.details);
    const day = chinaDay(now);
    const details: EvaluationDetails = {
      target: { kind: 'case', caseNumber },
      itemName: caseDetails.itemName,
      department: caseDetails.department,
      reasons: [],
      rectification: null,
    };
    await trx
      .insertInto('evaluations')
      .values({
        id: newId('ev'),
        case_number: caseNumber,
        item_code: row.item_code,
        department_id: caseDetails.department.id,
        channel: 'system',
        level: 'satisfied',
        bad: false,
        anonymous: true,
        rater: null,
        follow_up_of: null,
        counted: true,
        defaulted: true,
        rectification_state: null,
        details: JSON.stringify(details),
        created_at: now,
        rated_at: now,
        day,
      })
      .execute();
    await bump(
      trx,
      { day, itemCode: row.item_code, departmentId: caseDetails.department.id },
      { satisfied: 1, defaulted: 1 },
    );
    return true;
  });
}
