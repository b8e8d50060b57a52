// A widget arriving on a page: from before its chunk is defined until its first data is drawn, it holds the
// height banshi-themes.css reserves for it, and what it then draws is no shorter, so the page below it does
// not jump up and down while it loads (Cumulative Layout Shift).
import { expect, nextFrame } from '@open-wc/testing';
import { linkThemeSheet, referenceServer, REAL_API, SLOW_WAIT } from '../test-support/helpers.js';

const RENTAL = '1115030201183506284200603001000';

interface Case {
  name: string;
  tag: string;
  attributes: Record<string, string>;
  /** Clears what an earlier test left on the device for this widget. */
  prepare?: () => Promise<void>;
  /** On a site whose own elder switch is on: a 20 px root font, and the widgets' elder mode. */
  elderSite?: true;
}

/** Each tag's definition, imported by its cases only: the first test needs every tag still undefined. */
const define: Record<string, () => Promise<unknown>> = {
  'banshi-rating': () => import('../rating/define.js'),
  'banshi-rating-summary': () => import('../rating-summary/define.js'),
  'banshi-item-search': () => import('../item-search/define.js'),
  'banshi-case-tracker': () => import('../case-tracker/define.js'),
  'banshi-application-form': () => import('../application-form/define.js'),
  'banshi-appointment': () => import('../appointment/define.js'),
  'banshi-consult': () => import('../consult/define.js'),
};

const cases: Case[] = [
  {
    name: 'the rating',
    tag: 'banshi-rating',
    attributes: { 'item-code': RENTAL },
  },
  {
    name: 'the kiosk rating',
    tag: 'banshi-rating',
    attributes: { mode: 'kiosk', 'window-id': 'HBW-A12', 'staff-id': 'HBW-0417', 'item-code': RENTAL },
  },
  {
    name: 'the rating summary',
    tag: 'banshi-rating',
    attributes: { mode: 'summary', department: '150302-zjj' },
  },
  {
    name: 'the published ratings',
    tag: 'banshi-rating-summary',
    attributes: {},
  },
  {
    name: 'the published ratings without rankings, on a site in elder mode',
    tag: 'banshi-rating-summary',
    attributes: { 'no-rankings': '' },
    elderSite: true,
  },
  {
    name: 'the search',
    tag: 'banshi-item-search',
    attributes: {},
  },
  {
    name: 'the tracker',
    tag: 'banshi-case-tracker',
    attributes: {},
  },
  {
    name: 'the application form',
    tag: 'banshi-application-form',
    attributes: { 'item-code': RENTAL },
    // A draft of this item saved by another test would be resumed at its step instead of the first.
    prepare: async () => (await import('../application-form/drafts.js')).deleteDraft(RENTAL),
  },
  {
    name: 'the appointment',
    tag: 'banshi-appointment',
    attributes: { 'item-code': RENTAL },
  },
  {
    name: 'the kiosk check-in',
    tag: 'banshi-appointment',
    attributes: { kiosk: '' },
  },
  {
    name: 'the question form',
    tag: 'banshi-consult',
    attributes: { 'item-code': RENTAL },
  },
];

/** `entry`'s element in a page column, as a site embeds it, not yet defined. */
function place(entry: Case): HTMLElement {
  const root = document.documentElement;
  root.style.fontSize = entry.elderSite ? '20px' : '';
  root.toggleAttribute('data-banshi-elder', !!entry.elderSite);
  const column = document.createElement('div');
  column.style.cssText = 'inline-size: 760px; margin: 0 auto';
  const element = document.createElement(entry.tag);
  element.setAttribute('api-base', REAL_API);
  for (const [name, value] of Object.entries(entry.attributes)) element.setAttribute(name, value);
  column.append(element);
  document.body.append(column);
  return element;
}

/** Removes `element`'s column, and the site's elder mode with it. */
function leave(element: Element): void {
  element.parentElement!.remove();
  document.documentElement.style.fontSize = '';
  document.documentElement.removeAttribute('data-banshi-elder');
}

const height = (element: Element): number => element.getBoundingClientRect().height;
const reservedHeight = (element: Element): number =>
  parseFloat(getComputedStyle(element).getPropertyValue('--banshi-reserved-height'));

describe('the space a widget reserves while it loads', () => {
  let sheet: HTMLLinkElement;
  before(async () => {
    await referenceServer();
    sheet = await linkThemeSheet();
  });
  after(() => sheet.remove());

  it('is held by every widget before its chunk has arrived', () => {
    for (const entry of cases) {
      const element = place(entry);
      try {
        expect(customElements.get(entry.tag), `${entry.tag} not defined yet`).to.equal(undefined);
        const reserved = reservedHeight(element);
        expect(reserved, `${entry.name} reserves a height`).to.be.greaterThan(100);
        expect(height(element), `${entry.name} before it is defined`).to.be.closeTo(reserved, 1);
      } finally {
        leave(element);
      }
    }
  });

  for (const entry of cases) {
    it(`is kept by ${entry.name} until its first data is drawn, which is no shorter`, async () => {
      await entry.prepare?.();
      const element = place(entry);
      try {
        const reserved = reservedHeight(element);
        await define[entry.tag]!();
        // Every frame from the definition on, until its first data is drawn and it has stood still for
        // ten frames: the widget never shows shorter than the space it reserved.
        const heights: number[] = [];
        const start = performance.now();
        let still = 0;
        while (still < 10 && performance.now() - start < SLOW_WAIT.timeout) {
          await nextFrame();
          heights.push(height(element));
          const drawn = element.shadowRoot?.querySelector('.root:not(.reserved)');
          still = drawn && heights.at(-1) === heights.at(-2) ? still + 1 : 0;
        }
        expect(still, `${entry.name} drawn and still`).to.equal(10);
        expect(
          Math.min(...heights),
          `${entry.name}: ${heights.map(Math.round).join(' → ')} px`,
        ).to.be.at.least(reserved - 1);
      } finally {
        leave(element);
      }
    });
  }
});
