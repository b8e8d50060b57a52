import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { isAborted, isNotFound, isServerAnswer } from '../base/api.js';
import { BanshiElement } from '../base/banshi-element.js';
import { baseStyles } from '../base/base.styles.js';
import { renderBadges } from '../item-common/badges.js';
import { itemStyles } from '../item-common/item.styles.js';
import { fillTemplate, situationToQuery } from '../item-common/situation-query.js';
import type { Item, SituationAnswers } from '../item-common/types.js';
import { loadConditions, type Conditions } from './conditions.js';
import './events.js';
import { renderGlance } from './glance-view.js';
import { guideStyles } from './guide.styles.js';
import { renderMaterials } from './materials-view.js';
import { guideMessages } from './messages.js';
import { guideAddress } from './print-alone.js';
import { renderContactBasisFaq, renderStepsFeesWindows } from './reference-view.js';
import { GUIDE_SECTIONS, type GuideSection } from './sections.js';
import { renderSituations, type SituationsView } from './situations-view.js';
import { StagedDraw } from './staged-draw.js';

type Phase = 'idle' | 'loading' | 'ready' | 'missing' | 'failed' | 'offline';
export { GUIDE_SECTIONS, type GuideSection } from './sections.js';
export { loadConditions, materialApplies } from './conditions.js';

/**
 * 我要看: the guide (办事指南) of one service item, in the order a resident reads it — at a glance,
 * situations (情形引导) that narrow the materials at once, materials, steps, fees, windows and hours,
 * consultation and complaints, legal bases, FAQs — with a printable 一次性告知单 of the chosen situation.
 *
 * Give it `item-code` to load the guide from the API (revalidated by ETag), or set the `item` property to
 * render a guide you already have (CMS pre-rendering). All server text is rendered as text.
 *
 * Deep links: `#guide-glance`, `#guide-situations`, `#guide-materials`, `#guide-steps`, `#guide-fees`,
 * `#guide-windows`, `#guide-contact`, `#guide-basis`, `#guide-faq` in the page URL scroll to that section.
 *
 * @tagname banshi-item-guide
 * @summary 办事指南: a service item's guide with situations, materials and a printable checklist.
 * @event {CustomEvent<Item>} banshi-guide-loaded - The guide is shown; `detail` is the item.
 * @event {CustomEvent<ItemApplyDetail>} banshi-apply - 在线办理 chosen (online depth Ⅲ or Ⅳ); `detail` is `{ itemCode, situation }`. Cancelable: cancel it to stop the widget following `apply-url`.
 * @event {CustomEvent<ItemApplyDetail>} banshi-appointment - 预约办理 chosen; cancelable like `banshi-apply`.
 * @event {CustomEvent<ItemApplyDetail>} banshi-situation-change - An answer to a situation question changed.
 * @csspart base - The outer box.
 * @csspart title - The item's name.
 * @csspart badges - The list of reform badges.
 * @csspart toc - The table of contents.
 * @csspart actions - The row of buttons (apply, appointment, print).
 * @csspart apply - The 在线办理 button.
 * @csspart section - Each section.
 * @csspart material - Each material.
 * @csspart notice - Loading, error and status messages.
 * @cssprop --banshi-item-accent - Colour of section rules and badges.
 * @cssprop --banshi-item-tag-background - Background of material tags.
 * @cssprop --banshi-guide-padding - Inner spacing of the widget.
 */
export class BanshiItemGuide extends BanshiElement {
  static override styles = [baseStyles, itemStyles, guideStyles];
  static override messages = guideMessages;

  /** 实施编码 of the item whose guide is shown. */
  @property({ attribute: 'item-code', reflect: true }) itemCode = '';
  /** The guide to show; set by the widget when it loads `item-code`, or by a site that already has it. */
  @property({ attribute: false }) item?: Item;
  /**
   * Where 在线办理 leads, e.g. `apply.html?code={code}&{situation}`. `{code}` is the item code,
   * `{situation}` the answers as `s.<id>=<option>` pairs, `{situationJson}` the answers as encoded JSON.
   * Without it the button only emits `banshi-apply`.
   */
  @property({ attribute: 'apply-url' }) applyUrl = '';
  /** Where 预约办理 leads (same placeholders); the button shows when this is set and the item supports appointments. */
  @property({ attribute: 'appointment-url' }) appointmentUrl = '';

  /** The chosen options, `{ [situationId]: optionId | optionId[] }`. Settable to preset answers. */
  @property({ attribute: false }) situation: SituationAnswers = {};

  @state() private phase: Phase = 'idle';
  /** Set when the API refused this page's origin (CORS): what to tell the person instead. */
  @state() private refusal?: string;
  @state() private conditions?: Conditions;
  /** Questions and answers staff published on the item (我要问), shown under 常见问题. */
  @state() private published: Item['faqs'] = [];

  /** Every section is laid out now, not only those near the screen: a jump lands where its section ends up. */
  @state() private laidOut = false;

  private request?: AbortController;
  /**
   * A guide first comes in five stages, a task each (header and facts at a glance; situations;
   * materials; steps, fees and windows; contacts, legal bases and FAQs): drawn at once, it blocked a
   * phone for a quarter of a second before a tap could be answered.
   */
  private readonly stages = new StagedDraw(this, 5);
  /**
   * The QR code renderer, a chunk of its own fetched when the checklist is printed; the sheet's date comes
   * with it, as a page's first date format costs tens of milliseconds (the locale's calendar data).
   */
  private qrCode?: typeof import('../qr/qr-code.js').renderQrCode;
  /** The item came from the API (and is reloaded when the language changes). */
  private fetched = false;
  private loadedLocale = '';
  private readonly onHash = (): void => this.jumpToHash();

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.onHash);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.onHash);
    this.request?.abort();
  }

  /** Settles once the whole guide is drawn, not only its first stage. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const complete = await super.getUpdateComplete();
    if (!this.stages.drawing) return complete;
    await this.stages.drawn;
    return super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('item') && this.item) {
      if (changed.get('item')?.code !== this.item.code && !changed.has('situation')) this.situation = {};
      if (!this.conditions && this.item.materials.some((material) => material.appliesWhen)) {
        void loadConditions().then((conditions) => (this.conditions = conditions));
      }
      if (!this.fetched) this.phase = 'ready';
    }
    if (
      (changed.has('itemCode') || changed.has('apiBase')) &&
      this.itemCode &&
      this.item?.code !== this.itemCode
    )
      void this.load();
    // A guide that comes on screen (not one that stays there while reloading) is drawn in stages.
    if ((changed as PropertyValues).has('phase') && this.phase === 'ready' && this.item) {
      void this.stages.start().then(() => {
        if (this.item) this.emit('banshi-guide-loaded', this.item);
        this.jumpToHash();
      });
    }
  }

  protected override contextChanged(): void {
    // Only a new language needs the guide again (its texts come in the request's language).
    if (this.fetched && this.locale !== this.loadedLocale) void this.load();
  }

  /** Loads (or reloads) the guide of `item-code`. */
  async load(): Promise<void> {
    this.request?.abort();
    const request = (this.request = new AbortController());
    const locale = this.locale;
    // A guide on screen stays there while the same item reloads (another language, a retry).
    if (this.item?.code !== this.itemCode || this.phase !== 'ready') this.phase = 'loading';
    try {
      const item = await this.api.items.get(this.itemCode, { signal: request.signal });
      if (item.materials.some((material) => material.appliesWhen)) this.conditions = await loadConditions();
      if (request.signal.aborted) return;
      this.fetched = true;
      this.loadedLocale = locale;
      this.item = item;
      this.refusal = undefined;
      this.phase = 'ready';
      void this.loadPublished(item.code);
    } catch (error) {
      if (request.signal.aborted || isAborted(error)) return;
      this.refusal = this.corsRefusal(error);
      this.phase = isNotFound(error) ? 'missing' : isServerAnswer(error) ? 'failed' : 'offline';
    }
  }

  /** The published answers, after the guide: the guide never waits for them, nor fails with them. */
  private async loadPublished(code: string): Promise<void> {
    try {
      this.published = (await this.api.consultations.published(code)).items;
    } catch {
      this.published = [];
    }
  }

  /** Scrolls to a section and moves focus to its heading, once the guide is drawn. */
  async showSection(section: GuideSection): Promise<void> {
    this.laidOut = true;
    await this.updateComplete;
    const heading = this.renderRoot.querySelector<HTMLElement>(`#guide-${section}`);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  }

  private jumpToHash(): void {
    const section = /^#guide-(\w+)$/.exec(location.hash)?.[1] as GuideSection | undefined;
    if (section && GUIDE_SECTIONS.includes(section)) void this.showSection(section);
  }

  private detail(): { itemCode: string; situation: SituationAnswers } {
    return { itemCode: this.item?.code ?? this.itemCode, situation: { ...this.situation } };
  }

  /** Emits the action's event and, unless a listener cancelled it, follows the site's URL template. */
  private act(type: 'banshi-apply' | 'banshi-appointment', template: string): void {
    const detail = this.detail();
    if (!this.emit(type, detail, true) || !template) return;
    location.assign(
      fillTemplate(
        template,
        {
          code: detail.itemCode,
          situation: situationToQuery(detail.situation),
          situationJson: JSON.stringify(detail.situation),
        },
        ['situation'],
      ),
    );
  }

  private answer(situationId: string, optionId: string, multiple: boolean, checked: boolean): void {
    const next = { ...this.situation };
    if (multiple) {
      const chosen = ([] as string[]).concat(next[situationId] ?? []).filter((id) => id !== optionId);
      if (checked) chosen.push(optionId);
      if (chosen.length) next[situationId] = chosen;
      else delete next[situationId];
    } else next[situationId] = optionId;
    this.situation = next;
    this.emit('banshi-situation-change', this.detail());
  }

  /** Prints the 一次性告知单 alone, with a QR code back to this guide and the chosen situations. */
  async printChecklist(): Promise<void> {
    if (!this.qrCode) {
      try {
        this.qrCode = (await import('../qr/qr-code.js')).renderQrCode;
        this.requestUpdate();
        await this.updateComplete;
      } catch {
        // Without the QR code the checklist still prints.
      }
    }
    // Printing alone is fetched on first use, like the QR code.
    (await import('../base/print-alone.js')).printAlone(this);
  }

  private situationsView(): SituationsView {
    return {
      msg: this.msg.bind(this),
      locale: this.locale,
      situation: this.situation,
      answer: (...args) => this.answer(...args),
      clear: () => this.clearAnswers(),
    };
  }

  private clearAnswers(): void {
    this.situation = {};
    this.emit('banshi-situation-change', this.detail());
  }

  protected override renderContent(): TemplateResult {
    const item = this.item;
    if (this.phase === 'ready' && item) return this.renderGuide(item);
    if (this.phase === 'missing' || this.phase === 'failed' || this.phase === 'offline') {
      return html`<div class="notice error-box" role="alert" part="notice">
        <p>${this.refusal ?? this.msg(`guide.${this.phase}`, { code: this.itemCode })}</p>
        <button type="button" @click=${() => void this.load()}>${this.msg('guide.retry')}</button>
      </div>`;
    }
    // The skeleton has the size of the header and the at-a-glance box, so nothing above the materials moves.
    return html`<div class="skeleton" aria-busy="true">
      <p class="sr-only" role="status" part="notice">${this.msg('guide.loading')}</p>
      <div class="bone title"></div>
      <div class="bone line"></div>
      <div class="bone box"></div>
    </div>`;
  }

  private renderGuide(item: Item): TemplateResult {
    const msg = this.msg.bind(this);
    const online = item.onlineDepth === 'III' || item.onlineDepth === 'IV';
    const sections = GUIDE_SECTIONS.filter((section) => section !== 'situations' || item.situations.length);
    return html`
      <header>
        <p class="print-only print-title">${msg('guide.printTitle')}</p>
        ${
          this.qrCode
            ? html`<div class="print-only print-qr">
                ${this.qrCode(guideAddress(location.href, this.situation), msg('guide.printQr'))}
                <p class="hint">
                  ${msg('guide.printQr')}
                  ${msg('guide.printed', {
                    date: new Date().toLocaleDateString(this.locale),
                  })}
                </p>
              </div>`
            : nothing
        }
        <h2 part="title" class="title">${item.name}</h2>
        ${renderBadges(item, msg)} ${item.summary ? html`<p class="text">${item.summary}</p>` : nothing}
      </header>
      <div class="actions" part="actions">
        ${
          online
            ? html`<button
                type="button"
                class="primary"
                part="apply"
                @click=${() => this.act('banshi-apply', this.applyUrl)}
              >
                ${msg('guide.apply')}
              </button>`
            : nothing
        }
        ${
          item.supports.appointment && this.appointmentUrl
            ? html`<button type="button" @click=${() => this.act('banshi-appointment', this.appointmentUrl)}>
                ${msg('guide.appointment')}
              </button>`
            : nothing
        }
        <button type="button" @click=${() => void this.printChecklist()}>${msg('guide.print')}</button>
      </div>
      <nav class="toc" part="toc" aria-label=${msg('guide.toc')}>
        <ul>
          ${sections.map(
            (section) =>
              html`<li>
                <a
                  href="#guide-${section}"
                  @click=${(event: Event) => {
                    event.preventDefault();
                    history.replaceState(history.state, '', `#guide-${section}`);
                    void this.showSection(section);
                  }}
                  >${msg(`guide.section.${section}`)}</a
                >
              </li>`,
          )}
        </ul>
      </nav>
      <div class=${this.laidOut ? 'sections laid-out' : 'sections'}>
        ${renderGlance(item, msg, this.locale)} ${this.renderLater(item)}
      </div>
    `;
  }

  /** The guide after its facts at a glance, as far as it is drawn; a screen's height holds the rest. */
  private renderLater(item: Item): TemplateResult {
    const msg = this.msg.bind(this);
    const stage = this.stages.stage;
    return html`${stage < 2 || !item.situations.length ? nothing : renderSituations(item, this.situationsView())}
    ${stage < 3 ? nothing : renderMaterials(item, this.situation, this.conditions, msg)}
    ${stage < 4 ? nothing : renderStepsFeesWindows(item, msg, this.locale)}
    ${stage < 5 ? nothing : renderContactBasisFaq(item, msg, this.published)}
    ${this.stages.drawing ? html`<div class="rest"></div>` : nothing}`;
  }
}
