import { withItemMessages } from '../item-common/messages.js';

/** Shipped strings of `<banshi-item-search>`. Keys are `search.*` (plus the shared `item.*`). */
const zhCN = {
  'search.label': '搜索办事事项',
  'search.hint': '可输入事项名称、全拼或拼音首字母，例如“身份证”“shenfenzheng”“sfz”。',
  'search.submit': '搜索',
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

const en: Record<keyof typeof zhCN, string> = {
  'search.label': 'Search for a service',
  'search.hint':
    'Type the name in Chinese, in pinyin or as pinyin initials, e.g. 身份证, shenfenzheng or sfz.',
  'search.submit': 'Search',
  'search.suggestions': 'Suggestions',
  'search.suggestions.count': '{count} suggestions, use the up and down arrow keys to choose',
  'search.filters': 'Filters',
  'search.filter.department': 'Department',
  'search.filter.theme': 'Theme',
  'search.filter.audience': 'For',
  'search.filter.depth': 'Online service level',
  'search.filter.interProvincial': 'Only services handled across provinces',
  'search.filter.bundle': 'Only one-stop bundles',
  'search.filter.any': 'Any',
  'search.filter.clear': 'Clear filters',
  'search.results': 'Results',
  'search.page': 'Page {page}, {count} services on this page',
  'search.previous': 'Previous page',
  'search.next': 'Next page',
  'search.loading': 'Searching…',
  'search.empty': 'No service matches “{q}”.',
  'search.emptyFiltered': 'No service matches these filters.',
  'search.empty.hint': 'Try other words, pinyin initials (such as sfz), or fewer filters.',
  'search.failed': 'Search is not available right now. Please try again later.',
  'search.offline': 'The network connection is down. Search will try again when you are back online.',
  'search.retry': 'Try again',
};

export const searchMessages = withItemMessages({ 'zh-CN': zhCN, en });
export type SearchMessageKey = keyof typeof zhCN;
