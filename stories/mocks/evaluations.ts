/**
 * `/evaluations` (好差评) as the reference server answers it: ratings recorded with the server's rules
 * (reasons for a bad review, a rater unless anonymous, the query code of a rated case, one online rating
 * per case, idempotency keys), and the published figures.
 */
import { http, type HttpHandler } from 'msw';
import type { components } from '../../packages/sdk/src/generated/schema.js';
import { getCaseRating } from './case-ratings.js';
import { findCase } from './cases.js';
import { englishItemNames, findItem, seedItems } from './catalogue.js';
import {
  API,
  failures,
  json,
  localeOf,
  notFound,
  onReset,
  problem,
  validationFailed,
  type MockFieldError,
} from './respond.js';

type Evaluation = components['schemas']['Evaluation'];
type EvaluationCreate = components['schemas']['EvaluationCreate'];
type EvaluationLevel = components['schemas']['EvaluationLevel'];
type EvaluationSummary = components['schemas']['EvaluationSummary'];
type Counts = EvaluationSummary['counts'];

const LEVELS: readonly EvaluationLevel[] = [
  'verySatisfied',
  'satisfied',
  'basicallySatisfied',
  'dissatisfied',
  'veryDissatisfied',
];
const BAD: readonly EvaluationLevel[] = ['dissatisfied', 'veryDissatisfied'];
/** Working days to call back and rectify a bad review (Jinchang's rule, the server's default). */
const RECTIFICATION_DAYS = 3;

/** Answers already given per Idempotency-Key, so a retry gets the first answer, as on the server. */
const answered = new Map<string, { body: string; evaluation: Evaluation }>();
/** Cases rated during this story (the seed's rated case is in `mockCases`). */
const ratedCases = new Map<string, { id: string; level: EvaluationLevel }>();
onReset(() => {
  answered.clear();
  ratedCases.clear();
});

let sequence = 0;
function newEvaluationId(): string {
  sequence += 1;
  return `ev_01JDC${Date.now().toString(36).toUpperCase()}${String(sequence).padStart(4, '0')}`;
}

/** A time as the server writes it: China time with its offset. */
function chinaTime(date: Date): string {
  return `${new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

/** The day `workingDays` after `from`, skipping weekends (the seed calendar's holidays are left out). */
function addWorkingDays(from: Date, workingDays: number): string {
  const day = new Date(from.getTime() + 8 * 3_600_000);
  for (let left = workingDays; left > 0;) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) left -= 1;
  }
  return day.toISOString().slice(0, 10);
}

const maskMobile = (mobile: string): string => `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;

/** The server's checks of a rating that the document's schema alone does not express. */
function ruleErrors(body: EvaluationCreate): MockFieldError[] {
  const errors: MockFieldError[] = [];
  if (!LEVELS.includes(body.level))
    errors.push({
      pointer: '/level',
      code: 'enum',
      message: { 'zh-CN': '不是允许的取值', en: 'Not one of the allowed values' },
    });
  if (BAD.includes(body.level) && !body.reasons?.length)
    errors.push({
      pointer: '/reasons',
      code: 'reasons_required',
      message: { 'zh-CN': '差评须至少选择一个原因', en: 'A bad review needs at least one reason' },
    });
  // A case's rating may leave the rater out: the server names the case's applicant.
  if (!body.anonymous && !body.rater && body.target.kind !== 'case')
    errors.push({
      pointer: '/rater',
      code: 'required',
      message: { 'zh-CN': '缺少“rater”', en: '“rater” is required' },
    });
  return errors;
}

function record(body: EvaluationCreate, itemCode: string, locale: 'zh-CN' | 'en'): Evaluation {
  const item = findItem(itemCode)!;
  const now = new Date();
  const bad = BAD.includes(body.level);
  const followUpOf = body.followUpOf ?? null;
  return {
    id: newEvaluationId(),
    target: body.target,
    itemCode,
    itemName: (locale === 'en' && englishItemNames[itemCode]) || item.name,
    department: item.department,
    level: body.level,
    bad,
    reasons: body.reasons ?? [],
    ...(body.reasonText ? { reasonText: body.reasonText } : {}),
    ...(body.followUp ? { followUp: body.followUp } : {}),
    ...(body.comment ? { comment: body.comment } : {}),
    channel: body.channel,
    anonymous: body.anonymous,
    ...(!body.anonymous && body.rater
      ? { rater: { name: body.rater.name, maskedMobile: maskMobile(body.rater.mobile) } }
      : {}),
    followUpOf,
    createdAt: chinaTime(now),
    ratedAt: body.ratedAt ? chinaTime(new Date(body.ratedAt)) : chinaTime(now),
    counted: followUpOf === null,
    rectification: bad
      ? {
          state: 'open',
          callbackRequired: !body.anonymous,
          callbackDue: body.anonymous ? null : addWorkingDays(now, RECTIFICATION_DAYS),
          rectificationDue: addWorkingDays(now, RECTIFICATION_DAYS),
          deadlineWorkingDays: RECTIFICATION_DAYS,
          overdue: false,
          history: [],
        }
      : null,
  };
}

/** POST /evaluations: 201 with the stored evaluation, or the problem the server would answer. */
export const createEvaluation: HttpHandler = http.post(`${API}/evaluations`, async ({ request }) => {
  const text = await request.text();
  let body: EvaluationCreate;
  try {
    body = JSON.parse(text) as EvaluationCreate;
  } catch {
    return problem(request, {
      status: 400,
      code: 'validation_failed',
      title: { 'zh-CN': '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
    });
  }
  const key = request.headers.get('idempotency-key');
  const earlier = key ? answered.get(key) : undefined;
  if (earlier && earlier.body !== text)
    return problem(request, {
      status: 422,
      code: 'idempotency_key_reused',
      title: {
        'zh-CN': '同一个幂等键已用于内容不同的请求',
        en: 'This idempotency key was used for another request',
      },
    });
  if (earlier) return json(request, earlier.evaluation, 201, { 'Idempotent-Replayed': 'true' });

  const errors = ruleErrors(body);
  if (errors.length) return validationFailed(request, errors);

  let itemCode: string;
  if (body.target.kind === 'case') {
    const known = findCase(body.target.caseNumber);
    const queryCode = (request.headers.get('x-query-code') ?? '').replace(/[\s-]/g, '').toUpperCase();
    if (!queryCode)
      return problem(request, {
        status: 401,
        code: 'unauthorized',
        title: { 'zh-CN': '需要身份凭证', en: 'A credential is required' },
        headers: { 'WWW-Authenticate': 'Bearer realm="banshi"' },
      });
    if (!known || known.queryCode !== queryCode)
      return problem(request, {
        status: 404,
        code: 'case_lookup_failed',
        title: { 'zh-CN': '办件编号或查询密码不正确', en: 'The case number or query code is not correct' },
        detail: { 'zh-CN': '请核对办件编号和查询密码后重试。', en: 'Check the case number and query code.' },
      });
    const existing = ratedCases.get(known.number) ?? known.rated;
    if (existing && !body.followUpOf)
      return problem(request, {
        status: 409,
        code: 'already_rated',
        title: { 'zh-CN': '该办件已评价过', en: 'This case has already been rated' },
        detail: {
          'zh-CN': '每个办件只能评价一次，如需补充请提交追评。',
          en: 'A case is rated once; send a follow-up rating to add to it.',
        },
        extensions: { existingEvaluation: existing },
      });
    itemCode = known.itemCode;
  } else if (body.target.kind === 'onSite') {
    if (!findItem(body.target.itemCode))
      return notFound(request, {
        'zh-CN': `没有编码为 ${body.target.itemCode} 的事项`,
        en: `There is no item with the code ${body.target.itemCode}`,
      });
    itemCode = body.target.itemCode;
  } else {
    // The stories rate cases and visits; an answer to a question is rated in the consult widget's own.
    return notFound(request, { 'zh-CN': '没有该咨询', en: 'There is no such question' });
  }

  const evaluation = record(body, itemCode, localeOf(request));
  if (body.target.kind === 'case' && !body.followUpOf)
    ratedCases.set(body.target.caseNumber, { id: evaluation.id, level: evaluation.level });
  if (key) answered.set(key, { body: text, evaluation });
  return json(request, evaluation, 201, { Location: `/api/v1/evaluations/${evaluation.id}` });
});

/** Published figures per department and per item (2026 so far), in the proportions the articles report. */
const departmentFigures: Record<string, Counts> = {
  '150302-zjj': {
    verySatisfied: 15872,
    satisfied: 1204,
    basicallySatisfied: 96,
    dissatisfied: 11,
    veryDissatisfied: 3,
  },
  '150202-gaj': {
    verySatisfied: 21436,
    satisfied: 2318,
    basicallySatisfied: 187,
    dissatisfied: 24,
    veryDissatisfied: 6,
  },
};
const itemFigures: Record<string, Counts> = {
  [seedItems.publicRentalHousing.code]: {
    verySatisfied: 1268,
    satisfied: 97,
    basicallySatisfied: 9,
    dissatisfied: 2,
    veryDissatisfied: 1,
  },
  [seedItems.residentIdCard.code]: {
    verySatisfied: 8641,
    satisfied: 903,
    basicallySatisfied: 72,
    dissatisfied: 9,
    veryDissatisfied: 2,
  },
};
/** Every evaluation on the platform: 170,000, satisfaction above 99%, as on Baotou's platform. */
const allFigures: Counts = {
  verySatisfied: 152604,
  satisfied: 15211,
  basicallySatisfied: 1646,
  dissatisfied: 412,
  veryDissatisfied: 127,
};
const noFigures: Counts = {
  verySatisfied: 0,
  satisfied: 0,
  basicallySatisfied: 0,
  dissatisfied: 0,
  veryDissatisfied: 0,
};

function summaryOf(counts: Counts, scope: EvaluationSummary['scope']): EvaluationSummary {
  const total = LEVELS.reduce((sum, level) => sum + counts[level], 0);
  const badCount = counts.dissatisfied + counts.veryDissatisfied;
  return {
    scope,
    counts,
    total,
    satisfactionRate: total ? Math.round(((total - badCount) / total) * 10_000) / 10_000 : null,
    badCount,
    rectificationRate: badCount ? 1 : null,
    callbackRate: badCount ? 1 : null,
  };
}

/** GET /evaluations/summary: the item's figures if asked for an item, else the department's, else all. */
export const getEvaluationSummary: HttpHandler = http.get(`${API}/evaluations/summary`, ({ request }) => {
  const query = new URL(request.url).searchParams;
  const item = query.get('item');
  const department = query.get('department');
  const from = query.get('from') ?? '2026-01-01';
  const to = query.get('to') ?? chinaTime(new Date()).slice(0, 10);
  const scope = {
    ...(item ? { itemCode: item } : {}),
    ...(department ? { department } : {}),
    from,
    to,
  };
  const counts = item
    ? (itemFigures[item] ?? noFigures)
    : department
      ? (departmentFigures[department] ?? noFigures)
      : allFigures;
  return json(request, summaryOf(counts, scope));
});

/** Handler sets for `parameters.msw.handlers.evaluations`. */
export const evaluationHandlers = {
  /** Everything works, as on the reference server. */
  normal: [createEvaluation, getEvaluationSummary, getCaseRating],
  /** 503 `service_unavailable` for every evaluation call. */
  unavailable: [failures.unavailable('/evaluations*')],
  /** A rating is sent and no answer ever comes: the widget stays “sending”. */
  neverAnswers: [failures.neverAnswers('/evaluations', 'post'), getEvaluationSummary],
  /** No network: every evaluation call fails without an answer (a kiosk then queues ratings). */
  networkDown: [failures.networkDown('/evaluations*')],
} satisfies Record<string, HttpHandler[]>;
