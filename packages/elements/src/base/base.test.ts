import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { html as litHtml, type TemplateResult } from 'lit';
import { BanshiElement } from './banshi-element.js';
import { defineElement } from './define.js';
import { overrideMessages, registerLocale } from '../i18n/registry.js';
import '../provider/define.js';
import { linkThemeSheet } from '../test-support/helpers.js';

/** A minimal widget: shows a greeting in the current locale and the API base it would call. */
class TestGreeting extends BanshiElement {
  static override messages = {
    'zh-CN': { 'greeting.hello': '您好', 'greeting.named': '您好，{name}' },
    en: { 'greeting.hello': 'Hello', 'greeting.named': 'Hello, {name}' },
  };
  get apiBaseInEffect(): string | null {
    return this.setting('api-base');
  }
  get elderInEffect(): boolean {
    return this.elderMode;
  }
  protected override renderContent(): TemplateResult {
    return litHtml`<p>${this.msg('greeting.hello')}</p>`;
  }
}
defineElement('test-greeting', TestGreeting);

const text = (el: Element) => el.shadowRoot!.querySelector('p')!.textContent;

describe('guarded registration', () => {
  it('ignores a second registration of a tag and names both versions', () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      class SecondCopy extends TestGreeting {}
      expect(defineElement('test-greeting', SecondCopy)).to.equal(false);
      expect(customElements.get('test-greeting')).to.equal(TestGreeting);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('<test-greeting>').and.contain('0.1.0');
    } finally {
      console.warn = original;
    }
  });

  it('stays silent when the same class is defined twice (one bundle imported twice)', () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      expect(defineElement('test-greeting', TestGreeting)).to.equal(false);
      expect(warnings).to.deep.equal([]);
    } finally {
      console.warn = original;
    }
  });
});

describe('configuration', () => {
  afterEach(() => document.head.querySelectorAll('meta[name^="banshi:"]').forEach((m) => m.remove()));

  function addMeta(name: string, content: string) {
    const meta = document.createElement('meta');
    meta.name = name;
    meta.content = content;
    document.head.append(meta);
  }

  it('prefers the attribute, then the nearest provider, then the meta tag', async () => {
    addMeta('banshi:api-base', 'https://meta.example/api/v1');
    const outer = await fixture<HTMLElement>(html`
      <banshi-provider api-base="https://outer.example/api/v1">
        <banshi-provider api-base="https://inner.example/api/v1">
          <test-greeting id="own" api-base="https://own.example/api/v1"></test-greeting>
          <test-greeting id="inherited"></test-greeting>
        </banshi-provider>
      </banshi-provider>
    `);
    const own = outer.querySelector<TestGreeting>('#own')!;
    const inherited = outer.querySelector<TestGreeting>('#inherited')!;
    expect(own.apiBaseInEffect).to.equal('https://own.example/api/v1');
    expect(inherited.apiBaseInEffect).to.equal('https://inner.example/api/v1');

    const lone = await fixture<TestGreeting>(html`<test-greeting></test-greeting>`);
    expect(lone.apiBaseInEffect).to.equal('https://meta.example/api/v1');
  });

  it('finds a provider above a shadow root', async () => {
    const provider = await fixture<HTMLElement>(
      html`<banshi-provider api-base="/through-shadow"><div></div></banshi-provider>`,
    );
    const host = provider.querySelector('div')!;
    const shadow = host.attachShadow({ mode: 'open' });
    const widget = document.createElement('test-greeting') as TestGreeting;
    shadow.append(widget);
    expect(widget.apiBaseInEffect).to.equal('/through-shadow');
  });

  it('turns on elder mode from the provider or from <html data-banshi-elder>', async () => {
    const provider = await fixture<HTMLElement>(
      html`<banshi-provider elder><test-greeting></test-greeting></banshi-provider>`,
    );
    const widget = provider.querySelector<TestGreeting>('test-greeting')!;
    expect(widget.elderInEffect).to.equal(true);
    const plain = await fixture<TestGreeting>(html`<test-greeting></test-greeting>`);
    expect(plain.elderInEffect).to.equal(false);
    document.documentElement.setAttribute('data-banshi-elder', '');
    try {
      await waitUntil(
        () => plain.shadowRoot!.querySelector('.root.elder'),
        'elder class after the page switch',
      );
      const size = parseFloat(getComputedStyle(plain.shadowRoot!.querySelector('p')!).fontSize);
      expect(size).to.be.at.least(18);
    } finally {
      document.documentElement.removeAttribute('data-banshi-elder');
    }
  });
});

describe('locale', () => {
  it('defaults to zh-CN and follows the nearest lang across shadow roots', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="en"><div id="host"></div></div>`);
    const host = wrapper.querySelector('#host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    const widget = document.createElement('test-greeting') as TestGreeting;
    shadow.append(widget);
    await widget.updateComplete;
    expect(text(widget)).to.equal('Hello');

    const chinese = await fixture<TestGreeting>(html`<div><test-greeting></test-greeting></div>`);
    const zh = chinese.querySelector<TestGreeting>('test-greeting')!;
    await zh.updateComplete;
    if (!document.documentElement.lang) expect(text(zh)).to.equal('您好');
  });

  it('switches when lang changes on an ancestor', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<section lang="zh-CN">
        <div><test-greeting></test-greeting></div>
      </section>`,
    );
    const widget = wrapper.querySelector<TestGreeting>('test-greeting')!;
    await widget.updateComplete;
    expect(text(widget)).to.equal('您好');
    wrapper.setAttribute('lang', 'en-GB');
    await waitUntil(() => text(widget) === 'Hello', 'English after lang="en-GB"');
    wrapper.querySelector('div')!.setAttribute('lang', 'zh');
    await waitUntil(() => text(widget) === '您好', 'Chinese after lang="zh" nearer');
  });

  it('uses registered locales and single overrides, falling back key by key', async () => {
    registerLocale('zh-HK', { 'greeting.hello': '你好（香港）' });
    overrideMessages('en-AU', { 'greeting.hello': "G'day" });
    const wrapper = await fixture<HTMLElement>(html`
      <div>
        <p lang="zh-HK"><test-greeting></test-greeting></p>
        <p lang="en-AU"><test-greeting></test-greeting></p>
      </div>
    `);
    const [hk, au] = Array.from(wrapper.querySelectorAll<TestGreeting>('test-greeting'));
    await nextFrame();
    expect(text(hk!)).to.equal('你好（香港）');
    expect(hk!.locale).to.equal('zh-hk');
    expect(text(au!)).to.equal("G'day");
  });
});

describe('theme', () => {
  it('applies a district theme from the provider attribute and from the class in the CSS file alike', async () => {
    const link = await linkThemeSheet();
    const page = await fixture<HTMLElement>(html`
      <div>
        <banshi-provider theme="haibowan"><test-greeting id="by-provider"></test-greeting></banshi-provider>
        <div class="banshi-theme-haibowan"><test-greeting id="by-class"></test-greeting></div>
        <test-greeting id="plain"></test-greeting>
      </div>
    `);
    const primary = (id: string) =>
      getComputedStyle(page.querySelector(`#${id}`)!.shadowRoot!.querySelector('.root')!)
        .getPropertyValue('--_primary')
        .trim();
    await nextFrame();
    expect(primary('by-provider')).to.equal('#b0212b');
    expect(primary('by-class')).to.equal('#b0212b');
    expect(primary('plain')).to.not.equal('#b0212b');
    const own = await fixture<TestGreeting>(html`<test-greeting theme="baotou"></test-greeting>`);
    expect(
      getComputedStyle(own.shadowRoot!.querySelector('.root')!).getPropertyValue('--_primary').trim(),
    ).to.equal('#0b57a4');
    link.remove();
  });
});

describe('events', () => {
  it('dispatches composed, bubbling events that reach the document', async () => {
    const widget = await fixture<TestGreeting>(html`<test-greeting></test-greeting>`);
    const heard = new Promise<Event>((resolve) =>
      document.addEventListener('banshi-test', resolve, { once: true }),
    );
    (widget as unknown as { emit(type: string, detail: unknown): boolean }).emit('banshi-test', { ok: true });
    const event = (await heard) as CustomEvent<{ ok: boolean }>;
    expect(event.composed).to.equal(true);
    expect(event.detail.ok).to.equal(true);
  });
});
