import type { LazyMessages, Messages } from '../i18n/registry.js';

/** Strings shared by `<banshi-item-search>` and `<banshi-item-guide>`: badges and item facts. Keys `item.*`. */
const zhCN = {
  'item.badge.immediate': '即办件',
  'item.badge.zeroVisit': '零跑腿',
  'item.badge.oneVisit': '最多跑一次',
  'item.badge.fullyOnline': '全程网办',
  'item.badge.national': '全国通办',
  'item.badge.interProvincial': '跨省通办',
  'item.badge.bundle': '一件事',
  'item.badges': '特色',
  'item.depth.I': 'Ⅰ级 事项公开',
  'item.depth.II': 'Ⅱ级 在线预审',
  'item.depth.III': 'Ⅲ级 在线申办',
  'item.depth.IV': 'Ⅳ级 全程网办',
  'item.audience.naturalPerson': '自然人',
  'item.audience.enterprise': '企业法人',
  'item.audience.publicInstitution': '事业单位法人',
  'item.audience.socialOrganisation': '社会组织法人',
  'item.audience.other': '其他组织',
  'item.limit.workingDays': '{value} 个工作日',
  'item.limit.naturalDays': '{value} 个自然日',
  'item.limit.hours': '{value} 小时',
  'item.promised': '承诺办结时限',
  'item.department': '实施主体',
};

/** The keys of these strings. */
export type ItemMessageKey = keyof typeof zhCN;

const en = (): Promise<Messages> => import('./messages.en.js').then((module) => module.en);

export const itemMessages = { 'zh-CN': zhCN, en };

/** A widget's own catalogue with the shared item strings under it (English fetched with the widget's own). */
export function withItemMessages<Z extends Record<string, string>>(own: {
  'zh-CN': Z;
  en: LazyMessages;
}): { 'zh-CN': Z & typeof zhCN; en: LazyMessages } {
  return {
    'zh-CN': { ...zhCN, ...own['zh-CN'] },
    en: () => Promise.all([en(), own.en()]).then(([shared, widget]) => ({ ...shared, ...widget })),
  };
}
