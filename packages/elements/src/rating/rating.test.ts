import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { BanshiRating } from './rating.js';
import './define.js';
import {
  allInShadow,
  focusedInShadow,
  inShadow,
  shadowText,
  UNREACHABLE_API,
} from '../test-support/helpers.js';

const levelInputs = (el: BanshiRating) => allInShadow<HTMLInputElement>(el, 'input[name=level]');
const checkedLevel = (el: BanshiRating) => levelInputs(el).find((input) => input.checked)?.value;
const submit = (el: BanshiRating) => inShadow<HTMLButtonElement>(el, '[part=submit]');

async function typeComment(el: BanshiRating, text: string) {
  const textarea = inShadow<HTMLTextAreaElement>(el, '#comment');
  textarea.value = text;
  textarea.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function typeInto(el: BanshiRating, selector: string, text: string) {
  const input = inShadow<HTMLInputElement>(el, selector);
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function chooseLevel(el: BanshiRating, level: string) {
  levelInputs(el)
    .find((input) => input.value === level)!
    .click();
  await el.updateComplete;
}

describe('<banshi-rating> inline', () => {
  it('shows five levels as labelled radios with visible text', async () => {
    const el = await fixture<BanshiRating>(
      html`<banshi-rating item-code="000000000001" window-id="hbw-a12"></banshi-rating>`,
    );
    const labels = allInShadow(el, '[part=level]').map((label) => label.textContent!.trim());
    expect(labels).to.deep.equal(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
    expect(levelInputs(el).every((input) => input.type === 'radio')).to.equal(true);
  });

  it('moves and selects with the arrow keys', async () => {
    const el = await fixture<BanshiRating>(
      html`<banshi-rating item-code="000000000001" window-id="hbw-a12"></banshi-rating>`,
    );
    levelInputs(el)[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(checkedLevel(el)).to.equal('satisfied');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(checkedLevel(el)).to.equal('dissatisfied');
    expect((focusedInShadow(el) as HTMLInputElement).value).to.equal('dissatisfied');
    await sendKeys({ press: 'ArrowUp' });
    expect(checkedLevel(el)).to.equal('basicallySatisfied');
  });

  it('reveals required reasons and optional questions for a bad level only', async () => {
    const el = await fixture<BanshiRating>(
      html`<banshi-rating item-code="000000000001" window-id="hbw-a12"></banshi-rating>`,
    );
    await chooseLevel(el, 'satisfied');
    expect(el.shadowRoot!.querySelector('#reasons')).to.equal(null);
    await chooseLevel(el, 'veryDissatisfied');
    expect(allInShadow(el, '#reasons input[type=checkbox]')).to.have.length(10);
    expect(shadowText(el)).to.contain('办事指南是否清晰？');
    await chooseLevel(el, 'basicallySatisfied');
    expect(el.shadowRoot!.querySelector('#reasons')).to.equal(null);
  });

  it('asks for a level, then for a reason, with an error summary that takes focus', async () => {
    const el = await fixture<BanshiRating>(
      html`<banshi-rating
        api-base=${UNREACHABLE_API}
        item-code="000000000001"
        window-id="hbw-a12"
      ></banshi-rating>`,
    );
    submit(el).click();
    await waitUntil(() => focusedInShadow(el)?.id === 'errors', 'error summary focused');
    expect(inShadow(el, '#errors').textContent).to.contain('请选择满意程度');
    inShadow<HTMLAnchorElement>(el, '#errors a').click();
    await waitUntil(
      () => (focusedInShadow(el) as HTMLInputElement | null)?.name === 'level',
      'level focused',
    );

    await chooseLevel(el, 'dissatisfied');
    submit(el).click();
    await waitUntil(() => shadowText(el).includes('请至少选择一个不满意的原因'), 'reasons error');
    const reasons = inShadow(el, '#reasons');
    expect(reasons.getAttribute('aria-describedby')).to.equal('reasons-error');
    inShadow<HTMLInputElement>(el, '#reasons input').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#errors')).to.equal(null);
  });

  it('counts the comment and announces the count once typing pauses', async () => {
    const el = await fixture<BanshiRating>(
      html`<banshi-rating item-code="000000000001" window-id="hbw-a12"></banshi-rating>`,
    );
    await typeComment(el, '窗口工作人员很耐心');
    expect(inShadow(el, '#comment-count').textContent!.trim()).to.equal('9/500');
    const live = inShadow(el, '[aria-live=polite]');
    expect(live.textContent!.trim()).to.equal('');
    await waitUntil(() => live.textContent!.includes('已输入 9 字'), 'polite announcement', {
      timeout: 4000,
    });
  });

  for (const [what, comment] of [
    ['身份证号码', '我的身份证是150202199001011234，请回电'],
    ['手机号码', '请打 13912345678 联系我'],
    ['详细地址', '我住在昆都仑区钢铁大街幸福小区3栋'],
  ] as const) {
    it(`warns before sending a comment that seems to contain a ${what}`, async () => {
      const el = await fixture<BanshiRating>(
        html`<banshi-rating
          api-base=${UNREACHABLE_API}
          item-code="000000000001"
          window-id="hbw-a12"
        ></banshi-rating>`,
      );
      await chooseLevel(el, 'satisfied');
      await typeComment(el, comment);
      submit(el).click();
      await waitUntil(() => focusedInShadow(el)?.id === 'sensitive', 'warning focused');
      expect(inShadow(el, '#sensitive').textContent).to.contain(what);
      // Going back keeps the text and puts the cursor in it.
      inShadow<HTMLButtonElement>(el, '#sensitive button').click();
      await waitUntil(() => focusedInShadow(el)?.id === 'comment', 'comment focused');
      expect(inShadow<HTMLTextAreaElement>(el, '#comment').value).to.equal(comment);
    });
  }

  it('sends without a warning when the comment holds no personal data', async () => {
    const el = await fixture<BanshiRating>(
      html`<banshi-rating
        api-base=${UNREACHABLE_API}
        item-code="000000000001"
        window-id="hbw-a12"
      ></banshi-rating>`,
    );
    await chooseLevel(el, 'verySatisfied');
    await typeComment(el, '办事效率很高，一次就办好了');
    submit(el).click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#sensitive')).to.equal(null);
    expect(submit(el).textContent!.trim()).to.equal('正在提交…');
    expect(submit(el).disabled).to.equal(true);
  });

  it('keeps everything typed when sending fails, and offers to retry', async () => {
    const el = await fixture<BanshiRating>(
      html`<banshi-rating
        api-base=${UNREACHABLE_API}
        item-code="000000000001"
        window-id="hbw-a12"
      ></banshi-rating>`,
    );
    await chooseLevel(el, 'veryDissatisfied');
    inShadow<HTMLInputElement>(el, '#reasons input[value=slowProcessing]').click();
    await typeComment(el, '排队时间太长');
    allInShadow<HTMLInputElement>(el, 'input[name=identity]')[1]!.click();
    await el.updateComplete;
    await typeInto(el, '#name', '王建国');
    await typeInto(el, '#mobile', '139 1234 5678');
    submit(el).click();
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'), 'failure shown', { timeout: 8000 });
    expect(shadowText(el)).to.contain('评价未能提交').and.contain('网络连接异常');
    expect(checkedLevel(el)).to.equal('veryDissatisfied');
    expect(inShadow<HTMLInputElement>(el, '#reasons input[value=slowProcessing]').checked).to.equal(true);
    expect(inShadow<HTMLTextAreaElement>(el, '#comment').value).to.equal('排队时间太长');
    expect(allInShadow<HTMLInputElement>(el, 'input[name=identity]')[1]!.checked).to.equal(true);
    expect(inShadow<HTMLInputElement>(el, '#name').value).to.equal('王建国');
    expect(inShadow<HTMLInputElement>(el, '#mobile').value).to.equal('139 1234 5678');
    expect(submit(el).textContent!.trim()).to.equal('重新提交');
  });

  it('asks for a name and a valid mobile when rating with one’s name', async () => {
    const el = await fixture<BanshiRating>(
      html`<banshi-rating
        api-base=${UNREACHABLE_API}
        item-code="000000000001"
        window-id="hbw-a12"
      ></banshi-rating>`,
    );
    await chooseLevel(el, 'satisfied');
    allInShadow<HTMLInputElement>(el, 'input[name=identity]')[1]!.click();
    await el.updateComplete;
    const mobile = inShadow<HTMLInputElement>(el, '#mobile');
    mobile.value = '1391234';
    mobile.dispatchEvent(new Event('input'));
    submit(el).click();
    await waitUntil(() => focusedInShadow(el)?.id === 'errors', 'error summary focused');
    expect(inShadow(el, '#errors').textContent).to.contain('请填写姓名').and.contain('请填写正确的手机号码');
    expect(mobile.getAttribute('aria-invalid')).to.equal('true');
    expect(mobile.getAttribute('aria-describedby')).to.equal('mobile-error');
    allInShadow<HTMLAnchorElement>(el, '#errors a')[1]!.click();
    await waitUntil(() => focusedInShadow(el)?.id === 'mobile', 'mobile focused');
    expect(mobile.value).to.equal('1391234');
  });

  it('speaks English under lang="en"', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="en"><banshi-rating item-code="000000000001" window-id="hbw-a12"></banshi-rating></div>`,
    );
    const el = wrapper.querySelector('banshi-rating')!;
    await el.updateComplete;
    expect(shadowText(el)).to.contain('Very satisfied').and.contain('Send rating');
  });
});

describe('<banshi-rating> accessibility', () => {
  for (const lang of ['zh-CN', 'en']) {
    for (const elder of [false, true]) {
      it(`passes axe in ${lang}${elder ? ' elder mode' : ''}, with the bad-review part open`, async () => {
        const wrapper = await fixture<HTMLElement>(
          html`<div lang=${lang}>
            <banshi-rating
              ?elder=${elder}
              api-base=${UNREACHABLE_API}
              item-code="000000000001"
              window-id="hbw-a12"
            ></banshi-rating>
          </div>`,
        );
        const el = wrapper.querySelector('banshi-rating')!;
        await el.updateComplete;
        await expect(el).to.be.accessible();
        await chooseLevel(el, 'dissatisfied');
        submit(el).click();
        await waitUntil(() => el.shadowRoot!.querySelector('#errors'), 'errors shown');
        await expect(el).to.be.accessible();
      });
    }
  }

  it('meets the elder figures: text ≥ 18px, line height ≥ 1.3, targets ≥ 60×60', async () => {
    const el = await fixture<BanshiRating>(
      html`<banshi-rating elder item-code="000000000001" window-id="hbw-a12"></banshi-rating>`,
    );
    const label = allInShadow(el, '[part=level]')[0]!;
    const style = getComputedStyle(label);
    expect(parseFloat(style.fontSize)).to.be.at.least(18);
    expect(parseFloat(style.lineHeight) / parseFloat(style.fontSize)).to.be.at.least(1.3);
    for (const target of [label, submit(el)]) {
      const box = target.getBoundingClientRect();
      expect(box.width).to.be.at.least(60);
      expect(box.height).to.be.at.least(60);
    }
  });

  it('keeps 44×44 targets otherwise', async () => {
    const el = await fixture<BanshiRating>(
      html`<banshi-rating item-code="000000000001" window-id="hbw-a12"></banshi-rating>`,
    );
    for (const target of [allInShadow(el, '[part=level]')[1]!, submit(el)]) {
      const box = target.getBoundingClientRect();
      expect(box.width).to.be.at.least(44);
      expect(box.height).to.be.at.least(44);
    }
  });
});

describe('<banshi-rating> host isolation', () => {
  it('keeps its look when the page styles buttons and everything else aggressively', async () => {
    const style = document.createElement('style');
    style.textContent =
      '* { all: unset } button { display: none !important } banshi-rating { color: transparent }';
    document.head.append(style);
    try {
      const el = await fixture<BanshiRating>(
        html`<banshi-rating item-code="000000000001" window-id="hbw-a12"></banshi-rating>`,
      );
      expect(getComputedStyle(submit(el)).display).to.not.equal('none');
      const box = submit(el).getBoundingClientRect();
      expect(box.height).to.be.at.least(44);
      expect(getComputedStyle(inShadow(el, 'h2')).color).to.not.equal('rgba(0, 0, 0, 0)');
    } finally {
      style.remove();
    }
  });
});
