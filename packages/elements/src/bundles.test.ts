import { expect, waitUntil } from '@open-wc/testing';
import { referenceServer } from './test-support/helpers.js';

interface ProbeWindow extends Window {
  banshiProbe: { violations: string[]; warnings: string[] };
}

/** Opens the strict-CSP, hostile-CSS fixture page (it loads both CDN bundles) in an iframe. */
async function openFixturePage(): Promise<{ frame: HTMLIFrameElement; win: ProbeWindow }> {
  const frame = document.createElement('iframe');
  frame.style.width = '900px';
  frame.style.height = '900px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = '/packages/elements/test/csp/page.html';
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as ProbeWindow;
  const bundle = await fetch('/packages/elements/cdn/banshi-rating.js', { method: 'HEAD' });
  if (!bundle.ok) throw new Error('The CDN bundles are missing: run "npm run build" first.');
  await waitUntil(() => win.customElements.get('banshi-rating'), 'banshi-rating defined in the page', {
    timeout: 5000,
  });
  return { frame, win };
}

describe('CDN bundles on a hostile page', () => {
  it('render and work under a strict CSP with Trusted Types, hostile CSS and a second copy loaded', async () => {
    const { frame, win } = await openFixturePage();
    try {
      const policy = (await fetch('/packages/elements/test/csp/page.html')).headers.get(
        'content-security-policy',
      );
      expect(policy).to.contain("require-trusted-types-for 'script'").and.not.contain('unsafe');

      const rating = win.document.querySelector('banshi-rating')!;
      await waitUntil(() => rating.shadowRoot?.querySelector('[part=submit]'), 'rendered');
      const root = rating.shadowRoot!;
      const submit = root.querySelector<HTMLButtonElement>('[part=submit]')!;
      expect(win.getComputedStyle(submit).display).to.not.equal('none');
      expect(submit.getBoundingClientRect().height).to.be.at.least(44);
      const label = root.querySelector('[part=level]')!;
      expect(win.getComputedStyle(label).visibility).to.equal('visible');
      expect(parseFloat(win.getComputedStyle(label).fontSize)).to.be.at.least(16);

      // The later copies did not throw; each said which copy won.
      await waitUntil(() => win.banshiProbe.warnings.length >= 2, 'a warning from each later copy', {
        timeout: 5000,
      });
      const duplicates = win.banshiProbe.warnings.filter((w) =>
        w.includes('<banshi-rating> is already defined'),
      );
      expect(duplicates).to.have.length(2);

      // It works: choose a level and send it to the reference server.
      rating.setAttribute('item-code', (await referenceServer()).itemCode);
      root.querySelector<HTMLInputElement>('input[value=satisfied]')!.click();
      submit.click();
      await waitUntil(() => root.querySelector('#outcome'), 'thanks shown', { timeout: 8000 });
      expect(root.querySelector('#outcome')!.textContent).to.contain('感谢');
      expect(win.banshiProbe.violations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});

describe('我要问 and the kiosk on the hostile page', () => {
  it('keep visible, target-sized, labelled controls and send a question under the strict policy', async () => {
    const { frame, win } = await openFixturePage();
    try {
      const consult = win.document.querySelector('banshi-consult')!;
      const kiosk = win.document.querySelector('banshi-appointment')!;
      await waitUntil(() => consult.shadowRoot?.querySelector('[part=submit]'), 'consult rendered');
      await waitUntil(() => kiosk.shadowRoot?.querySelector('[part=submit]'), 'kiosk rendered');
      for (const host of [consult, kiosk]) {
        const root = host.shadowRoot!;
        const submit = root.querySelector<HTMLElement>('[part=submit]')!;
        expect(win.getComputedStyle(submit).display).to.not.equal('none');
        expect(submit.getBoundingClientRect().height).to.be.at.least(44);
        for (const label of root.querySelectorAll('label')) {
          expect(win.getComputedStyle(label).visibility).to.equal('visible');
          expect(parseFloat(win.getComputedStyle(label).fontSize)).to.be.at.least(16);
          expect(root.getElementById(label.htmlFor), label.htmlFor).to.not.equal(null);
        }
      }
      const root = consult.shadowRoot!;
      const question = root.querySelector<HTMLTextAreaElement>('#question')!;
      question.value = '非本区户籍在本区工作三年，可以申请公租房吗？';
      root.querySelector<HTMLElement>('[part=submit]')!.click();
      await waitUntil(() => /ZX\d{6}/.test(root.textContent ?? ''), 'question sent', { timeout: 8000 });
      expect(win.banshiProbe.violations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});

describe('CDN bundles in older browsers', () => {
  it('call no API newer than Chromium 86 that they do not feature-test first', async () => {
    const sri = (await (await fetch('/packages/elements/cdn/sri.json')).json()) as Record<string, string>;
    // AbortSignal.any stays: ky checks for it before each use.
    const newer = /Object\.hasOwn\b|\.throwIfAborted\(|\.at\(-\d|\.findLast(Index)?\(|structuredClone\(/g;
    for (const file of Object.keys(sri)) {
      const source = await (await fetch(`/packages/elements/cdn/${file}`)).text();
      expect(source.match(newer) ?? [], file).to.deep.equal([]);
    }
  });
});
