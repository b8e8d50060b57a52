// The demo site's own words (header, navigation, footer, page title and heading) follow its language
// switch, as the widgets on the page do. The page is the site's layout with a page set into it, as
// demo/build.mjs assembles it, in a frame running the site's own script.
import { expect, waitUntil } from '@open-wc/testing';

async function sitePage(): Promise<Document> {
  localStorage.removeItem('demo-site-lang');
  const [layout, page] = await Promise.all(
    ['/demo/layout.html', '/demo/pages/search.html'].map((url) => fetch(url).then((r) => r.text())),
  );
  const [, title, titleEn] = /title: (.+?) \| nav: \S+ \| en: (.+?) \|/.exec(page)!;
  const html = layout
    .replace('{{title}}', title!)
    .replace('{{titleEn}}', titleEn!)
    .replace('{{main}}', page.slice(page.indexOf('\n') + 1))
    .replace('src="assets/site.js"', 'src="/demo/assets/site.js"')
    // Only the site's own script runs: no widgets, no sign-in.
    .replace(/<script type="module"[^>]*><\/script>|<link[^>]*>/g, '');
  const frame = document.createElement('iframe');
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = html;
  document.body.append(frame);
  await loaded;
  const doc = frame.contentDocument!;
  await waitUntil(() => doc.querySelector('[data-switch=lang]')?.textContent === 'English', 'site.js ran');
  return doc;
}

const navTexts = (doc: Document) =>
  [...doc.querySelectorAll('.site-nav a')].map((a) => a.textContent!.trim());

describe('the demo site’s language switch', () => {
  afterEach(() => localStorage.removeItem('demo-site-lang'));

  it('switches the header, navigation, footer, title and heading to English and back', async () => {
    const doc = await sitePage();
    expect(navTexts(doc)).to.deep.equal([
      '首页',
      '我要看',
      '我要办',
      '我要查',
      '我要问',
      '我要评',
      '好差评公示',
    ]);
    expect(doc.title).to.equal('我要看 - 乌海市海勃湾区人民政府');
    (doc.querySelector('[data-switch=lang]') as HTMLButtonElement).click();
    expect(doc.documentElement.lang).to.equal('en');
    expect(navTexts(doc)).to.deep.equal([
      'Home',
      'Find a service',
      'Apply',
      'Track',
      'Ask',
      'Rate',
      'Ratings published',
    ]);
    expect(doc.title).to.equal("Find a service - Haibowan District People's Government");
    expect(doc.querySelector('h1')!.textContent).to.equal('Find a service');
    expect(doc.querySelector('.site-title')!.textContent).to.include("Haibowan District People's Government");
    expect(doc.querySelector('.site-footer')!.textContent).not.to.match(/\p{Script=Han}/u);
    expect(doc.querySelector('.site-nav')!.getAttribute('aria-label')).to.equal('Main navigation');
    (doc.querySelector('[data-switch=lang]') as HTMLButtonElement).click();
    expect(navTexts(doc)[1]).to.equal('我要看');
    expect(doc.title).to.equal('我要看 - 乌海市海勃湾区人民政府');
    expect(doc.querySelector('.site-nav')!.getAttribute('aria-label')).to.equal('主导航');
  });
});
