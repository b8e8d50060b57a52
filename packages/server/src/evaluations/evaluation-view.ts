import { EVALUATION_LEVELS } from '@banshi/sdk/core';
import type { Selectable } from 'kysely';
import { localisedText } from '../cases/case-view.js';
import { maskMobile } from '../cases/masking.js';
import { chinaTime } from '../common/china-time.js';
import { readColumn } from '../db/json-columns.js';
import type { EvaluationsTable } from '../db/schema-types.js';
import type { Schema } from '../http/contract.js';
import type { Locale } from '../i18n/locale.js';
import { rectificationOverdue } from './rules.js';

/** An evaluation row as read. */
export type EvaluationRow = Selectable<EvaluationsTable>;

const channels: readonly Schema<'EvaluationChannel'>[] = [
  'pc',
  'mobile',
  'qrCode',
  'hallTablet',
  'hallTerminal',
  'phone',
  'sms',
  'paperCard',
  'system',
];

/** A stored value that must be one of `known` (the server stores no other). */
function oneOf<T extends string>(known: readonly T[], value: string): T {
  const found = known.find((k) => k === value);
  if (found === undefined) throw new Error(`Unexpected stored value ${value}`);
  return found;
}

/** The API's `Evaluation`: the rater's mobile masked; overdue worked out for today. */
export function evaluationView(row: EvaluationRow, locale: Locale, today: string): Schema<'Evaluation'> {
  const details = readColumn.evaluationDetails(row.details);
  const rater = readColumn.evaluationRater(row.rater);
  const rectification = details.rectification;
  let rectificationView: Schema<'Rectification'> | null = null;
  if (rectification) {
    const { calledBackAt: _calledBackAt, closedAt: _closedAt, ...shown } = rectification;
    rectificationView = { ...shown, overdue: rectificationOverdue(rectification, today) };
  }
  return {
    id: row.id,
    target: details.target,
    itemCode: row.item_code,
    itemName: localisedText(details.itemName, locale),
    department: details.department,
    level: oneOf(EVALUATION_LEVELS, row.level),
    bad: row.bad,
    reasons: details.reasons,
    ...(details.reasonText ? { reasonText: details.reasonText } : {}),
    ...(details.followUp ? { followUp: details.followUp } : {}),
    ...(details.comment ? { comment: details.comment } : {}),
    channel: oneOf(channels, row.channel),
    anonymous: row.anonymous,
    ...(rater ? { rater: { name: rater.name, maskedMobile: maskMobile(rater.mobile) } } : {}),
    followUpOf: row.follow_up_of,
    createdAt: chinaTime(row.created_at),
    ratedAt: chinaTime(row.rated_at),
    counted: row.counted,
    defaulted: row.defaulted,
    ...(details.enteredBy ? { enteredBy: details.enteredBy } : {}),
    rectification: rectificationView,
  };
}
