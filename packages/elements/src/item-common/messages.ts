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

const en: Record<keyof typeof zhCN, string> = {
  'item.badge.immediate': 'Done on the spot',
  'item.badge.zeroVisit': 'No visit needed',
  'item.badge.oneVisit': 'At most one visit',
  'item.badge.fullyOnline': 'Fully online',
  'item.badge.national': 'Anywhere in China',
  'item.badge.interProvincial': 'Across provinces',
  'item.badge.bundle': 'One-stop bundle',
  'item.badges': 'Features',
  'item.depth.I': 'Level I: information only',
  'item.depth.II': 'Level II: pre-review online',
  'item.depth.III': 'Level III: apply online',
  'item.depth.IV': 'Level IV: fully online',
  'item.audience.naturalPerson': 'Individuals',
  'item.audience.enterprise': 'Companies',
  'item.audience.publicInstitution': 'Public institutions',
  'item.audience.socialOrganisation': 'Social organisations',
  'item.audience.other': 'Other organisations',
  'item.limit.workingDays': '{value} working days',
  'item.limit.naturalDays': '{value} calendar days',
  'item.limit.hours': '{value} hours',
  'item.promised': 'Promised time limit',
  'item.department': 'Department',
};

export const itemMessages = { 'zh-CN': zhCN, en };

/** A widget's own catalogue with the shared item strings under it. */
export function withItemMessages<Z extends Record<string, string>>(own: {
  'zh-CN': Z;
  en: Record<keyof Z, string>;
}): { 'zh-CN': Z & typeof zhCN; en: Record<keyof Z | keyof typeof zhCN, string> } {
  return { 'zh-CN': { ...zhCN, ...own['zh-CN'] }, en: { ...en, ...own.en } };
}
