import { expect, waitUntil } from '@open-wc/testing';

interface LoaderWindow extends Window {
  banshiProbe: { violations: string[]; warnings: string[] };
  /** The page's loader module (set by loader-probe.js). */
  banshiLoader: { observe(root: Document | ShadowRoot | Element): Promise<void> };
}

const CDN = '/packages/elements/cdn/';

/** Opens the fixture page (only the loader, three widgets, a strict CSP) in an iframe. */
async function openLoaderPage(): Promise<{ frame: HTMLIFrameElement; win: LoaderWindow }> {
  const bundle = await fetch(`${CDN}banshi-loader.js`, { method: 'HEAD' });
  if (!bundle.ok) throw new Error('The CDN loader is missing: run "npm run build" first.');
  const frame = document.createElement('iframe');
  frame.style.width = '900px';
  frame.style.height = '900px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = '/packages/elements/test/csp/loader.html';
  document.body.append(frame);
  await loaded;
  return { frame, win: frame.contentWindow as LoaderWindow };
}

/** The CDN files the page fetched, by path below cdn/ (one entry per fetch). */
function fetchedFiles(win: Window): string[] {
  return win.performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.startsWith(CDN))
    .map((path) => path.slice(CDN.length));
}

describe('banshi-loader.js', () => {
  it('defines the widgets on the page from their chunks, with one shared core, under a strict CSP', async () => {
    const { frame, win } = await openLoaderPage();
    try {
      for (const tag of ['banshi-rating', 'banshi-item-search', 'banshi-item-guide'])
        await waitUntil(() => win.customElements.get(tag), `${tag} defined`, { timeout: 8000 });
      const rating = win.document.querySelector('banshi-rating')!;
      await waitUntil(() => rating.shadowRoot?.querySelector('[part=submit]'), 'the rating rendered');

      const files = fetchedFiles(win);
      expect(files.filter((file) => file === 'chunks/banshi-core.js')).to.have.length(1);
      expect(files).to.include.members([
        'chunks/banshi-rating.js',
        'chunks/banshi-item-search.js',
        'chunks/banshi-item-guide.js',
      ]);
      // Nothing the page does not use: no other widget, no self-contained file, no lazily loaded mode.
      expect(files).to.not.include.members(['chunks/banshi-application-form.js']);
      expect(files.some((file) => !file.startsWith('chunks/') && file !== 'banshi-loader.js')).to.equal(
        false,
      );
      expect(files).to.not.include('chunks/summary-view.js');
      expect(win.banshiProbe.violations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });

  it("requests a widget's chunk and the chunks it imports at once, not one after another", async () => {
    const { frame, win } = await openLoaderPage();
    try {
      await waitUntil(() => win.customElements.get('banshi-item-guide'), 'the guide defined', {
        timeout: 8000,
      });
      const guideChunk = await (await fetch(`${CDN}chunks/banshi-item-guide.js`)).text();
      const imported = [...guideChunk.matchAll(/from\s*"\.\/([\w.-]+\.js)"/g)].map((match) => match[1]!);
      expect(imported, "the guide's chunk imports shared chunks").to.include('banshi-item-common.js');
      const timing = (file: string) =>
        win.performance.getEntriesByName(new URL(`${CDN}chunks/${file}`, location.href).href)[0] as
          PerformanceResourceTiming | undefined;
      const guide = timing('banshi-item-guide.js')!;
      // Asked for before the guide's chunk had arrived: the loader knew them, the browser need not wait
      // for the chunk to read its imports (one round trip less on a slow network).
      for (const file of imported) {
        const entry = timing(file);
        expect(entry, `${file} fetched`).to.not.equal(undefined);
        // At most: WebKit's clock counts whole milliseconds.
        expect(entry!.startTime, `${file} asked for before the guide's chunk arrived`).to.be.at.most(
          guide.responseEnd,
        );
      }
    } finally {
      frame.remove();
    }
  });

  it('defines a widget added later, and the widgets in a shadow root it is given', async () => {
    const { frame, win } = await openLoaderPage();
    try {
      await waitUntil(() => win.customElements.get('banshi-rating'), 'the first widgets defined', {
        timeout: 8000,
      });
      // Added after start: the document's observer sees it, and its rarely used mode loads on first use.
      const summary = win.document.createElement('banshi-rating');
      summary.setAttribute('mode', 'summary');
      const tracker = win.document.createElement('banshi-case-tracker');
      win.document.body.append(summary, tracker);
      await waitUntil(() => win.customElements.get('banshi-case-tracker'), 'the tracker defined', {
        timeout: 8000,
      });
      await waitUntil(
        () => fetchedFiles(win).includes('chunks/summary-view.js'),
        'the summary view fetched',
        {
          timeout: 8000,
        },
      );

      // Inside a site's own shadow root, seen once the root is handed to observe().
      const host = win.document.createElement('div');
      win.document.body.append(host);
      const shadow = host.attachShadow({ mode: 'open' });
      const form = win.document.createElement('banshi-application-form');
      shadow.append(form);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(win.customElements.get('banshi-application-form')).to.equal(undefined);
      await win.banshiLoader.observe(shadow);
      expect(win.customElements.get('banshi-application-form')).to.not.equal(undefined);
      expect(fetchedFiles(win).filter((file) => file === 'chunks/banshi-core.js')).to.have.length(1);
    } finally {
      frame.remove();
    }
  });
});
