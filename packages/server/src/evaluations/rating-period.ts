import { addNaturalDays } from '../cases/rules.js';
import { chinaDay } from '../common/china-time.js';
import { ProblemError } from '../http/problem.js';
import type { Locale } from '../i18n/locale.js';
import { translate } from '../i18n/messages.js';
import type { LocalRules } from '../local-rules/local-rules.js';
import './messages.js';

/** What the rating period of a case depends on. */
export interface RatedCaseRow {
  status: string;
  accepted_at: Date | null;
  concluded_at: Date | null;
  updated_at: Date;
}

/** States in which handling ended without 办结 (不予受理, 终止, 撤回): the case may be rated from then. */
const endedStates = new Set(['rejected', 'terminated', 'withdrawn']);

/** When handling of the case ended (办结, or refused, ended or withdrawn), or null while it goes on. */
export function endedAt(row: RatedCaseRow): Date | null {
  return row.concluded_at ?? (endedStates.has(row.status) ? row.updated_at : null);
}

/** The last day a case may be rated, or null while it is not yet concluded. */
export function lastRatingDay(row: RatedCaseRow, rules: Pick<LocalRules, 'ratingPeriodDays'>): string | null {
  const ended = endedAt(row);
  return ended ? addNaturalDays(chinaDay(ended), rules.ratingPeriodDays) : null;
}

function reached(row: RatedCaseRow, stage: LocalRules['ratingFrom']): boolean {
  if (endedAt(row)) return true;
  if (stage === 'submitted') return true;
  return stage === 'accepted' && row.accepted_at !== null;
}

/**
 * Refuses (409) the first rating of a case outside its rating period (GB/T 39734 §7.2): before the stage
 * the locality opens rating at (办结 by default; 接件 or 受理 where allowed), or after the period that
 * follows conclusion.
 */
export function requireRatingOpen(row: RatedCaseRow, rules: LocalRules, now: Date, locale: Locale): void {
  if (!reached(row, rules.ratingFrom)) {
    throw new ProblemError(409, 'rating_not_open', {
      titleKey: 'problem.ratingNotOpen',
      detailKey: 'problem.ratingNotOpenDetail',
      params: {
        state: translate(locale, `state.${row.status}`),
        stage: translate(locale, `rating.stage.${rules.ratingFrom}`),
      },
    });
  }
  const last = lastRatingDay(row, rules);
  const ended = endedAt(row);
  if (last && ended && chinaDay(now) > last) {
    throw new ProblemError(409, 'rating_closed', {
      titleKey: 'problem.ratingClosed',
      detailKey: 'problem.ratingClosedDetail',
      params: { concluded: chinaDay(ended), days: rules.ratingPeriodDays, last },
      extensions: { lastRatingDay: last },
    });
  }
}

/** The last day a rating given on `ratedDay` may be followed up (追评). */
export function lastFollowUpDay(ratedDay: string, rules: Pick<LocalRules, 'ratingPeriodDays'>): string {
  return addNaturalDays(ratedDay, rules.ratingPeriodDays);
}

/** Refuses (409) a follow-up (追评) after the period that follows the first rating. */
export function requireFollowUpOpen(ratedDay: string, rules: LocalRules, now: Date): void {
  const last = lastFollowUpDay(ratedDay, rules);
  if (chinaDay(now) > last) {
    throw new ProblemError(409, 'rating_closed', {
      titleKey: 'problem.ratingClosed',
      detailKey: 'problem.followUpClosedDetail',
      params: { days: rules.ratingPeriodDays, last },
      extensions: { lastRatingDay: last },
    });
  }
}
