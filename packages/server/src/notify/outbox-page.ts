import type { OutboxMessage } from './outbox.js';

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => escapes[ch]!);

/** The development outbox as a page: the messages residents would have received, newest first. */
export function outboxPage(messages: OutboxMessage[]): string {
  const rows = messages
    .map(
      (m) =>
        `<tr><td>${escapeHtml(m.sentAt.toISOString())}</td><td>${escapeHtml(m.mobile)}</td>` +
        `<td>${escapeHtml(m.purpose)}</td><td>${escapeHtml(m.text)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>短信发件箱（开发环境）</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:1rem}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #999;padding:.4rem;text-align:left;vertical-align:top}</style></head>
<body>
<h1>短信发件箱（开发环境）</h1>
<p>开发环境不发送短信：验证码、预约提醒和答复通知都记录在这里。生产环境请配置短信网关（BANSHI_SMS_GATEWAY_URL）。</p>
<table>
<thead><tr><th scope="col">时间</th><th scope="col">手机号</th><th scope="col">用途</th><th scope="col">内容</th></tr></thead>
<tbody>
${rows || '<tr><td colspan="4">暂无短信</td></tr>'}
</tbody>
</table>
</body>
</html>
`;
}
