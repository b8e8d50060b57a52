// The words of a 一件事 bundle's members list, a locale pack of its own: it loads with the list.

/** zh-CN. */
const zhCN = {
  'tracker.bundle.title': '“一件事”各事项办理情况',
  'tracker.bundle.progress': '共 {total} 项，已办完 {done} 项',
  'tracker.bundle.state.inProgress': '各部门并联办理中',
  'tracker.bundle.state.concluded': '全部办完，办理结果统一出件',
  'tracker.bundle.state.delivered': '已统一出件',
  'tracker.bundle.refused': '其中 {count} 项未能办理，原因请查看该事项的办理状态或咨询窗口。',
} as const;

const en: Record<keyof typeof zhCN, string> = {
  'tracker.bundle.title': 'Items of this one-stop bundle',
  'tracker.bundle.progress': '{done} of {total} items done',
  'tracker.bundle.state.inProgress': 'The departments are handling their items',
  'tracker.bundle.state.concluded': 'All items done: the results are handed over together',
  'tracker.bundle.state.delivered': 'Results handed over together',
  'tracker.bundle.refused':
    '{count} item(s) could not be granted: see the state of each item, or ask at the window.',
};

/** The bundle list's messages by locale. */
export const bundleMessages = { 'zh-CN': zhCN, en };
