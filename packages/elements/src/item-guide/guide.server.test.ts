// <banshi-item-guide> loading guides from the reference server (started by web-test-runner.config.mjs and
// reached through the page's own origin at /api/v1).
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import {
  allInShadow,
  injectApiFault,
  inShadow,
  referenceServer,
  REAL_API,
  shadowText,
  UNREACHABLE_API,
} from '../test-support/helpers.js';
import './define.js';
import type { BanshiItemGuide } from './guide.js';

const RENTAL = '1115030201183506284200603001000';
const ID_CARD = '1115020201155914184200101001000';

const guide = (code: string, apiBase = REAL_API) =>
  fixture<BanshiItemGuide>(
    html`<banshi-item-guide api-base=${apiBase} item-code=${code}></banshi-item-guide>`,
  );

describe('<banshi-item-guide> with the reference server', () => {
  before(async () => {
    await referenceServer();
  });
  afterEach(() => injectApiFault('none'));

  it('shows a skeleton of the header size while loading, then the guide, and emits banshi-guide-loaded', async () => {
    const el = await guide(ID_CARD);
    expect(el.shadowRoot!.querySelector('.skeleton[aria-busy=true]')).not.to.equal(null);
    const skeletonHeight = inShadow(el, '.skeleton').getBoundingClientRect().height;
    const { detail } = await oneEvent(el, 'banshi-guide-loaded');
    expect(detail.code).to.equal(ID_CARD);
    await el.updateComplete;
    expect(inShadow(el, '[part=title]').textContent).to.equal('居民身份证申领');
    expect(el.getBoundingClientRect().height).to.be.at.least(skeletonHeight);
    expect(shadowText(el)).to.include('申请材料');
  });

  it('revalidates with the ETag: a reload of an unchanged guide is answered 304 from the SDK cache', async function () {
    // What the page received is read from resource timing's responseStatus, which WebKit does not record.
    if (!('responseStatus' in PerformanceResourceTiming.prototype)) (this as { skip(): void }).skip();
    performance.clearResourceTimings();
    const el = await guide(RENTAL);
    await oneEvent(el, 'banshi-guide-loaded');
    await el.load();
    const statuses = () =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.endsWith(`/items/${RENTAL}`))
        .map((entry) => (entry as PerformanceResourceTiming & { responseStatus?: number }).responseStatus);
    // Timing entries are recorded a moment after the answer arrives.
    await waitUntil(() => statuses().length === 2, 'two requests recorded');
    expect(statuses()).to.deep.equal([200, 304]);
    expect(inShadow(el, '[part=title]').textContent).to.equal('公共租赁住房申请');
  });

  it('says an unknown item was not found, with a retry', async () => {
    const el = await guide('1115030201183506284200699999000');
    await waitUntil(() => shadowText(el).includes('没有找到编码为'), 'not found');
    expect(inShadow(el, '[role=alert] button').textContent).to.include('重试');
  });

  it('reports a failing server and recovers on retry', async () => {
    await injectApiFault('down');
    const el = await guide(RENTAL);
    await waitUntil(() => shadowText(el).includes('办事指南暂时无法加载'), 'failed', { timeout: 8000 });
    await injectApiFault('none');
    inShadow<HTMLButtonElement>(el, '[role=alert] button').click();
    await waitUntil(() => allInShadow(el, '[part=material]').length > 0, 'loaded after retry', {
      timeout: 8000,
    });
  });

  it('reports a lost network connection', async () => {
    const el = await guide(RENTAL, UNREACHABLE_API);
    await waitUntil(() => shadowText(el).includes('网络连接已中断'), 'offline', { timeout: 8000 });
    await expect(el).to.be.accessible();
  });

  it('reloads the guide in English when the page language changes', async () => {
    const el = await guide(RENTAL);
    await oneEvent(el, 'banshi-guide-loaded');
    el.parentElement!.setAttribute('lang', 'en');
    await waitUntil(() => shadowText(el).includes('Documents to bring'), 'English labels');
    el.parentElement!.removeAttribute('lang');
  });
});
