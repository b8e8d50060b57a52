import type { components } from '@banshi/sdk';

type Schemas = components['schemas'];

/** A district's figures of a year, as `GET /evaluations/summary` answers (tests and stories). */
export const sampleSummary: Schemas['EvaluationSummary'] = {
  scope: { department: '150302-zjj', from: '2026-01-01', to: '2026-11-22' },
  counts: {
    verySatisfied: 15872,
    satisfied: 1204,
    basicallySatisfied: 96,
    dissatisfied: 11,
    veryDissatisfied: 3,
  },
  total: 17186,
  satisfactionRate: 0.9992,
  badCount: 14,
  rectificationRate: 0.8571,
  callbackRate: 1,
  excludedCount: 1,
};

const entry = (
  rank: number,
  id: string,
  total: number,
  satisfactionRate: number,
  badCount: number,
  name?: string,
) => ({
  rank,
  id,
  ...(name ? { name } : {}),
  total,
  satisfactionRate,
  badCount,
});

/** A 红黑榜 posted for October (tests and stories). */
export const sampleRanking: Schemas['RatingRanking'] = {
  id: 'rk_01JD3W7ZB6Q9M2K8X4T5V0N1PA',
  period: { from: '2026-10-01', to: '2026-10-31' },
  publishedAt: '2026-11-02T09:00:00+08:00',
  visibleUntil: '2026-11-17T09:00:00+08:00',
  publisher: { name: '陈晓燕', departmentId: '150302-zwfw' },
  minimumRatings: 30,
  departments: {
    bySatisfaction: {
      red: [entry(1, '150302-gaj', 1320, 0.9992, 1, '海勃湾区公安分局')],
      black: [entry(1, '150302-zjj', 454, 0.9934, 3, '海勃湾区住房和城乡建设局')],
    },
    byBadReviews: {
      red: [entry(1, '150302-gaj', 1320, 0.9992, 1, '海勃湾区公安分局')],
      black: [entry(1, '150302-zjj', 454, 0.9934, 3, '海勃湾区住房和城乡建设局')],
    },
  },
  windows: {
    bySatisfaction: {
      red: [entry(1, 'hbw-hall-a12', 221, 1, 0), entry(2, 'hbw-hall-a07', 198, 0.995, 1)],
      black: [entry(1, 'hbw-hall-b03', 454, 0.9934, 3)],
    },
    byBadReviews: {
      red: [entry(1, 'hbw-hall-a12', 221, 1, 0)],
      black: [entry(1, 'hbw-hall-b03', 454, 0.9934, 3), entry(2, 'hbw-hall-a07', 198, 0.995, 1)],
    },
  },
};
