// The journeys' key steps on a phone, in every engine: each widget from the CDN bundle in a frame 360 px
// wide (the narrowest common Android screen), driven by taps, i.e. touch input from the browser's driver.
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { createCase, referenceServer, SLOW_WAIT } from './test-support/helpers.js';

const WIDTH = 360;

interface Phone {
  frame: HTMLIFrameElement;
  /** The widget, once it has rendered. */
  widget: HTMLElement;
}

/** Opens a 360 px wide frame holding `markup` and the CDN bundle. */
async function phone(markup: string): Promise<Phone> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `position:fixed;left:0;top:0;width:${WIDTH}px;height:560px;border:0`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
    <meta name="viewport" content="width=device-width"><meta name="banshi:api-base" content="/api/v1">
    <script type="module" src="/packages/elements/cdn/banshi.js"></script></head>
    <body style="margin:0">${markup}</body></html>`;
  document.body.append(frame);
  await loaded;
  const widget = frame.contentDocument!.body.firstElementChild as HTMLElement;
  await waitUntil(() => widget.shadowRoot?.querySelector('button'), `${widget.localName} rendered`, {
    timeout: 10000,
  });
  return { frame, widget };
}

/** The first element in the widget's shadow root that matches `selector` (and has `text`, if given). */
function find(phone: Phone, selector: string, text = ''): HTMLElement {
  const found = [...phone.widget.shadowRoot!.querySelectorAll<HTMLElement>(selector)].find((el) =>
    el.textContent!.includes(text),
  );
  if (!found) throw new Error(`${phone.widget.localName}: no ${selector} ${text}`);
  return found;
}

/** Taps the middle of `target` with a finger, after scrolling it into the frame's view. */
async function tap(phone: Phone, target: Element): Promise<void> {
  target.scrollIntoView({ block: 'center' });
  const box = target.getBoundingClientRect();
  const frame = phone.frame.getBoundingClientRect();
  expect(box.height, `${target.localName} is tall enough for a finger`).to.be.at.least(24);
  const pointers: string[] = [];
  const record = (event: PointerEvent) => pointers.push(event.pointerType);
  const doc = phone.frame.contentDocument!;
  doc.addEventListener('pointerdown', record, true);
  const pointer = await executeServerCommand<string, { x: number; y: number }>('banshi-tap', {
    x: frame.left + box.left + box.width / 2,
    y: frame.top + box.top + box.height / 2,
  });
  doc.removeEventListener('pointerdown', record, true);
  // A finger in Chromium and Firefox; WebKitGTK's driver can only press a mouse at the same point.
  expect(pointers, 'the pointer the driver sent').to.deep.equal([pointer]);
}

/** Nothing sticks out sideways: the page never scrolls horizontally at 360 px. */
function fitsTheWidth(phone: Phone): void {
  const doc = phone.frame.contentDocument!.documentElement;
  expect(doc.scrollWidth, 'page width').to.be.at.most(WIDTH);
  expect(phone.widget.getBoundingClientRect().width, 'widget width').to.be.at.most(WIDTH);
}

const shadowText = (phone: Phone) => phone.widget.shadowRoot!.textContent!.replace(/\s+/g, ' ');

describe('on a 360 px touch screen', () => {
  let itemCode = '';
  let current: Phone | undefined;
  before(async () => {
    ({ itemCode } = await referenceServer());
  });
  afterEach(() => current?.frame.remove());

  it('rates a service: a level and the submit button by taps', async () => {
    current = await phone(`<banshi-rating item-code="${itemCode}" window-id="phone"></banshi-rating>`);
    fitsTheWidth(current);
    await tap(current, find(current, '[part=level]', '满意'));
    await waitUntil(
      () => find(current!, '[part=level]', '满意').classList.contains('checked'),
      'level chosen',
      SLOW_WAIT,
    );
    await tap(current, find(current, '[part=submit]'));
    await waitUntil(() => shadowText(current!).includes('感谢'), 'thanks', SLOW_WAIT);
    fitsTheWidth(current);
  });

  it('searches: taps the box, types, taps 搜索 and sees results that fit', async () => {
    current = await phone('<banshi-item-search item-url="#{code}"></banshi-item-search>');
    await tap(current, find(current, '[part=input]'));
    await waitUntil(
      () => current!.widget.shadowRoot!.activeElement === find(current!, '[part=input]'),
      'box focused',
      SLOW_WAIT,
    );
    await sendKeys({ type: 'sfz' });
    await tap(current, find(current, 'button[type=submit]'));
    await waitUntil(() => shadowText(current!).includes('居民身份证'), 'results', SLOW_WAIT);
    fitsTheWidth(current);
  });

  it('reads a guide and answers its situation question by a tap', async () => {
    current = await phone(
      '<banshi-item-guide item-code="1115030201183506284200603001000"></banshi-item-guide>',
    );
    await waitUntil(() => shadowText(current!).includes('申请材料'), 'guide loaded', SLOW_WAIT);
    // The guide draws its sections in stages; its updateComplete settles once all of them are drawn.
    await (current.widget as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
    fitsTheWidth(current);
    const nonlocal = find(current, 'label', '非本区户籍');
    await tap(current, nonlocal);
    await waitUntil(() => nonlocal.querySelector('input')!.checked, 'situation chosen', SLOW_WAIT);
    fitsTheWidth(current);
  });

  it('looks up a case by taps and typing', async () => {
    const created = await createCase();
    current = await phone('<banshi-case-tracker></banshi-case-tracker>');
    await tap(current, find(current, '#case-number'));
    await sendKeys({ type: created.caseNumber });
    await tap(current, find(current, '#query-code'));
    await sendKeys({ type: created.queryCode });
    await tap(current, find(current, '[part=submit]'));
    await waitUntil(() => shadowText(current!).includes('已收件'), 'case shown', { timeout: 8000 });
    fitsTheWidth(current);
  });
});
