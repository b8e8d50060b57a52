// <banshi-item-guide> rendering a guide handed to its `item` property: the seed catalogue's own item data,
// fetched as a file (no API involved), and a copy of it filled with hostile strings.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { Item } from '../item-common/types.js';
import { allInShadow, focusedInShadow, inShadow, shadowText } from '../test-support/helpers.js';
import './define.js';
import { loadConditions, type BanshiItemGuide } from './guide.js';

/** Strings that would run script if they were ever parsed as HTML or followed as links. */
const XSS_CORPUS = [
  '<script>window.__banshiXss++</script>',
  '<img src=x onerror="window.__banshiXss++">',
  '"><svg onload=window.__banshiXss++>',
  "'><iframe srcdoc='<script>parent.__banshiXss++</script>'></iframe>",
  '<a href="javascript:window.__banshiXss++">点我</a>',
  '<details open ontoggle=window.__banshiXss++>',
  '${window.__banshiXss++}{{constructor.constructor("window.__banshiXss++")()}}',
  '&lt;img src=x onerror=window.__banshiXss++&gt;',
  '<style>*{display:none!important}</style>',
  '\u202e<math><mtext><table><mglyph><style><img src=x onerror=window.__banshiXss++>',
];
const XSS_URLS = [
  'javascript:window.__banshiXss++',
  ' java\nscript:window.__banshiXss++',
  'JaVaScRiPt:window.__banshiXss++',
  'data:text/html,<script>parent.__banshiXss++</script>',
  'vbscript:msgbox(1)',
];
const TEXT_KEYS = new Set(
  'name question label hint summary notes issuedBy standard basis reductionNote address hours phone hallName title description stage article text answer value eLicence'.split(
    ' ',
  ),
);
const URL_KEYS = new Set(['blankFormUrl', 'sampleUrl']);

/** The item with every text replaced by a hostile string and every link by a script URL. */
function hostileItem(item: Item): Item {
  let n = 0;
  const walk = (value: unknown, key = ''): unknown => {
    if (URL_KEYS.has(key)) return XSS_URLS[n++ % XSS_URLS.length];
    if (typeof value === 'string')
      return TEXT_KEYS.has(key) || key === 'conditions' || key === 'aliases'
        ? XSS_CORPUS[n++ % XSS_CORPUS.length]
        : value;
    if (Array.isArray(value)) return value.map((entry) => walk(entry, key));
    if (value && typeof value === 'object' && key !== 'appliesWhen')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  const hostile = walk(item) as Item;
  hostile.name = XSS_CORPUS[0]!;
  hostile.consultation = [
    ...hostile.consultation,
    ...XSS_URLS.map((value) => ({ kind: 'web' as const, value, label: XSS_CORPUS[1]! })),
  ];
  hostile.result = { name: XSS_CORPUS[2]!, kind: 'licence', sampleUrl: XSS_URLS[0] };
  hostile.materials = hostile.materials.map((material, index) => ({
    ...material,
    blankFormUrl: XSS_URLS[index % XSS_URLS.length],
    sampleUrl: XSS_URLS[(index + 1) % XSS_URLS.length],
  }));
  return hostile;
}

const SEED = '/packages/server/demo-catalogue/items/';
const seedItem = async (file: string): Promise<Item> =>
  (await (await fetch(`${SEED}${file}.json`)).json()) as Item;

const materialIds = (el: BanshiItemGuide) =>
  allInShadow(el, '[part=material]').map((li) => li.dataset.material);
const sectionTitles = (el: BanshiItemGuide) =>
  allInShadow(el, 'section > h3').map((h) => h.textContent?.trim());

async function guide(item: Item, attrs: { lang?: string; elder?: boolean; theme?: string } = {}) {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${attrs.lang ?? 'zh-CN'}>
      <banshi-item-guide .item=${item} ?elder=${attrs.elder} theme=${attrs.theme ?? ''}></banshi-item-guide>
    </div>`,
  );
  const el = wrapper.querySelector('banshi-item-guide')!;
  // Materials with conditions wait for the forms engine, loaded on first use.
  await loadConditions();
  await el.updateComplete;
  return el;
}

async function choose(el: BanshiItemGuide, situation: string, option: string) {
  inShadow<HTMLInputElement>(el, `input[name=situation-${situation}][value=${option}]`).click();
  await el.updateComplete;
}

describe('<banshi-item-guide> with item data', () => {
  let rental: Item;
  before(async () => {
    rental = await seedItem('150302-public-rental-housing');
  });
  let printing = false;
  afterEach(async () => {
    if (printing) await emulateMedia({ media: 'screen' });
    printing = false;
  });

  it('shows every standard element in the order a resident reads it', async () => {
    const el = await guide(rental);
    expect(inShadow(el, '[part=title]').textContent).to.equal('公共租赁住房申请');
    expect(sectionTitles(el)).to.deep.equal([
      '办理概要',
      '情形引导',
      '申请材料',
      '办理流程',
      '收费标准',
      '办理地点和时间',
      '咨询和投诉',
      '设定依据',
      '常见问题',
    ]);
    const text = shadowText(el);
    for (const expected of [
      '承诺办结时限',
      `${rental.promisedTimeLimit.value} 个工作日`,
      '零跑腿',
      '不收费',
      'Ⅳ级 全程网办',
      rental.windows[0]!.address,
      rental.windows[0]!.hours,
      rental.steps[0]!.title,
      rental.legalBases[0]!.name,
      rental.faqs[0]!.question,
      rental.complaint[0]!.value,
    ]) {
      expect(text).to.include(expected);
    }
    expect(allInShadow(el, '[part=badges] li').map((li) => li.textContent)).to.include('全程网办');
  });

  it('narrows the materials at once as the situation questions are answered', async () => {
    const el = await guide(rental);
    // Unanswered: the conditional materials are listed and marked as depending on the situation.
    expect(materialIds(el)).to.include.members(['residence-permit', 'marriage', 'disability-card']);
    expect(shadowText(el)).to.include('另有 3 项视情形而定');

    await choose(el, 'hukou', 'local');
    expect(materialIds(el)).not.to.include('residence-permit');
    await choose(el, 'hukou', 'nonlocal');
    expect(materialIds(el)).to.include('residence-permit');
    await choose(el, 'household', 'single');
    await choose(el, 'disability', 'no');
    expect(materialIds(el)).to.deep.equal([
      'hukou-book',
      'residence-permit',
      'income-proof',
      'labour-contract',
    ]);
    expect(inShadow(el, '.count').textContent).to.include('需要准备 4 项材料');
    expect(el.situation).to.deep.equal({ hukou: 'nonlocal', household: 'single', disability: 'no' });

    const material = (id: string) => inShadow(el, `[data-material=${id}]`).textContent!;
    expect(material('hukou-book')).to.include('可调用电子证照，免提交');
    expect(material('labour-contract')).to.include('容缺后补');
    expect(material('income-proof')).to.include('原件 1 份，复印件 0 份');

    inShadow<HTMLButtonElement>(el, '.s-situations button').click();
    await el.updateComplete;
    expect(el.situation).to.deep.equal({});
    expect(materialIds(el)).to.include('disability-card');
  });

  it('hands the answers to the application form with banshi-apply', async () => {
    const el = await guide(rental);
    await choose(el, 'household', 'family');
    el.applyUrl = 'apply.html?code={code}&{situation}';
    await el.updateComplete;
    // A listener that cancels the event keeps the page here (the test page must not navigate).
    el.addEventListener('banshi-apply', (event) => event.preventDefault());
    setTimeout(() => inShadow<HTMLButtonElement>(el, '[part=apply]').click());
    const { detail } = await oneEvent(el, 'banshi-apply');
    expect(detail).to.deep.equal({ itemCode: rental.code, situation: { household: 'family' } });
  });

  it('offers 在线办理 only for online depth III and IV, and 预约办理 when appointments are supported and the site has a booking page', async () => {
    const el = await guide({
      ...rental,
      onlineDepth: 'II',
      supports: { ...rental.supports, appointment: true },
    });
    expect(allInShadow(el, '[part=apply]')).to.have.length(0);
    expect(shadowText(el)).not.to.include('预约办理');
    el.appointmentUrl = '/booking?code={code}';
    await el.updateComplete;
    expect(shadowText(el)).to.include('预约办理');
    el.item = { ...rental, onlineDepth: 'III', supports: { ...rental.supports, appointment: false } };
    await el.updateComplete;
    expect(allInShadow(el, '[part=apply]')).to.have.length(1);
    expect(shadowText(el)).not.to.include('预约办理');
  });

  it('can be used with the keyboard alone: situations, contents links and apply', async () => {
    const el = await guide(rental);
    inShadow<HTMLButtonElement>(el, '[part=apply]').focus();
    let applied = 0;
    el.addEventListener('banshi-apply', (event) => (event.preventDefault(), applied++));
    await sendKeys({ press: 'Enter' });
    expect(applied).to.equal(1);

    // Tab through the actions into the contents, and follow the link to the materials.
    const links = allInShadow<HTMLAnchorElement>(el, '[part=toc] a');
    const materialsLink = links.findIndex((link) => link.hash === '#guide-materials');
    links[0]!.focus();
    for (let i = 0; i < materialsLink; i++) await sendKeys({ press: 'Tab' });
    expect(focusedInShadow(el)).to.equal(links[materialsLink]);
    await sendKeys({ press: 'Enter' });
    expect(focusedInShadow(el)?.id).to.equal('guide-materials');
    expect(location.hash).to.equal('#guide-materials');
    history.replaceState(null, '', location.pathname + location.search);

    // A radio group: Tab into it, arrows choose.
    inShadow<HTMLInputElement>(el, 'input[name=situation-hukou][value=local]').focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.situation.hukou).to.equal('nonlocal');
    await sendKeys({ press: 'Tab' });
    expect((focusedInShadow(el) as HTMLInputElement).name).to.equal('situation-household');
    await sendKeys({ press: ' ' }); // the space bar, by a name every driver knows
    await el.updateComplete;
    expect(el.situation.household).to.equal('single');
  });

  it('prints a one-page 一次性告知单 of the chosen situation', async function () {
    const el = await guide(rental);
    await choose(el, 'hukou', 'local');
    el.style.width = '190mm'; // the printable width of A4
    try {
      await emulateMedia({ media: 'print' });
      printing = true;
    } catch {
      // Only Chromium's DevTools protocol switches a page to print media; WebDriver (Firefox, WebKit) cannot.
      (this as { skip(): void }).skip();
    }
    const visible = (selector: string) =>
      allInShadow(el, selector).some((node) => getComputedStyle(node).display !== 'none');
    expect(visible('.print-title'), 'print title').to.equal(true);
    expect(visible('[part=actions]'), 'buttons').to.equal(false);
    expect(visible('[part=toc]'), 'contents').to.equal(false);
    expect(visible('fieldset'), 'questions').to.equal(false);
    expect(visible('.s-steps'), 'steps').to.equal(false);
    expect(visible('.s-faq'), 'FAQs').to.equal(false);
    expect(visible('.materials'), 'materials').to.equal(true);
    expect(visible('.s-windows'), 'windows').to.equal(true);
    expect(inShadow(el, '.chosen').textContent).to.include('申请人户籍是否在本区？ 本区户籍');
    expect(materialIds(el)).not.to.include('residence-permit');
    // The whole checklist fits the printable height of one A4 page (277 mm).
    const a4 = document.createElement('div');
    a4.style.height = '277mm';
    document.body.append(a4);
    expect(el.getBoundingClientRect().height).to.be.below(a4.getBoundingClientRect().height);
    a4.remove();
  });

  it('scrolls to and focuses the section named in the page URL', async () => {
    history.replaceState(null, '', '#guide-fees');
    try {
      const el = await guide(rental);
      await waitUntil(() => focusedInShadow(el)?.id === 'guide-fees', 'fees heading focused');
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });

  it('shows a 一件事 bundle with its member items, fees with amounts, and mutiple-choice situations', async () => {
    const bundle = await seedItem('150302-company-opening');
    const el = await guide({
      ...bundle,
      fees: [
        {
          name: '工本费',
          amount: 2000,
          standard: '每证 20 元',
          reducible: true,
          reductionNote: '低保对象免收',
        },
      ],
      situations: [
        {
          id: 'extras',
          question: '还需要办理哪些？',
          multiple: true,
          options: [
            { id: 'seal', label: '刻制公章' },
            { id: 'invoice', label: '申领发票' },
          ],
        },
      ],
    });
    expect(shadowText(el)).to.include('一件事');
    expect(shadowText(el)).to.include(bundle.bundleMembers[0]!.name);
    expect(shadowText(el)).to.match(/¥20\.00/);
    await choose(el, 'extras', 'seal');
    await choose(el, 'extras', 'invoice');
    expect(el.situation).to.deep.equal({ extras: ['seal', 'invoice'] });
    await choose(el, 'extras', 'seal');
    expect(el.situation).to.deep.equal({ extras: ['invoice'] });
  });

  for (const mode of [
    { name: 'zh-CN', lang: 'zh-CN' },
    { name: 'en', lang: 'en' },
    { name: 'elder mode', lang: 'zh-CN', elder: true },
    { name: 'the Baotou theme, en, elder', lang: 'en', elder: true, theme: 'baotou' },
    { name: 'the Haibowan theme', lang: 'zh-CN', theme: 'haibowan' },
  ]) {
    it(`is accessible in ${mode.name}`, async () => {
      const el = await guide(rental, mode);
      await choose(el, 'hukou', 'nonlocal');
      if (mode.lang === 'en') expect(shadowText(el)).to.include('Documents to bring');
      await expect(el).to.be.accessible();
    });
  }

  it('executes nothing from a guide full of hostile strings', async () => {
    const globals = window as unknown as { __banshiXss?: number };
    globals.__banshiXss = 0;
    const el = await guide(hostileItem(rental));
    await choose(el, 'hukou', 'local');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(globals.__banshiXss, 'a hostile string ran').to.equal(0);
    const root = el.shadowRoot!;
    expect(
      root.querySelectorAll('script, img, iframe, svg, object, embed, style:not([data-lit])').length,
    ).to.equal(0);
    for (const link of root.querySelectorAll('a')) {
      expect(link.getAttribute('href')!.replace(/\s/g, '').toLowerCase()).not.to.match(
        /^(javascript|data|vbscript):/,
      );
    }
    for (const node of root.querySelectorAll('*')) {
      for (const attribute of node.getAttributeNames()) expect(attribute).not.to.match(/^on/);
    }
    // The strings are shown, as text.
    expect(shadowText(el)).to.include(XSS_CORPUS[0]!);
  });
});
