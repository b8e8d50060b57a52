import { readFileSync } from 'node:fs';

/** The first stage of a case at which its applicant may rate it (GB/T 39734 §7.2: 接件, 受理, 办结). */
export type RatingStage = 'submitted' | 'accepted' | 'concluded';
const ratingStages: readonly RatingStage[] = ['submitted', 'accepted', 'concluded'];

/**
 * The rules a locality sets (地方实施细则), in one place: the national defaults, then a JSON file
 * (`BANSHI_RULES_FILE`), then one environment variable per rule (`BANSHI_RULE_<NAME>`, the name in
 * capitals with underscores: `BANSHI_RULE_CORRECTION_REQUEST_DAYS=5`). `docs/domain.md` lists them.
 */
export interface LocalRules {
  /** 补正: working days after receipt within which the office may request a correction (行政许可法 §32). */
  correctionRequestDays: number;
  /** 延期: the most working days one extension may add (行政许可法 §42). */
  extensionMaxDays: number;
  /** 红黑榜: the fewest ratings in the period for a window or department to be ranked at all. */
  rankingMinimumRatings: number;
  /** 红黑榜: how many windows or departments each list names. */
  rankingSize: number;
  /** 红黑榜: natural days a published list stays posted (at least 15). */
  rankingVisibleDays: number;
  /** 我要问: working days the office has to answer a question (and a follow-up). */
  consultationAnswerDays: number;
  /** 告知承诺: working days after an approval on commitment within which the office verifies it (核查). */
  commitmentVerificationDays: number;
  /**
   * 文书编号 of the written decisions 不予受理 and 不予许可 (行政许可法 §38): `{kind}` (不受 / 不许), `{year}`,
   * `{department}` (the deciding department's id) and `{seq}` (required: counts up per everything else).
   */
  decisionNumberFormat: string;
  /** The body a written decision names for 行政复议 (within 60 days). */
  reconsiderationBody: string;
  /** The court a written decision names for 行政诉讼 (within 6 months). */
  litigationCourt: string;
  /** 评价时效: the first stage at which a case may be rated; `concluded` (办结) unless the locality allows earlier. */
  ratingFrom: RatingStage;
  /** 评价时效: natural days after conclusion within which a case may be rated (and a rating followed up). */
  ratingPeriodDays: number;
  /** 邀评: natural days after conclusion when the applicant is invited to rate by SMS (亳州: 3); 0 sends none. */
  ratingInvitationDays: number;
  /** 默认好评: working days after conclusion after which an unrated case counts as 满意 (新疆: 5); 0 is off. */
  defaultSatisfiedAfterDays: number;
  /** 回访: working days after a real-name bad review within which the rater must be called back. */
  callbackDays: number;
  /** 限期整改: the most working days after a bad review its rectification may be given (金昌 3, 德州 5, 四川 15). */
  rectificationMaxDays: number;
}

/** The defaults: the national rules where a law sets them. */
export const defaultLocalRules: Readonly<LocalRules> = {
  correctionRequestDays: 5,
  extensionMaxDays: 10,
  rankingMinimumRatings: 30,
  rankingSize: 10,
  rankingVisibleDays: 15,
  consultationAnswerDays: 1,
  commitmentVerificationDays: 30,
  decisionNumberFormat: '{kind}字〔{year}〕第{seq}号',
  reconsiderationBody: '本级人民政府',
  litigationCourt: '有管辖权的人民法院',
  ratingFrom: 'concluded',
  ratingPeriodDays: 30,
  ratingInvitationDays: 3,
  defaultSatisfiedAfterDays: 0,
  callbackDays: 3,
  rectificationMaxDays: 3,
};

/** Rules that are not days from 0 to 60: their own whole-number range and unit. */
const ranges: Partial<Record<keyof LocalRules, { min: number; max: number; unit: string }>> = {
  rankingMinimumRatings: { min: 1, max: 100000, unit: 'ratings' },
  rankingSize: { min: 1, max: 50, unit: 'entries' },
  rankingVisibleDays: { min: 15, max: 366, unit: 'days' },
};

const envName = (rule: string) => `BANSHI_RULE_${rule.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

/** A rule's value checked: a whole number within its range (days from 0 to 60 unless `ranges` says). */
function days(rule: string, value: unknown, source: string): number {
  const { min, max, unit } = ranges[rule as keyof LocalRules] ?? { min: 0, max: 60, unit: 'days' };
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max)
    throw new Error(
      `${source}: ${rule} must be a whole number of ${unit} from ${min} to ${max}, not ${String(value)}`,
    );
  return number;
}

/** A text rule checked: not empty, at most 100 characters; a number format names `{seq}`. */
function text(rule: string, value: unknown, source: string): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 100)
    throw new Error(`${source}: ${rule} must be a text of 1 to 100 characters`);
  if (rule === 'decisionNumberFormat' && !value.includes('{seq}'))
    throw new Error(`${source}: ${rule} must contain {seq}, not ${value}`);
  return value;
}

/** A stage rule checked: one of the stages a case may be rated from. */
function stage(rule: string, value: unknown, source: string): RatingStage {
  const known = ratingStages.find((candidate) => candidate === value);
  if (!known)
    throw new Error(`${source}: ${rule} must be one of ${ratingStages.join(', ')}, not ${String(value)}`);
  return known;
}

/** A rule's value checked by its kind: a stage, a text, or a whole number. */
const checked = (rule: keyof LocalRules, value: unknown, source: string) =>
  rule === 'ratingFrom'
    ? stage(rule, value, source)
    : typeof defaultLocalRules[rule] === 'string'
      ? text(rule, value, source)
      : days(rule, value, source);

/**
 * The rules in force: defaults, then the file named by `BANSHI_RULES_FILE`, then `BANSHI_RULE_*`
 * variables. An unknown rule or a value out of range stops the start with a message naming it.
 */
export function loadLocalRules(env: Readonly<Record<string, string | undefined>> = process.env): LocalRules {
  const rules: LocalRules = { ...defaultLocalRules };
  const file = env.BANSHI_RULES_FILE;
  if (file) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    for (const [rule, value] of Object.entries(stored)) {
      if (!(rule in rules)) throw new Error(`${file}: unknown rule ${rule}`);
      Object.assign(rules, { [rule]: checked(rule as keyof LocalRules, value, file) });
    }
  }
  for (const rule of Object.keys(rules) as (keyof LocalRules)[]) {
    const value = env[envName(rule)];
    if (value !== undefined) Object.assign(rules, { [rule]: checked(rule, value, envName(rule)) });
  }
  return rules;
}
