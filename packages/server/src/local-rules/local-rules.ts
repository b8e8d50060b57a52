import { readFileSync } from 'node:fs';

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
}

/** The defaults: the national rules where a law sets them. */
export const defaultLocalRules: Readonly<LocalRules> = {
  correctionRequestDays: 5,
  extensionMaxDays: 10,
  rankingMinimumRatings: 30,
  rankingSize: 10,
  rankingVisibleDays: 15,
  consultationAnswerDays: 1,
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
      rules[rule as keyof LocalRules] = days(rule, value, file);
    }
  }
  for (const rule of Object.keys(rules) as (keyof LocalRules)[]) {
    const value = env[envName(rule)];
    if (value !== undefined) rules[rule] = days(rule, value, envName(rule));
  }
  return rules;
}
