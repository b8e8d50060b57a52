// Times of the offices are Beijing time wherever the browser is, and say so when the browser is elsewhere.
import { expect } from '@open-wc/testing';
import { formatBeijingMoment } from './beijing-time.js';

describe('formatBeijingMoment', () => {
  const moment = '2026-11-24T02:05:00Z';

  it('shows the office’s hour, unlabelled, to a browser on Beijing time', () => {
    const text = formatBeijingMoment(moment, 'zh-CN', -480);
    expect(text).to.include('10:05');
    expect(text).not.to.include('北京时间');
  });

  it('names the zone to a browser elsewhere, in the reader’s language', () => {
    expect(formatBeijingMoment(moment, 'zh-CN', 0)).to.match(/10:05.*（北京时间）$/);
    expect(formatBeijingMoment(moment, 'en', 300)).to.match(/10:05.*\(Beijing time\)$/);
  });
});
