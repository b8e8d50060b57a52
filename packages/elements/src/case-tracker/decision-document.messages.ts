// The words of the printed written decision, a locale pack of its own: it loads with the print view.

/** zh-CN: 不予受理决定书 / 不予许可决定书. */
const zhCN = {
  'tracker.document.title.rejected': '不予受理决定书',
  'tracker.document.title.denied': '不予许可决定书',
  'tracker.document.to': '{name}：',
  'tracker.document.body.rejected':
    '你于{submitted}提出的{item}申请（办件编号 {number}），经审查，本机关决定不予受理。',
  'tracker.document.body.denied':
    '你于{submitted}提出的{item}申请（办件编号 {number}），经审查，本机关决定不予许可。',
} as const;

const en: Record<keyof typeof zhCN, string> = {
  'tracker.document.title.rejected': 'Decision not to accept an application',
  'tracker.document.title.denied': 'Decision to refuse a licence',
  'tracker.document.to': 'To {name}:',
  'tracker.document.body.rejected':
    'Your application for {item} of {submitted} (case {number}) has been examined; this office has decided not to accept it.',
  'tracker.document.body.denied':
    'Your application for {item} of {submitted} (case {number}) has been examined; this office has decided to refuse it.',
};

/** The printed decision's messages by locale. */
export const documentMessages = { 'zh-CN': zhCN, en };
