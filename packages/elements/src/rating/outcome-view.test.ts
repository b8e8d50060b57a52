// The thank-you after a bad review says what happens next: 回访 for a real-name rating, and how to hear
// back for an anonymous one; a good review needs no such note.
import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { ratingMessages } from './messages.js';
import { renderOutcome } from './outcome-view.js';

const zh = ratingMessages['zh-CN'] as Record<string, string>;
const msg = (key: string) => zh[key] ?? key;

async function outcome(level: 'verySatisfied' | 'dissatisfied', realName: boolean): Promise<string> {
  const box = await fixture<HTMLDivElement>(html`<div></div>`);
  render(
    renderOutcome(msg, { already: false, queued: false, kiosk: false, level, realName }, () => {}),
    box,
  );
  return box.textContent!.replace(/\s+/g, ' ');
}

describe('rating outcome', () => {
  it('promises a callback within the set time after a real-name bad review', async () => {
    expect(await outcome('dissatisfied', true)).to.include('规定时限内拨打您留下的手机号回访');
  });

  it('says how to hear back after an anonymous bad review', async () => {
    expect(await outcome('dissatisfied', false)).to.include('匿名评价无法回访');
  });

  it('adds nothing after a good review', async () => {
    expect(await outcome('verySatisfied', true)).not.to.include('接下来');
  });
});
