/**
 * Strings of the summary mode of `<banshi-rating>` (keys `rating.summary.*`), shipped with that mode's
 * chunk so pages that never show it do not download them; sites override them with `overrideMessages`.
 */
const zhCN = {
  'rating.summary': '服务满意度',
  'rating.summary.rate': '满意率',
  'rating.summary.total': '共 {total} 条评价',
  'rating.summary.table': '各满意程度的评价数量',
  'rating.summary.level': '满意程度',
  'rating.summary.count': '数量',
  'rating.summary.share': '占比',
};

/** The keys of these strings. */
export type SummaryMessageKey = keyof typeof zhCN;

const en: Record<SummaryMessageKey, string> = {
  'rating.summary': 'Service satisfaction',
  'rating.summary.rate': 'Satisfaction rate',
  'rating.summary.total': '{total} ratings',
  'rating.summary.table': 'Ratings by level',
  'rating.summary.level': 'Level',
  'rating.summary.count': 'Ratings',
  'rating.summary.share': 'Share',
};

export const summaryMessages = { 'zh-CN': zhCN, en };
