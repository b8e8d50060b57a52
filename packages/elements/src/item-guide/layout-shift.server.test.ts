// The guide loading on a page: nothing the reader sees may move when the guide replaces its skeleton
// (Cumulative Layout Shift, as Lighthouse measures it, from Chromium's `layout-shift` entries).
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { referenceServer, REAL_API } from '../test-support/helpers.js';
import './define.js';
import type { BanshiItemGuide } from './guide.js';

const RENTAL = '1115030201183506284200603001000';

interface LayoutShift extends PerformanceEntry {
  value: number;
  hadRecentInput: boolean;
}

describe('<banshi-item-guide> layout shift', () => {
  before(async function () {
    if (!PerformanceObserver.supportedEntryTypes?.includes('layout-shift')) (this as { skip(): void }).skip();
    await referenceServer();
  });

  it('moves nothing on the page when the guide replaces its skeleton', async () => {
    const shifts: LayoutShift[] = [];
    const observer = new PerformanceObserver((list) => shifts.push(...(list.getEntries() as LayoutShift[])));
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <h1 style="margin:0">办事指南</h1>
        <banshi-item-guide api-base=${REAL_API} item-code=${RENTAL}></banshi-item-guide>
        <footer style="height:120px;background:#eee">主办：海勃湾区人民政府办公室</footer>
      </div>`,
    );
    observer.observe({ type: 'layout-shift' });
    const guide = page.querySelector<BanshiItemGuide>('banshi-item-guide')!;
    await oneEvent(guide, 'banshi-guide-loaded');
    await guide.updateComplete;
    // Two frames, so the shift of the guide's first paint is reported.
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    observer.takeRecords().forEach((entry) => shifts.push(entry as LayoutShift));
    observer.disconnect();
    const score = shifts.filter((s) => !s.hadRecentInput).reduce((sum, s) => sum + s.value, 0);
    expect(score, `layout shift ${score}`).to.equal(0);
  });
});
