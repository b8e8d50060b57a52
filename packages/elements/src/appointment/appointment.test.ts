// <banshi-appointment> against a scripted API: choosing by keyboard, the SMS code, a slot taken meanwhile,
// the booking shown with its QR code, the kiosk's ticket; axe in both locales and elder mode, 320 px.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { BanshiAppointment } from './appointment.js';
import './define.js';
import '../provider/define.js';
import { sampleBooked, sampleCalendar } from './sample-slots.js';
import { allInShadow, focusedInShadow, inShadow, shadowText } from '../test-support/helpers.js';

type Reply = { status: number; body: unknown };
const json = ({ status, body }: Reply) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });

/** Answers the widget's calls by path until restored; records each request's path and body. */
function scriptedApi(replies: Record<string, Reply[]>) {
  const original = window.fetch;
  const calls: { path: string; body: unknown }[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const path = new URL(request.url).pathname.replace(/^\/api\/v1/, '');
    const text = request.method === 'GET' ? '' : await request.text();
    calls.push({ path, body: text ? JSON.parse(text) : undefined });
    const queue = replies[path] ?? [];
    return json(queue.length > 1 ? queue.shift()! : (queue[0] ?? { status: 404, body: {} }));
  };
  return {
    calls,
    restore: () => {
      window.fetch = original;
    },
  };
}

async function shown(lang = 'zh-CN', elder = false): Promise<BanshiAppointment> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}>
      <banshi-appointment
        api-base="/api/v1"
        item-code="11150302MB154687214000105012000"
        ?elder=${elder}
      ></banshi-appointment>
    </div>`,
  );
  const el = wrapper.querySelector('banshi-appointment')!;
  await waitUntil(() => el.shadowRoot!.querySelector('form'), 'slots shown');
  return el;
}

describe('<banshi-appointment>', () => {
  let api: ReturnType<typeof scriptedApi>;
  beforeEach(() => {
    api = scriptedApi({ '/appointment-slots': [{ status: 200, body: sampleCalendar }] });
  });
  afterEach(() => {
    api.restore();
  });

  it('shows the open days, a closed weekend and full slots as unavailable, and passes axe', async () => {
    const el = await shown();
    expect(shadowText(el)).to.contain('A12 住房保障综合窗口');
    const days = allInShadow<HTMLInputElement>(el, 'input[name=day]');
    expect(days.map((d) => d.disabled)).to.deep.equal([false, true, false]);
    expect(shadowText(el)).to.contain('2026-12-12（休息日）');
    const slots = allInShadow<HTMLInputElement>(el, 'input[name=slot]');
    expect(slots.map((s) => s.disabled)).to.deep.equal([false, true]);
    expect(shadowText(el)).to.contain('09:30 已约满');
    await expect(el).to.be.accessible();
  });

  it('passes axe in English and in elder mode, with 60 px targets', async () => {
    const en = await shown('en');
    expect(shadowText(en)).to.contain('Choose a time');
    await expect(en).to.be.accessible();
    const elder = await shown('zh-CN', true);
    await expect(elder).to.be.accessible();
    const button = inShadow(elder, '[part=submit]');
    expect(button.getBoundingClientRect().height).to.be.at.least(60);
  });

  it('books by keyboard alone: day, time, name, mobile, code, and shows the QR code as an image', async () => {
    api.restore();
    api = scriptedApi({
      '/appointment-slots': [{ status: 200, body: sampleCalendar }],
      '/appointment-verifications': [{ status: 202, body: { mobile: '139****2345', expiresInSeconds: 600 } }],
      '/appointments': [{ status: 201, body: sampleBooked }],
    });
    const el = await shown();
    inShadow<HTMLInputElement>(el, 'input[name=day]').focus();
    await sendKeys({ press: 'Tab' });
    expect((focusedInShadow(el) as HTMLInputElement).value).to.equal('09:00');
    await sendKeys({ press: ' ' }); // the space bar, by a name every driver knows
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '张丽' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '13947312345' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadowText(el).includes('验证码已发送至 139****2345'), 'code sent');
    inShadow(el, '#code').focus();
    await sendKeys({ type: '482913' });
    const booked = oneEvent(el, 'banshi-appointment-booked');
    await sendKeys({ press: 'Enter' });
    expect((await booked).detail.number).to.equal('YY261211K3P9QW');
    const sent = api.calls.find((c) => c.path === '/appointments')!.body;
    expect(sent).to.deep.equal({
      itemCode: '11150302MB154687214000105012000',
      day: '2026-12-11',
      start: '09:00',
      booker: { name: '张丽', mobile: '13947312345', verificationCode: '482913' },
    });
    await el.updateComplete;
    expect(shadowText(el)).to.contain('4KQ7WDX3');
    const qr = inShadow<HTMLImageElement>(el, 'img.qr');
    expect(qr.src).to.match(/^data:image\/svg\+xml/);
    expect(qr.alt).to.contain('4KQ7WDX3');
    expect(el.shadowRoot!.querySelector('svg'), 'the SVG is never markup in the widget').to.equal(null);
    expect((window as { hacked?: number }).hacked).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('books signed in as the resident the page signed in, asking no name, mobile or SMS code', async () => {
    api.restore();
    let auth: string | null = null;
    api = scriptedApi({
      '/appointment-slots': [{ status: 200, body: sampleCalendar }],
      '/appointments': [{ status: 201, body: sampleBooked }],
    });
    const scripted = window.fetch;
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(input, init);
      if (request.method === 'POST') auth = request.headers.get('authorization');
      return scripted(request);
    };
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="zh-CN">
        <banshi-provider api-base="/api/v1" .tokenProvider=${async () => 'id-token-zhangli'}>
          <banshi-appointment item-code="11150302MB154687214000105012000"></banshi-appointment>
        </banshi-provider>
      </div>`,
    );
    const el = wrapper.querySelector('banshi-appointment')!;
    await waitUntil(() => shadowText(el).includes('您已登录'), 'signed in');
    expect(el.shadowRoot!.querySelector('#name, #mobile, #code')).to.equal(null);
    inShadow<HTMLInputElement>(el, 'input[name=slot]:not([disabled])').click();
    const booked = oneEvent(el, 'banshi-appointment-booked');
    inShadow<HTMLButtonElement>(el, '[part=submit]').click();
    await booked;
    const sent = api.calls.find((c) => c.path === '/appointments')!.body as Record<string, unknown>;
    expect(sent).to.not.have.property('booker');
    expect(auth).to.equal('Bearer id-token-zhangli');
    expect(api.calls.some((c) => c.path === '/appointment-verifications')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('says what is missing in an error summary that takes focus, and keeps what was typed', async () => {
    const el = await shown();
    inShadow<HTMLInputElement>(el, '#name').value = '张丽';
    inShadow<HTMLInputElement>(el, '#mobile').value = '1394731';
    inShadow(el, '[part=submit]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('#errors'), 'summary');
    const summary = inShadow(el, '#errors');
    expect(focusedInShadow(el)).to.equal(summary);
    expect(summary.textContent).to.contain('请选择预约时段');
    expect(summary.textContent).to.contain('请填写 11 位手机号码');
    expect(summary.textContent).to.contain('请填写 6 位短信验证码');
    expect(inShadow<HTMLInputElement>(el, '#name').value).to.equal('张丽');
    expect(inShadow(el, '#mobile').getAttribute('aria-invalid')).to.equal('true');
  });

  it('offers the next free slots when the chosen one was taken meanwhile', async () => {
    api.restore();
    api = scriptedApi({
      '/appointment-slots': [{ status: 200, body: sampleCalendar }],
      '/appointments': [
        {
          status: 409,
          body: {
            type: 'urn:banshi:problem:slot-full',
            title: '与当前状态冲突',
            status: 409,
            code: 'slot_full',
            detail: '该时段已约满，请选择其他时段。',
            nextFreeSlots: [sampleCalendar.days[2]!.slots[1]],
          },
        },
      ],
    });
    const el = await shown();
    inShadow<HTMLInputElement>(el, 'input[name=slot]').click();
    inShadow<HTMLInputElement>(el, '#name').value = '张丽';
    inShadow<HTMLInputElement>(el, '#mobile').value = '13947312345';
    inShadow<HTMLInputElement>(el, '#code').value = '482913';
    inShadow(el, '[part=submit]').click();
    await waitUntil(() => shadowText(el).includes('以下时段还有空位'), 'alternatives');
    expect(shadowText(el)).to.contain('该时段已约满');
    const offer = allInShadow<HTMLButtonElement>(el, 'button').find((b) =>
      b.textContent!.includes('2026-12-14 09:30'),
    )!;
    offer.click();
    await el.updateComplete;
    const chosen = allInShadow<HTMLInputElement>(el, 'input[name=slot]').find((s) => s.checked)!;
    expect(chosen.value).to.equal('09:30');
  });

  it('fits a 320 px column in elder mode without sideways scrolling', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="zh-CN" style="width: 320px">
        <banshi-appointment api-base="/api/v1" item-code="11150302MB154687214000105012000" elder>
        </banshi-appointment>
      </div>`,
    );
    const el = wrapper.querySelector('banshi-appointment')!;
    await waitUntil(() => el.shadowRoot!.querySelector('form'), 'slots shown');
    const base = el.shadowRoot!.querySelector<HTMLElement>('[part=base]')!;
    expect(base.scrollWidth).to.be.at.most(320);
    expect(el.getBoundingClientRect().width).to.be.at.most(320);
  });
});

describe('<banshi-appointment kiosk>', () => {
  it('turns a typed check-in code into a large queue ticket', async () => {
    const api = scriptedApi({
      '/appointment-check-ins': [
        {
          status: 200,
          body: {
            ticket: 'A12-Y003',
            windowGroup: 'A12',
            windowName: 'A12 住房保障综合窗口',
            itemName: '公共租赁住房申请',
            appointmentNumber: 'YY261211K3P9QW',
            state: 'checkedIn',
            waitingAhead: 2,
          },
        },
      ],
    });
    try {
      const el = await fixture<BanshiAppointment>(
        html`<banshi-appointment api-base="/api/v1" kiosk></banshi-appointment>`,
      );
      inShadow(el, '#checkin').focus();
      await sendKeys({ type: '4kq7-wdx3' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => el.shadowRoot!.querySelector('[part=ticket]'), 'ticket shown');
      expect(api.calls.at(-1)!.body).to.deep.equal({ code: '4kq7wdx3' });
      const ticket = inShadow(el, '[part=ticket]');
      expect(ticket.textContent).to.equal('A12-Y003');
      expect(parseFloat(getComputedStyle(ticket).fontSize)).to.be.at.least(48);
      expect(shadowText(el)).to.contain('前面还有 2 人');
      await expect(el).to.be.accessible();
    } finally {
      api.restore();
    }
  });
});
