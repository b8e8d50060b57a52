import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { BanshiConsult } from './consult.js';
import './define.js';
import { inShadow, REAL_API, shadowText, staffToken } from '../test-support/helpers.js';
import { pdf } from '../application-form/test-helpers.js';

const PUBLIC_RENTAL = '1115030201183506284200603001000';

async function open(): Promise<BanshiConsult> {
  return fixture<BanshiConsult>(
    html`<banshi-consult api-base=${REAL_API} item-code=${PUBLIC_RENTAL}></banshi-consult>`,
  );
}

function type(el: BanshiConsult, id: string, text: string): void {
  const field = inShadow<HTMLInputElement>(el, `#${id}`);
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function press(el: BanshiConsult, label: string): void {
  const button = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === label);
  if (!button) throw new Error(`no button ${label}`);
  button.click();
}

async function answer(number: string, text: string): Promise<void> {
  const response = await fetch(`${REAL_API}/consultations/${number}/answer`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await staffToken()}`,
      'content-type': 'application/json',
      'idempotency-key': crypto.randomUUID(),
    },
    body: JSON.stringify({ answer: text }),
  });
  if (!response.ok) throw new Error(`answering answered ${response.status}`);
}

describe('<banshi-consult> against the reference server', () => {
  it('keeps a short question and says why, then sends it and shows the number and code once', async () => {
    const el = await open();
    type(el, 'question', '能申请吗');
    press(el, '提交咨询');
    await waitUntil(() => shadowText(el).includes('问题需要 10 到 500 个字'));
    expect(inShadow<HTMLTextAreaElement>(el, '#question').value).to.equal('能申请吗');
    type(el, 'question', '非本区户籍在本区工作三年，可以申请公租房吗？');
    press(el, '提交咨询');
    await waitUntil(() => shadowText(el).includes('咨询已提交'), 'the question was not sent', {
      timeout: 8000,
    });
    expect(shadowText(el)).to.match(/ZX\d{6}[0-9A-Z]{6}/);
  });

  it('takes a mobile written with +86, spaces and dashes, as every other widget does', async () => {
    const el = await open();
    type(el, 'question', '在本区工作满三年的外地户籍，可以申请公租房吗？');
    type(el, 'mobile', '139473');
    press(el, '提交咨询');
    await waitUntil(() => shadowText(el).includes('请填写 11 位手机号码'));
    expect(inShadow<HTMLInputElement>(el, '#mobile').value).to.equal('139473');
    type(el, 'mobile', '+86 139-4731-2345');
    press(el, '提交咨询');
    // The server's Mobile takes no spaces or dashes: the question arrives only with the number normalised.
    await waitUntil(() => shadowText(el).includes('咨询已提交'), 'the question was not sent', {
      timeout: 8000,
    });
  });

  it('reads the answer with number and code, takes one follow-up and a rating', async () => {
    const el = await open();
    type(el, 'question', '外地户籍在本区工作三年，可以申请公租房吗？');
    press(el, '提交咨询');
    await waitUntil(() => shadowText(el).includes('咨询已提交'), 'not sent', { timeout: 8000 });
    const number = /ZX\d{6}[0-9A-Z]{6}/.exec(shadowText(el))![0];
    await answer(number, '可以，持居住证并连续缴纳社保满一年即可申请。');
    press(el, '查看答复');
    await waitUntil(() => shadowText(el).includes('持居住证'), 'no answer shown', { timeout: 8000 });
    type(el, 'followUp', '社保缴费证明需要到哪里去打印呢？');
    press(el, '提交追问');
    await waitUntil(() => !el.shadowRoot!.querySelector('#followUp'), 'the follow-up was not sent', {
      timeout: 8000,
    });
    expect(shadowText(el)).to.include('社保缴费证明需要到哪里去打印呢？');
    inShadow<HTMLInputElement>(el, 'input[value=satisfied]').click();
    press(el, '提交评价');
    await waitUntil(() => shadowText(el).includes('感谢您的评价'), 'not rated', { timeout: 8000 });
  });

  it('uploads the attached file under the form limits and sends it with the question, for its office to see', async () => {
    const el = await open();
    type(el, 'question', '收入证明是这样开的吗？请帮忙看一下附件里的证明。');
    const input = inShadow<HTMLInputElement>(el, '#attachment');
    const transfer = new DataTransfer();
    transfer.items.add(pdf('收入证明.pdf'));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    await waitUntil(() => /收入证明\.pdf：已上传/.test(shadowText(el)), 'the file was not uploaded', {
      timeout: 8000,
    });
    press(el, '提交咨询');
    await waitUntil(() => shadowText(el).includes('咨询已提交'), 'not sent', { timeout: 8000 });
    const number = /ZX\d{6}[0-9A-Z]{6}/.exec(shadowText(el))![0];
    const read = await fetch(`${REAL_API}/consultations/${number}`, {
      headers: { authorization: `Bearer ${await staffToken()}` },
    });
    expect(read.status).to.equal(200);
    expect((await read.json()).uploadId).to.match(/^up/);
  });
});
