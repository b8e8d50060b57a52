/**
 * The head of each widget's docs page: what it does in Chinese and in English, and the snippet a site
 * copies to embed it (the loader from the versioned CDN path, with its integrity hash, and the element).
 */
import manifest from '../../packages/elements/custom-elements.json';
import sri from '../../packages/elements/cdn/sri.json';
import elementsPackage from '../../packages/elements/package.json';

/** The example host name the READMEs use for a county's service site. */
const SITE = 'https://zwfw.example.gov.cn';

interface Declaration {
  tagName?: string;
  summary?: string;
  description?: string;
}

function declarationOf(tag: string): Declaration {
  for (const module of (manifest as { modules: Array<{ declarations?: Declaration[] }> }).modules)
    for (const declaration of module.declarations ?? []) if (declaration.tagName === tag) return declaration;
  throw new Error(`${tag} is not in custom-elements.json`);
}

/** The copy-paste embed snippet of `tag` with `attributes` (written as in HTML). */
export function embedSnippet(tag: string, attributes: string): string {
  const loader = `${SITE}/cdn/${elementsPackage.version}/banshi-loader.js`;
  return [
    `<meta name="banshi:api-base" content="${SITE}/api/v1" />`,
    `<script type="module" src="${loader}"`,
    `  integrity="${(sri as Record<string, string>)['banshi-loader.js']}" crossorigin="anonymous"></script>`,
    '',
    `<${tag}${attributes ? ` ${attributes}` : ''}></${tag}>`,
  ].join('\n');
}

/** `parameters.docs` of a widget's stories: its description in zh-CN and en, then the embed snippet. */
export function embedDocs(tag: string, attributes: string, zhCN: string) {
  const { summary = '', description = '' } = declarationOf(tag);
  const component = [
    `**简体中文** ${zhCN}`,
    `**English** ${[summary, description].filter(Boolean).join('\n\n')}`,
    '### 嵌入 Embed',
    '复制到页面中（加载器取自带版本号的 CDN 路径，附完整性校验值）。Copy into your page: the loader from the ' +
      'versioned CDN path, with its integrity hash; the API must allow your site (`BANSHI_ALLOWED_ORIGINS`).',
    '```html\n' + embedSnippet(tag, attributes) + '\n```',
  ].join('\n\n');
  return { description: { component } };
}
