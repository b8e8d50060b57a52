/**
 * Strings of the choice of service and window of `<banshi-rating>` (a visit rated with neither a case nor a
 * window), shipped with that choice's chunk; sites override them with `overrideMessages`.
 */
const zhCN = {
  'rating.error.service': '请选择您办理的服务事项',
  'rating.error.window': '请选择您办理业务的窗口',
  'rating.service': '您办理的是哪项服务？',
  'rating.service.choose': '请选择事项',
  'rating.service.loading': '正在加载服务事项…',
  'rating.service.failed': '服务事项未能加载，请稍后刷新页面重试，或使用办件编号评价。',
  'rating.window': '在哪个窗口办理？',
  'rating.window.choose': '请选择窗口',
  'rating.window.none': '该事项没有可评价的办理窗口；网上办理的事项请使用办件编号评价。',
} as const;

const en: Record<keyof typeof zhCN, string> = {
  'rating.error.service': 'Choose the service you used',
  'rating.error.window': 'Choose the window that served you',
  'rating.service': 'Which service did you use?',
  'rating.service.choose': 'Choose a service',
  'rating.service.loading': 'Loading the services…',
  'rating.service.failed':
    'The services could not be loaded. Reload the page later, or rate with your case number.',
  'rating.window': 'At which window?',
  'rating.window.choose': 'Choose a window',
  'rating.window.none':
    'This service has no window to rate; rate a service used online with its case number.',
};

export const serviceMessages = { 'zh-CN': zhCN, en };
