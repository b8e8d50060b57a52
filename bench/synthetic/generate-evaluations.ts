import type { components } from '@banshi/sdk';
import { mix, Random } from './random.js';
import type { Item } from '../../packages/server/src/demo-catalogue/types.js';
// The reason categories the rating offers: one list, so generated bad reviews use the same ones.
import { RATING_REASONS as reasons } from '../../packages/elements/src/rating/options.js';

type EvaluationCreate = components['schemas']['EvaluationCreate'];
type Rater = components['schemas']['RealNameRating'] | components['schemas']['AnonymousRating'];
type EvaluationLevel = components['schemas']['EvaluationLevel'];
type EvaluationReason = components['schemas']['EvaluationReason'];

/** One generated rating: the body a client would POST, and what the importer needs to store it as given. */
export interface GeneratedEvaluation {
  /** A valid `EvaluationCreate` body. */
  body: EvaluationCreate;
  /** When it was given (ISO 8601, +08:00), spread over the `days` (default two years) before `until`. */
  createdAt: string;
  /** The item rated (for a `case` target, the item of that case). */
  itemCode: string;
  /** The department responsible for the item. */
  departmentId: string;
  /** The window, for on-site ratings. */
  windowId?: string;
}

/** Options of `generateEvaluations`. */
export interface EvaluationOptions {
  /** The end of the period; defaults to 2026-11-23T00:00:00+08:00 so that output never depends on the clock. */
  until?: Date;
  /** How many days before `until` the ratings spread over. Default 730 (two years). */
  days?: number;
}

// Shares of the five levels: bad reviews are under 1%, so the satisfaction rate is just above 99% as
// Baotou reported (170,000 evaluations, satisfaction above 99%).
const levels: (readonly [EvaluationLevel, number])[] = [
  ['verySatisfied', 880],
  ['satisfied', 112],
  ['basicallySatisfied', 2.5],
  ['dissatisfied', 4],
  ['veryDissatisfied', 1.5],
];
const praise = [
  '全程网上办理，不用跑腿，很方便。',
  '工作人员态度很好，一次就办成了。',
  '周末也能办，真方便。',
  '材料比以前少多了，点赞。',
  '窗口人员耐心细致，讲解清楚。',
  '当场就拿到了，效率很高。',
  '帮办员全程帮忙，省心。',
  '手机上就能查进度，很清楚。',
];
const complaints: Record<EvaluationReason, string> = {
  guideUnclear: '办事指南写得不清楚，来了才知道还缺材料。',
  tooManyMaterials: '要交的材料太多，有些已经在系统里了还要再交。',
  repeatedVisits: '跑了两趟才办完。',
  slowProcessing: '等了很久，比承诺的时间还长。',
  poorAttitude: '窗口人员态度不耐烦。',
  unprofessional: '工作人员对业务不熟，问了几个人才说清楚。',
  systemUnusable: '网上系统老是提交失败。',
  unreasonableRefusal: '材料齐全却说办不了，让去别的窗口。',
  unfairFees: '收了指南上没有写的费用。',
  other: '希望增加周末办理时间。',
};
const surnames = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '罗',
  '郑',
  '乌',
  '巴',
  '宝',
  '白',
];
const givenNames = [
  '秀兰',
  '建国',
  '丽',
  '敏',
  '强',
  '芳',
  '伟',
  '静',
  '海强',
  '金叶',
  '文雅',
  '志刚',
  '桂英',
  '晓东',
  '娜仁',
  '其木格',
  '巴特尔',
  '苏日娜',
  '俊杰',
  '玉梅',
];
const mobilePrefixes = [
  '139',
  '138',
  '135',
  '136',
  '150',
  '151',
  '152',
  '158',
  '159',
  '177',
  '180',
  '187',
  '189',
  '199',
];

const onlineShare: Record<Item['onlineDepth'], number> = { IV: 0.55, III: 0.35, II: 0.2, I: 0 };

const DAY = 86_400_000;
const defaultUntil = new Date('2026-11-23T00:00:00+08:00');

/** An ISO 8601 time in China Standard Time (+08:00). */
function beijingTime(utcMillis: number): string {
  return new Date(utcMillis + 8 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');
}

/**
 * Generates `count` ratings of the given items for benchmarks of the 好差评 summaries: mostly on-site
 * ratings from window rating devices and online ratings once per case (一事一评), spread over the
 * `days` (two years unless told) before `until`, with a satisfaction rate just above 99% and bad reviews (差评) that carry reasons.
 * Busier items get more ratings. Deterministic for a given `seed` and item list.
 * @throws RangeError when `items` is empty, or `count` or `days` is not a whole number (`days` ≥ 1).
 */
export function* generateEvaluations(
  count: number,
  seed: number,
  items: readonly Item[],
  options: EvaluationOptions = {},
): Iterable<GeneratedEvaluation> {
  if (items.length === 0) throw new RangeError('evaluations need at least one item to rate');
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  const until = (options.until ?? defaultUntil).getTime();
  const days = options.days ?? 730;
  if (!Number.isInteger(days) || days < 1)
    throw new RangeError(`days must be a whole number ≥ 1, got ${days}`);
  const span = days * DAY;
  for (let i = 0; i < count; i++) {
    const random = new Random(mix(seed ^ 0x5eed, i));
    // Squaring a uniform draw favours the first items: a few services get most of the ratings, as in a real hall.
    const item = items[Math.floor(random.next() ** 2 * items.length)]!;
    const window = item.windows[0];
    // Even all-online items are often handled at a window; each visit there is rated on the window's device.
    const online = !window || random.chance(onlineShare[item.onlineDepth]);
    const level = random.weighted(levels);
    const bad = level === 'dissatisfied' || level === 'veryDissatisfied';
    const at =
      until -
      span +
      random.int(0, span / DAY - 1) * DAY +
      random.int(1, 9) * 3_600_000 +
      random.int(0, 3599) * 1000;
    const anonymous = random.chance(0.6);
    const place = online
      ? {
          target: {
            kind: 'case' as const,
            caseNumber: `${item.regionCode}${beijingTime(at).slice(0, 10).replaceAll('-', '')}${String(i % 1_000_000).padStart(6, '0')}`,
          },
          channel: random.weighted([
            ['mobile', 60],
            ['pc', 30],
            ['qrCode', 8],
            ['sms', 2],
          ] as const),
        }
      : {
          target: {
            kind: 'onSite' as const,
            itemCode: item.code,
            windowId: window.id,
            staffId: `G${String(random.int(1, 480)).padStart(4, '0')}`,
          },
          channel: random.weighted([
            ['hallTablet', 75],
            ['qrCode', 18],
            ['hallTerminal', 5],
            ['phone', 2],
          ] as const),
        };
    const who: Rater = anonymous
      ? { anonymous: true }
      : {
          anonymous: false,
          rater: {
            name: random.pick(surnames) + random.pick(givenNames),
            mobile: random.pick(mobilePrefixes) + String(random.int(0, 99_999_999)).padStart(8, '0'),
          },
        };
    // The random draws keep their order, so a seed still gives the same evaluations.
    const chosen = bad ? random.sample(reasons, random.int(1, 2)) : [];
    const body: EvaluationCreate = bad
      ? { ...place, ...who, level, reasons: chosen }
      : { ...place, ...who, level };
    if (bad) {
      if (random.chance(0.7)) body.reasonText = complaints[chosen[0]!];
    } else if (random.chance(0.12)) {
      body.comment = random.pick(praise);
    }
    if (online && random.chance(0.5)) {
      body.followUp = {
        guideClear: !bad || random.chance(0.5),
        procedureConvenient: !bad || random.chance(0.3),
        materialsMinimal: random.chance(bad ? 0.3 : 0.9),
        interfaceFriendly: random.chance(bad ? 0.5 : 0.95),
      };
    }
    if (body.channel === 'hallTablet' && window) body.deviceId = `${window.id}-pad`;
    yield {
      body,
      createdAt: beijingTime(at),
      itemCode: item.code,
      departmentId: item.department.id,
      ...(online || !window ? {} : { windowId: window.id }),
    };
  }
}
