/** 好差评公示 answers: the figures of a department and the 红黑榜 posted, none posted, or nothing rated. */
import { http, type HttpHandler } from 'msw';
import { API, failures, json } from './respond.js';
import { sampleRanking, sampleSummary } from '../../packages/elements/src/rating-summary/sample-figures.js';

const figures = http.get(`${API}/evaluations/summary`, ({ request }) => json(request, sampleSummary));
const lists = http.get(`${API}/rating-rankings`, ({ request }) =>
  json(request, { current: [sampleRanking], past: [] }),
);
const noLists = http.get(`${API}/rating-rankings`, ({ request }) => json(request, { current: [], past: [] }));
const nothingRated = http.get(`${API}/evaluations/summary`, ({ request }) =>
  json(request, {
    scope: {},
    counts: { verySatisfied: 0, satisfied: 0, basicallySatisfied: 0, dissatisfied: 0, veryDissatisfied: 0 },
    total: 0,
    satisfactionRate: null,
    badCount: 0,
    rectificationRate: null,
    callbackRate: null,
  }),
);

/** Handler sets for `parameters.msw.handlers.ratingFigures`. */
export const ratingFigureHandlers = {
  /** The figures and one posted 红黑榜. */
  normal: [figures, lists],
  /** The figures, no list posted. */
  noLists: [figures, noLists],
  /** Nothing rated yet, no list posted. */
  empty: [nothingRated, noLists],
  /** The figures never arrive: the widget stays “loading”. */
  loading: [failures.neverAnswers('/evaluations/summary'), lists],
  /** 503 for the figures. */
  unavailable: [failures.unavailable('/evaluations/summary'), lists],
} satisfies Record<string, HttpHandler[]>;
