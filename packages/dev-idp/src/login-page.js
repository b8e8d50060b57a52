// The development login page: every persona as a button, no passwords.
import { personas } from './personas.js';

const groups = [
  ['resident', '居民'],
  ['company', '企业'],
  ['staff', '工作人员'],
];

function escape(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page of an interaction (`uid`), asking who signs in. */
export function loginPage(uid, clientId) {
  const sections = groups
    .map(([group, title]) => {
      const buttons = personas
        .filter((persona) => persona.group === group)
        .map(
          (persona) =>
            `<li><button name="persona" value="${escape(persona.id)}">${escape(persona.label)}</button></li>`,
        )
        .join('');
      return `<h2>${title}</h2><ul>${buttons}</ul>`;
    })
    .join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>统一身份认证（开发环境）</title>
<style>body{font:16px/1.6 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}
ul{list-style:none;padding:0}li{margin:.4rem 0}button{font:inherit;width:100%;text-align:left;padding:.6rem .8rem;cursor:pointer}
.note{background:#fff4e5;border-left:4px solid #e67e22;padding:.5rem .8rem}</style></head>
<body><h1>统一身份认证（开发环境）</h1>
<p class="note">这是开发用的模拟登录，选择一个身份即可登录，无需密码。请勿用于生产环境。</p>
<p>登录到：${escape(clientId)}</p>
<form method="post" action="/interaction/${escape(uid)}/login">${sections}</form>
</body></html>`;
}
