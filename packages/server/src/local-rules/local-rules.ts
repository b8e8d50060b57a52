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
  ratingFrom: 'concluded',
  ratingPeriodDays: 30,
  ratingInvitationDays: 3,
  defaultSatisfiedAfterDays: 0,
  callbackDays: 3,
  rectificationMaxDays: 3,
};

const envName = (rule: string) => `BANSHI_RULE_${rule.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

/** A rule's value checked: a whole number of days from 0 to 60. */
function days(rule: string, value: unknown, source: string): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 0 || number > 60)
    throw new Error(`${source}: ${rule} must be a whole number of days from 0 to 60, not ${String(value)}`);
  return number;
}

/** A rule's value checked against its kind (a stage or a number of days). */
function ruleValue(rule: keyof LocalRules, value: unknown, source: string): LocalRules[keyof LocalRules] {
  if (rule !== 'ratingFrom') return days(rule, value, source);
  const stage = ratingStages.find((known) => known === value);
  if (!stage)
    throw new Error(`${source}: ${rule} must be one of ${ratingStages.join(', ')}, not ${String(value)}`);
  return stage;
}

/**
 * The rules in force: defaults, then the file named by `BANSHI_RULES_FILE`, then `BANSHI_RULE_*`
 * variables. An unknown rule or a value out of range stops the start with a message naming it.
 */
export function loadLocalRules(env: Readonly<Record<string, string | undefined>> = process.env): LocalRules {
  const rules: Record<string, unknown> = { ...defaultLocalRules };
  const file = env.BANSHI_RULES_FILE;
  if (file) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    for (const [rule, value] of Object.entries(stored)) {
      if (!(rule in rules)) throw new Error(`${file}: unknown rule ${rule}`);
      rules[rule] = ruleValue(rule as keyof LocalRules, value, file);
    }
  }
  for (const rule of Object.keys(rules) as (keyof LocalRules)[]) {
    const value = env[envName(rule)];
    if (value !== undefined) rules[rule] = ruleValue(rule, value, envName(rule));
  }
  return rules as unknown as LocalRules;
}
