// <banshi-consult> against a scripted API: 我的咨询 for a person the page signed in (read, followed up and
// rated with the token alone), a file refused before upload, axe in both locales and elder mode, keyboard
// use and a 320 px column.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { components } from '@banshi/sdk';
import type { BanshiConsult } from './consult.js';
import './define.js';
import '../provider/define.js';
import { allInShadow, focusedInShadow, inShadow, shadowText } from '../test-support/helpers.js';

const TOKEN = 'id-token-zhangli';
const ITEM = '1115030201183506284200603001000';
type Consultation = components['schemas']['Consultation'];

const answered: Consultation = {
  number: 'ZX261207K3P9QW',
  itemCode: ITEM,
  itemName: '公共租赁住房资格申请',
  department: { id: '150302-zjj', name: '海勃湾区住房和城乡建设局' },
  question: '非本区户籍在本区工作三年，可以申请公租房吗？',
  askedAt: '2026-12-07T09:00:00+08:00',
  answerDue: '2026-12-08',
  state: 'answered',
  overdue: false,
  answer: {
    text: '可以，持居住证并连续缴纳社保满一年即可申请。',
    answeredAt: '2026-12-07T15:00:00+08:00',
    office: '海勃湾区住房和城乡建设局',
  },
  published: false,
};
const waiting: Consultation = {
  ...answered,
  number: 'ZX261205ABCDEF',
  question: '公租房申请需要提供哪些收入证明材料？',
  state: 'awaitingAnswer',
  overdue: true,
  answer: undefined,
};

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });

/** The server of a signed-in resident with two questions; records each request's path and headers. */
function scriptServer() {
  const original = window.fetch;
  const requests: { path: string; auth: string | null; code: string | null }[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const path = new URL(request.url).pathname.replace(/^\/api\/v1/, '');
    const auth = request.headers.get('authorization');
    requests.push({ path, auth, code: request.headers.get('x-query-code') });
    if (path === '/me/consultations')
      return auth === `Bearer ${TOKEN}`
        ? json({ items: [answered, waiting], nextCursor: null })
        : json({ title: 'x', status: 401 }, 401);
    if (path.endsWith('/follow-up'))
      return json({
        ...answered,
        state: 'awaitingFollowUpAnswer',
        followUp: {
          question: '社保缴费证明到哪里打印？',
          askedAt: answered.askedAt,
          answerDue: '2026-12-09',
        },
      });
    if (path === '/evaluations') return json({ id: 'ev-1', level: 'satisfied' }, 201);
    if (path === '/consultation-suggestions') return json({ items: [] });
    return json({ title: 'x', status: 404 }, 404);
  };
  return {
    requests,
    restore: () => {
      window.fetch = original;
    },
  };
}

async function consult(token?: string, lang = 'zh-CN', elder = false): Promise<BanshiConsult> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang} style="width: 320px">
      <banshi-provider api-base="/api/v1" .tokenProvider=${async () => token}>
        <banshi-consult item-code=${ITEM} ?elder=${elder}></banshi-consult>
      </banshi-provider>
    </div>`,
  );
  return wrapper.querySelector('banshi-consult')!;
}

const press = (el: Element, label: string) => {
  const button = allInShadow<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.trim() === label);
  if (!button) throw new Error(`no button ${label}`);
  button.click();
};

function choose(el: BanshiConsult, file: File): void {
  const input = inShadow<HTMLInputElement>(el, '#attachment');
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
}

describe('<banshi-consult> signed in, attachments, access', () => {
  let server: ReturnType<typeof scriptServer>;
  beforeEach(() => {
    server = scriptServer();
  });
  afterEach(() => server.restore());

  it('lists 我的咨询 for a signed-in resident, then reads, follows up and rates with the token alone', async () => {
    const el = await consult(TOKEN);
    await waitUntil(() => shadowText(el).includes('我的咨询') && shadowText(el).includes('已超期'));
    expect(shadowText(el)).to.include('已答复');
    expect(shadowText(el)).to.include('待答复');
    press(el, answered.question);
    await waitUntil(() => shadowText(el).includes('持居住证'));
    const followUp = inShadow<HTMLTextAreaElement>(el, '#followUp');
    followUp.value = '社保缴费证明到哪里打印？';
    press(el, '提交追问');
    await waitUntil(
      () => shadowText(el).includes('社保缴费证明到哪里打印？') && !el.shadowRoot!.querySelector('#followUp'),
    );
    inShadow<HTMLInputElement>(el, 'input[value=satisfied]').click();
    press(el, '提交评价');
    await waitUntil(() => shadowText(el).includes('感谢您的评价'));
    const own = server.requests.filter(
      (r) => r.path.startsWith('/consultations/') || r.path === '/evaluations',
    );
    expect(own.length).to.equal(2);
    for (const request of own) {
      expect(request.auth).to.equal(`Bearer ${TOKEN}`);
      expect(request.code).to.equal(null);
    }
  });

  it('shows no 我的咨询 and asks for nothing of it when nobody is signed in', async () => {
    const el = await consult(undefined);
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(shadowText(el)).not.to.include('我的咨询');
    expect(server.requests.some((r) => r.path === '/me/consultations')).to.equal(false);
  });

  it('refuses a file of the wrong type before uploading it, and will not send the question with it', async () => {
    const el = await consult(undefined);
    inShadow<HTMLTextAreaElement>(el, '#question').value = '非本区户籍在本区工作三年，可以申请公租房吗？';
    server.restore();
    const forms: string[] = [];
    const original = window.fetch;
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const path = new URL(new Request(input, init).url).pathname;
      forms.push(path);
      return json({ code: ITEM, definition: {}, session: { token: 'fs-1' } });
    };
    try {
      choose(el, new File(['GIF89a'], '照片.gif', { type: 'image/gif' }));
      await waitUntil(() => shadowText(el).includes('照片.gif 的类型不支持'));
      press(el, '提交咨询');
      await waitUntil(() => shadowText(el).includes('附件未能上传'));
      expect(inShadow<HTMLInputElement>(el, '#attachment').getAttribute('aria-invalid')).to.equal('true');
      expect(forms.some((path) => path.endsWith('/consultations'))).to.equal(false);
      expect(forms.some((path) => path.endsWith('/uploads'))).to.equal(false);
      press(el, '删除');
      await el.updateComplete;
      expect(shadowText(el)).not.to.include('照片.gif');
    } finally {
      window.fetch = original;
    }
  });

  it('passes axe in Chinese, English and elder mode, signed in, within a 320 px column', async () => {
    for (const [lang, elder] of [
      ['zh-CN', false],
      ['en', false],
      ['zh-CN', true],
    ] as const) {
      const el = await consult(TOKEN, lang, elder);
      await waitUntil(() => el.shadowRoot!.querySelector('.mine'));
      await expect(el).to.be.accessible();
      const base = inShadow(el, '[part=base]');
      expect(base.scrollWidth).to.be.at.most(320);
      if (elder) expect(inShadow(el, '[part=submit]').getBoundingClientRect().height).to.be.at.least(60);
    }
  });

  it('is used by keyboard alone: a short question is reported in a summary that takes focus', async () => {
    const el = await consult(undefined);
    inShadow<HTMLTextAreaElement>(el, '#question').focus();
    await sendKeys({ type: '能申请吗' });
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'Tab' });
    expect(focusedInShadow(el)?.getAttribute('part')).to.equal('submit');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadowText(el).includes('问题需要 10 到 500 个字'));
    expect(focusedInShadow(el)?.closest('[part=error-summary]')).to.not.equal(null);
    expect(inShadow<HTMLTextAreaElement>(el, '#question').value).to.equal('能申请吗');
  });
});
