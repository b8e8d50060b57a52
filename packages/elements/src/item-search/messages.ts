import { withItemMessages } from '../item-common/messages.js';

/** Shipped strings of `<banshi-item-search>`. Keys are `search.*` (plus the shared `item.*`). */
const zhCN = {
  'search.label': '搜索办事事项',
  'search.hint': '可输入事项名称、全拼或拼音首字母，例如“身份证”“shenfenzheng”“sfz”。',
  'search.submit': '搜索',
  'search.browse': '分类浏览',
  'search.browse.naturalPerson': '个人办事',
  'search.browse.enterprise': '法人办事',
  'search.browse.popular': '热门事项',
  'search.suggestions': '搜索建议',
  'search.suggestions.count': '有 {count} 条建议，按上下方向键选择',
  'search.filters': '筛选条件',
  'search.filter.department': '实施部门',
  'search.filter.theme': '主题',
  'search.filter.audience': '服务对象',
  'search.filter.depth': '网上办理深度',
  'search.filter.interProvincial': '只看跨省通办',
  'search.filter.bundle': '只看“一件事”',
  'search.filter.any': '全部',
  'search.filter.clear': '清除筛选',
  'search.results': '搜索结果',
  'search.count': '共 {count} 项',
  'search.countMore': '已列出 {count} 项，还有更多',
  'search.page': '第 {page} 页，本页 {count} 个事项',
  'search.previous': '上一页',
  'search.next': '下一页',
  'search.loading': '正在搜索…',
  'search.empty': '没有找到与“{q}”相关的事项。',
  'search.emptyFiltered': '没有找到符合筛选条件的事项。',
  'search.empty.hint': '可以换个说法、用拼音首字母（如 sfz），或减少筛选条件。',
  'search.failed': '搜索服务暂时不可用，请稍后重试。',
  'search.offline': '网络连接已中断，暂时无法搜索。恢复联网后将自动重试。',
  'search.retry': '重试',
};

export const searchMessages = withItemMessages({
  'zh-CN': zhCN,
  en: () => import('./messages.en.js').then((module) => module.en),
});
export type SearchMessageKey = keyof typeof zhCN;
