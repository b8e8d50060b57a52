import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createApi, isCorsRefusal } from './api.js';
import { referenceServer, shadowText, UNREACHABLE_API } from '../test-support/helpers.js';
import '../item-guide/define.js';

/**
 * The test page's API under another origin: the same server through the same port, named by the other
 * loopback host name. The reference server allows no origin, so the browser refuses its answers.
 */
function crossOriginApi(): string {
  const other = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return `${location.protocol}//${other}:${location.port}/api/v1`;
}

/** Runs `call` while recording console warnings. */
async function warningsDuring(call: () => Promise<unknown>): Promise<{ error: unknown; warnings: string[] }> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    await call();
    return { error: undefined, warnings };
  } catch (error) {
    return { error, warnings };
  } finally {
    console.warn = original;
  }
}

describe('a request refused by CORS', () => {
  it('is told apart from a network outage, with a hint naming BANSHI_ALLOWED_ORIGINS', async () => {
    const { itemCode } = await referenceServer();
    const refused = await warningsDuring(() =>
      createApi(crossOriginApi(), 'zh-CN', { maxRetries: 0 }).items.get(itemCode),
    );
    expect(refused.error, 'the request failed').to.not.equal(undefined);
    expect(isCorsRefusal(refused.error)).to.equal(true);
    expect(refused.warnings.join('\n')).to.contain('BANSHI_ALLOWED_ORIGINS').and.contain(location.origin);

    const down = await warningsDuring(() =>
      createApi(UNREACHABLE_API, 'zh-CN', { maxRetries: 0 }).items.get(itemCode),
    );
    expect(down.error, 'the request failed').to.not.equal(undefined);
    expect(isCorsRefusal(down.error)).to.equal(false);
    expect(down.warnings.join('\n')).to.not.contain('BANSHI_ALLOWED_ORIGINS');
  });
});

describe('a widget whose API refuses the page', () => {
  /** The guide's notice once loading `itemCode` from `apiBase` failed. */
  async function guideNotice(apiBase: string, itemCode: string): Promise<string> {
    const guide = await fixture<HTMLElement>(
      html`<banshi-item-guide lang="en" api-base=${apiBase} item-code=${itemCode}></banshi-item-guide>`,
    );
    await waitUntil(() => guide.shadowRoot?.querySelector('[role="alert"]'), 'failure shown', {
      timeout: 15000,
    });
    return shadowText(guide);
  }

  it('says the site is not allowed and what to configure, and a lost network only that', async () => {
    const { itemCode } = await referenceServer();
    const refused = await guideNotice(crossOriginApi(), itemCode);
    expect(refused).to.contain('BANSHI_ALLOWED_ORIGINS').and.contain(location.origin);
    expect(refused).to.not.contain('network');

    const down = await guideNotice(UNREACHABLE_API, itemCode);
    expect(down).to.not.contain('BANSHI_ALLOWED_ORIGINS');
    expect(down.toLowerCase()).to.contain('connection');
  });
});
