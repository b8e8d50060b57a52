// <banshi-rating> given a case rated already, against the reference server: the existing rating instead of
// an empty form, the follow-up (追评), and the decision on the office's appeal (申诉复核).
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { BanshiRating } from './rating.js';
import './define.js';
import {
  createConcludedCase,
  inShadow,
  referenceServer,
  REAL_API,
  shadowText,
  staffToken,
  type CreatedCase,
  SLOW_WAIT,
} from '../test-support/helpers.js';

/** Rates the case as its applicant would, with its query code; answers the stored evaluation's id. */
async function rateCase(found: CreatedCase, body: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${REAL_API}/evaluations`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-query-code': found.queryCode,
      'idempotency-key': crypto.randomUUID(),
    },
    body: JSON.stringify({
      target: { kind: 'case', caseNumber: found.caseNumber },
      channel: 'pc',
      anonymous: true,
      ...body,
    }),
  });
  if (response.status !== 201)
    throw new Error(`rating answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

/** A step of the rectification workflow, by the office or by the reviewing body. */
async function step(id: string, token: string, body: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${REAL_API}/evaluations/${id}/rectification-actions`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'idempotency-key': crypto.randomUUID(),
    },
    body: JSON.stringify(body),
  });
  if (response.status !== 200) throw new Error(`${String(body.action)} answered ${response.status}`);
}

async function reviewerToken(): Promise<string> {
  const { executeServerCommand } = await import('@web/test-runner-commands');
  return (await executeServerCommand<string, undefined>('banshi-reviewer-token')) ?? '';
}

const rating = (found: CreatedCase) =>
  fixture<BanshiRating>(
    html`<banshi-rating
      api-base=${REAL_API}
      case-number=${found.caseNumber}
      .queryCode=${found.queryCode}
    ></banshi-rating>`,
  );

describe('<banshi-rating> for a case rated already', () => {
  before(async () => {
    await referenceServer();
  });

  it('shows the rating and its date instead of a form, and takes one follow-up (追评)', async () => {
    const found = await createConcludedCase();
    await rateCase(found, { level: 'basicallySatisfied' });
    const el = await rating(found);
    await waitUntil(() => el.shadowRoot!.querySelector('#follow-up'), 'rated view', SLOW_WAIT);
    expect(shadowText(el)).to.contain('您已评价过本办件').and.contain('基本满意').and.contain('评价时间');
    expect(el.shadowRoot!.querySelector('input[name=level]')).to.equal(null);
    await expect(el).to.be.accessible();

    inShadow<HTMLButtonElement>(el, '#follow-up').click();
    await waitUntil(() => el.shadowRoot!.querySelector('input[name=level]'), 'follow-up form');
    expect(inShadow(el, '[part=title]').textContent).to.contain('追加评价');
    inShadow<HTMLInputElement>(el, 'input[name=level][value=verySatisfied]').click();
    await el.updateComplete;
    const rated = oneEvent(el, 'banshi-rated');
    inShadow<HTMLButtonElement>(el, '[part=submit]').click();
    const event = await rated;
    expect(event.detail.followUpOf).to.be.a('string');
    expect(event.detail.level).to.equal('verySatisfied');

    const later = await rating(found);
    await waitUntil(() => shadowText(later).includes('您的追评'), 'follow-up shown', SLOW_WAIT);
    expect(shadowText(later)).to.contain('您已追评');
    expect(later.shadowRoot!.querySelector('#follow-up')).to.equal(null);
  });

  it('shows the rater the reviewing body’s decision on the office’s appeal, with its reason', async () => {
    const found = await createConcludedCase();
    const id = await rateCase(found, { level: 'veryDissatisfied', reasons: ['other'] });
    await step(id, await staffToken(), { action: 'submitAppeal', reason: '与办件无关的评价' });
    const pending = await rating(found);
    await waitUntil(
      () => shadowText(pending).includes('正在由政务服务管理机构复核'),
      'appeal pending',
      SLOW_WAIT,
    );
    await step(id, await reviewerToken(), { action: 'acceptAppeal', opinion: '评价内容与所办事项无关' });
    const el = await rating(found);
    await waitUntil(() => shadowText(el).includes('申诉成立'), 'decision shown', SLOW_WAIT);
    expect(shadowText(el)).to.contain('复核理由：评价内容与所办事项无关').and.contain('复核时间');
  });
});
