/**
 * `GET /cases/{caseNumber}/rating` as the reference server answers it: the applicant's rating of their
 * case with the office's reply and the decision on an appeal, and whether a follow-up (追评) is open.
 */
import { http, type HttpHandler } from 'msw';
import type { components } from '../../packages/sdk/src/generated/schema.js';
import { findCase, mockCases } from './cases.js';
import { API, json, problem } from './respond.js';

type CaseRating = components['schemas']['CaseRating'];

/** A day `days` from today in China, as the server writes dates. */
const dayFromToday = (days: number): string =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
const momentDaysAgo = (days: number): string =>
  `${new Date(Date.now() + 8 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 19)}+08:00`;

/** What the server knows of each rated mock case beyond its level. */
function ratingOf(number: string): CaseRating {
  const known = findCase(number);
  if (!known?.rated) return { rating: null, followUp: null, followUpOpen: false, lastFollowUpDay: null };
  const rating = { id: known.rated.id, level: known.rated.level, reply: null, appeal: null };
  switch (number) {
    case mockCases.appealDecided.number:
      return {
        rating: {
          ...rating,
          ratedAt: momentDaysAgo(6),
          reply: {
            outcome: 'explained',
            text: '照片须为近 6 个月内的正面免冠照，已向您说明并致歉。',
            at: momentDaysAgo(4),
          },
          appeal: {
            state: 'accepted',
            reason: '经调取叫号记录核实，评价所述情况发生在其他部门窗口，申诉成立。',
            decidedAt: momentDaysAgo(2),
          },
        },
        followUp: null,
        followUpOpen: true,
        lastFollowUpDay: dayFromToday(9),
      };
    case mockCases.followUpClosed.number:
      return {
        rating: { ...rating, ratedAt: momentDaysAgo(40) },
        followUp: null,
        followUpOpen: false,
        lastFollowUpDay: dayFromToday(-10),
      };
    default:
      return {
        rating: { ...rating, ratedAt: momentDaysAgo(3) },
        followUp: null,
        followUpOpen: true,
        lastFollowUpDay: dayFromToday(12),
      };
  }
}

/** GET /cases/{caseNumber}/rating: with the case's query code, as on the server. */
export const getCaseRating: HttpHandler = http.get(
  `${API}/cases/:caseNumber/rating`,
  ({ request, params }) => {
    const known = findCase(String(params.caseNumber));
    const queryCode = (request.headers.get('x-query-code') ?? '').replace(/[\s-]/g, '').toUpperCase();
    if (!known || known.queryCode !== queryCode)
      return problem(request, {
        status: 404,
        code: 'case_lookup_failed',
        title: { 'zh-CN': '办件编号或查询密码不正确', en: 'The case number or query code is not correct' },
      });
    return json(request, ratingOf(known.number));
  },
);
