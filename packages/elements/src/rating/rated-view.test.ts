import { expect } from '@open-wc/testing';
import { render } from 'lit';
import type { CaseRating, RaterRating } from '../base/api.js';
import { ratingMessages } from './messages.js';
import { renderRated } from './rated-view.js';
import { loadLocale, translate } from '../i18n/registry.js';

const rating: RaterRating = {
  id: 'ev_1',
  level: 'dissatisfied',
  ratedAt: '2026-11-18T10:00:00+08:00',
  reply: { outcome: 'rectifying', text: '补充指南', at: '2026-11-19T09:00:00+08:00', due: '2026-11-23' },
  appeal: { state: 'rejected', reason: '确在本窗口办理', decidedAt: '2026-11-20T09:30:00+08:00' },
};

function shown(info: CaseRating & { rating: RaterRating }, lang = 'zh-CN'): HTMLElement {
  const host = document.createElement('div');
  const msg = (key: string) => translate(ratingMessages, lang, key);
  render(renderRated(info, { msg, lang, locale: lang, followUp: () => undefined }), host);
  return host;
}

describe('the already-rated view of <banshi-rating>', () => {
  it('after the follow-up period offers no 追评 and says why', () => {
    const host = shown({ rating, followUp: null, followUpOpen: false, lastFollowUpDay: '2026-12-03' });
    expect(host.querySelector('#follow-up')).to.equal(null);
    expect(host.querySelector('#follow-up-closed')!.textContent).to.contain(
      '追评期限已于 2026年12月3日 截止',
    );
  });

  it('shows the scheduled fix and the rejected appeal with its reason, in English too', async () => {
    await loadLocale(ratingMessages, 'en'); // as the widget does before it shows English
    const zh = shown({
      rating,
      followUp: null,
      followUpOpen: true,
      lastFollowUpDay: '2026-12-03',
    }).textContent!;
    expect(zh).to.contain('不满意').and.contain('限期整改，将于 2026年11月23日 前完成：补充指南');
    expect(zh).to.contain('申诉不成立').and.contain('复核理由：确在本窗口办理');
    const en = shown({ rating, followUp: null, followUpOpen: true, lastFollowUpDay: '2026-12-03' }, 'en');
    expect(en.textContent).to.contain('Dissatisfied').and.contain('rejected the office’s appeal');
    expect(en.querySelector('#follow-up')!.textContent).to.contain('Add a follow-up rating');
  });
});
