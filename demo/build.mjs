// Assembles the demo site: each page in pages/ (its first line
// `<!-- title: … | nav: … | en: English title | description: … -->`,
// then what goes in <main>) is set into layout.html, as a CMS template would, and written with the site's
// assets to generated/, which the reference server serves at `/`. The pages load the widgets from the
// versioned CDN path of the release built beside them, as a site pins one release.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const here = new URL('.', import.meta.url);
const output = new URL('generated/', here);
const layout = readFileSync(new URL('layout.html', here), 'utf8');
const elements = JSON.parse(readFileSync(new URL('../packages/elements/package.json', here), 'utf8'));
const cdn = `/cdn/${elements.version}`;

rmSync(output, { recursive: true, force: true });
mkdirSync(output, { recursive: true });
cpSync(new URL('assets/', here), new URL('assets/', output), { recursive: true });
// The sign-in script's OAuth client library, as the site would host it.
mkdirSync(new URL('assets/vendor/', output), { recursive: true });
cpSync(
  new URL('../node_modules/oauth4webapi/build/index.js', here),
  new URL('assets/vendor/oauth4webapi.js', output),
);
// The identity platform the site signs in at (the development provider of `npm start` by default).
const issuer = process.env.BANSHI_DEMO_ISSUER ?? 'http://127.0.0.1:8081';

for (const name of readdirSync(new URL('pages/', here)).filter((file) => file.endsWith('.html'))) {
  const source = readFileSync(new URL(`pages/${name}`, here), 'utf8');
  const header = /^<!-- title: (.+?) \| nav: (\S+) \| en: (.+?) \| description: (.+?) -->\n/.exec(source);
  if (!header)
    throw new Error(`demo/pages/${name} must start with <!-- title: … | nav: … | en: … | description: … -->`);
  const [firstLine, title, nav, titleEn, description] = header;
  const main = source
    .slice(firstLine.length)
    .trimEnd()
    .split('\n')
    .map((line) => (line ? `      ${line}` : line))
    .join('\n');
  const page = layout
    .replace('{{title}}', title)
    .replace('{{titleEn}}', titleEn)
    .replace('{{description}}', description)
    .replace('{{issuer}}', issuer)
    .replace(`<a href="${nav}">`, `<a href="${nav}" aria-current="page">`)
    .replace('{{main}}', `\n${main}\n    `)
    .replaceAll('{{cdn}}', cdn);
  writeFileSync(new URL(name, output), page);
}
