import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { isAborted, isNotFound, isServerAnswer } from '../base/api.js';
import { BanshiElement } from '../base/banshi-element.js';
import { baseStyles } from '../base/base.styles.js';
import { formatLimit, renderBadges } from '../item-common/badges.js';
import { itemStyles } from '../item-common/item.styles.js';
import { fillTemplate, safeHref, situationToQuery } from '../item-common/situation-query.js';
import type { ContactChannel, Item, ItemMaterial, SituationAnswers } from '../item-common/types.js';
import './events.js';
import { guideStyles } from './guide.styles.js';
import { guideMessages } from './messages.js';

type Phase = 'idle' | 'loading' | 'ready' | 'missing' | 'failed' | 'offline';
type Conditions = Pick<typeof import('@banshi/sdk/forms'), 'holds' | 'scopeValue'>;

/** The sections of a guide, in reading order; `#guide-<id>` links to one. */
export const GUIDE_SECTIONS = [
  'glance',
  'situations',
  'materials',
  'steps',
  'fees',
  'windows',
  'contact',
  'basis',
  'faq',
] as const;
export type GuideSection = (typeof GUIDE_SECTIONS)[number];

/**
 * Whether a material applies: `true`, `false`, or `undefined` while the question it depends on is
 * unanswered. Conditions are judged by `@banshi/sdk/forms`, exactly as the application form judges them.
 */
export function materialApplies(
  material: ItemMaterial,
  situation: SituationAnswers,
  conditions: Conditions | undefined,
): boolean | undefined {
  const condition = material.appliesWhen;
  if (!condition) return true;
  if (!conditions || conditions.scopeValue(condition.scope, { situation }) === undefined) return undefined;
  return conditions.holds(condition, { situation });
}

let conditionsModule: Promise<Conditions> | undefined;
/**
 * The condition checks of the forms engine (`@banshi/sdk/forms`, about 7 KB gzip with its validator),
 * loaded on first use: only guides whose materials have conditions need them.
 */
export const loadConditions = (): Promise<Conditions> =>
  // Destructured, so that a bundle keeps these two and what they use, not the rest of the engine.
  (conditionsModule ??= import('@banshi/sdk/forms').then(({ holds, scopeValue }) => ({ holds, scopeValue })));

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
  @state() private conditions?: Conditions;

  private request?: AbortController;
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
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('phase') && this.phase === 'ready' && this.item) {
      this.emit('banshi-guide-loaded', this.item);
      this.jumpToHash();
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
      this.phase = 'ready';
    } catch (error) {
      if (request.signal.aborted || isAborted(error)) return;
      this.phase = isNotFound(error) ? 'missing' : isServerAnswer(error) ? 'failed' : 'offline';
    }
  }

  /** Scrolls to a section and moves focus to its heading. */
  showSection(section: GuideSection): void {
    const heading = this.renderRoot.querySelector<HTMLElement>(`#guide-${section}`);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  }

  private jumpToHash(): void {
    const section = /^#guide-(\w+)$/.exec(location.hash)?.[1] as GuideSection | undefined;
    if (section && GUIDE_SECTIONS.includes(section))
      void this.updateComplete.then(() => this.showSection(section));
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

  private clearAnswers(): void {
    this.situation = {};
    this.emit('banshi-situation-change', this.detail());
  }

  protected override renderContent(): TemplateResult {
    const item = this.item;
    if (this.phase === 'ready' && item) return this.renderGuide(item);
    if (this.phase === 'missing' || this.phase === 'failed' || this.phase === 'offline') {
      return html`<div class="notice error-box" role="alert" part="notice">
        <p>${this.msg(`guide.${this.phase}`, { code: this.itemCode })}</p>
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
        <button type="button" @click=${() => print()}>${msg('guide.print')}</button>
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
                    this.showSection(section);
                  }}
                  >${msg(`guide.section.${section}`)}</a
                >
              </li>`,
          )}
        </ul>
      </nav>
      ${this.renderGlance(item)} ${item.situations.length ? this.renderSituations(item) : nothing}
      ${this.renderMaterials(item)}
      ${this.section(
        'steps',
        html`<ol class="steps">
          ${item.steps.map(
            (step) =>
              html`<li>
                <strong>${step.title}</strong
                >${step.stage ? html` <span class="tag">${step.stage}</span>` : nothing}
                ${step.description ? html`<p class="text">${step.description}</p>` : nothing}
                ${
                  step.timeLimit
                    ? html`<p class="hint">
                        ${msg('guide.step.limit', { limit: formatLimit(step.timeLimit, msg) })}
                      </p>`
                    : nothing
                }
              </li>`,
          )}
        </ol>`,
      )}
      ${this.renderFees(item)}
      ${this.section(
        'windows',
        html`<ul class="plain">
          ${item.windows.map(
            (window) =>
              html`<li>
                <strong>${window.hallName ? `${window.hallName} ` : ''}${window.name}</strong>
                <p class="text">${window.address}</p>
                <p class="text">${msg('guide.window.hours', { hours: window.hours })}</p>
                ${
                  window.phone
                    ? html`<p>
                        ${msg('guide.window.phone')}<a href="tel:${window.phone}">${window.phone}</a>
                      </p>`
                    : nothing
                }
              </li>`,
          )}
        </ul>`,
      )}
      ${this.section(
        'contact',
        html`<h4>${msg('guide.consultation')}</h4>
          ${this.renderContacts(item.consultation)}
          <h4>${msg('guide.complaint')}</h4>
          ${this.renderContacts(item.complaint)}`,
      )}
      ${this.section(
        'basis',
        html`<ul class="plain">
          ${item.legalBases.map(
            (basis) =>
              html`<li>
                <strong>${basis.name}</strong> ${basis.article ?? ''}
                ${basis.text ? html`<p class="text">${basis.text}</p>` : nothing}
              </li>`,
          )}
        </ul>`,
      )}
      ${
        item.faqs.length
          ? this.section(
              'faq',
              html`${item.faqs.map(
                (faq) =>
                  html`<details>
                    <summary>${faq.question}</summary>
                    <p class="text">${faq.answer}</p>
                  </details>`,
              )}`,
            )
          : nothing
      }
      <p class="print-only hint">
        ${msg('guide.printed', { date: new Date().toLocaleDateString(this.locale) })}
      </p>
    `;
  }

  private section(id: GuideSection, body: unknown): TemplateResult {
    return html`<section class="section s-${id}" part="section" aria-labelledby="guide-${id}">
      <h3 id="guide-${id}" tabindex="-1">${this.msg(`guide.section.${id}`)}</h3>
      ${body}
    </section>`;
  }

  private renderGlance(item: Item): TemplateResult {
    const msg = this.msg.bind(this);
    const visits = item.onSiteVisits.count;
    const place = item.windows[0];
    const rows: Array<[string, unknown]> = [
      ['guide.processing', msg(`guide.processing.${item.processingType}`)],
      ['item.promised', formatLimit(item.promisedTimeLimit, msg)],
      ['guide.statutory', formatLimit(item.statutoryTimeLimit, msg)],
      [
        'guide.visits',
        html`${
          visits === 0
            ? msg('item.badge.zeroVisit')
            : visits === 1
              ? msg('item.badge.oneVisit')
              : msg('guide.visits.count', { count: visits })
        }${
          item.onSiteVisits.reason
            ? html`<br /><span class="hint">${item.onSiteVisits.reason}</span>`
            : nothing
        }`,
      ],
      ['guide.fee', msg(item.fees.length ? 'guide.fee.some' : 'guide.fee.none')],
      ['guide.depth', msg(`item.depth.${item.onlineDepth}`)],
      ['guide.where', place ? `${place.hallName ?? place.name} ${place.address}` : ''],
      ['guide.channels', item.channels.map((channel) => msg(`guide.channel.${channel}`)).join('、')],
      ['guide.audience', item.audience.map((audience) => msg(`item.audience.${audience}`)).join('、')],
      ['item.department', item.department.name],
      ['guide.joint', item.jointDepartments.map((department) => department.name).join('、')],
      ['guide.members', item.bundleMembers.map((member) => member.name).join('、')],
      [
        'guide.result',
        item.result
          ? html`${item.result.name}${this.link(item.result.sampleUrl, ` (${msg('guide.sample')})`)}`
          : '',
      ],
    ];
    return this.section(
      'glance',
      html`<dl class="facts">
          ${rows.map(([key, value]) =>
            value
              ? html`<div>
                  <dt>${msg(key)}</dt>
                  <dd>${value}</dd>
                </div>`
              : nothing,
          )}
        </dl>
        ${item.supports.expressDelivery ? html`<p>${msg('guide.express')}</p>` : nothing}
        ${
          item.conditions.length
            ? html`<h4>${msg('guide.conditions')}</h4>
                <ul>
                  ${item.conditions.map((condition) => html`<li class="text">${condition}</li>`)}
                </ul>`
            : nothing
        }`,
    );
  }

  private renderSituations(item: Item): TemplateResult {
    const msg = this.msg.bind(this);
    const chosen = item.situations.flatMap((situation) => {
      const ids = ([] as string[]).concat(this.situation[situation.id] ?? []);
      const labels = situation.options
        .filter((option) => ids.includes(option.id))
        .map((option) => option.label);
      return labels.length ? [`${situation.question} ${labels.join('、')}`] : [];
    });
    return this.section(
      'situations',
      html`<p class="hint no-print">${msg('guide.situations.intro')}</p>
        ${item.situations.map((situation) => {
          const multiple = !!situation.multiple;
          const answer = ([] as string[]).concat(this.situation[situation.id] ?? []);
          return html`<fieldset class="no-print">
            <legend>${situation.question}</legend>
            ${situation.hint ? html`<p class="hint" id="hint-${situation.id}">${situation.hint}</p>` : nothing}
            <div class="options">
              ${situation.options.map(
                (option) =>
                  html`<label class="option ${answer.includes(option.id) ? 'checked' : ''}"
                    ><input
                      type=${multiple ? 'checkbox' : 'radio'}
                      name="situation-${situation.id}"
                      .value=${option.id}
                      .checked=${answer.includes(option.id)}
                      aria-describedby=${situation.hint ? `hint-${situation.id}` : nothing}
                      @change=${(event: Event) =>
                        this.answer(
                          situation.id,
                          option.id,
                          multiple,
                          (event.target as HTMLInputElement).checked,
                        )}
                    />${option.label}</label
                  >`,
              )}
            </div>
          </fieldset>`;
        })}
        <p class="chosen">
          ${
            chosen.length
              ? msg('guide.situations.chosen', { answers: chosen.join(msg('guide.listSeparator')) })
              : msg('guide.situations.none')
          }
        </p>
        ${
          chosen.length
            ? html`<button type="button" class="no-print" @click=${() => this.clearAnswers()}>
                ${msg('guide.situations.clear')}
              </button>`
            : nothing
        }`,
    );
  }

  private renderMaterials(item: Item): TemplateResult {
    const msg = this.msg.bind(this);
    const shown = item.materials
      .map((material) => [material, materialApplies(material, this.situation, this.conditions)] as const)
      .filter(([, applies]) => applies !== false);
    const maybe = shown.filter(([, applies]) => applies === undefined).length;
    return this.section(
      'materials',
      html`<p class="count" role="status">
          ${msg(maybe ? 'guide.materials.countMaybe' : 'guide.materials.count', {
            count: shown.length - maybe,
            maybe,
          })}
        </p>
        ${item.commitmentAvailable ? html`<p class="hint">${msg('guide.commitment')}</p>` : nothing}
        <ol class="materials">
          ${shown.map(([material, applies]) => this.renderMaterial(material, applies))}
        </ol>`,
    );
  }

  private renderMaterial(material: ItemMaterial, applies: boolean | undefined): TemplateResult {
    const msg = this.msg.bind(this);
    const necessity =
      material.necessity === 'deferrable'
        ? material.deferDays
          ? msg('guide.material.deferrable', { days: material.deferDays })
          : msg('guide.material.deferrableAny')
        : msg(`guide.material.${material.necessity}`);
    const facts = [
      msg('guide.material.counts', { originals: material.originals, copies: material.copies }),
      msg(`guide.material.form.${material.form}`),
      material.issuedBy ? msg('guide.material.issuedBy', { by: material.issuedBy }) : '',
    ].filter(Boolean);
    return html`<li class="material" part="material" data-material=${material.id}>
      <strong class="name">${material.name}</strong>
      <ul class="tags">
        <li class="tag ${material.necessity}">${necessity}</li>
        ${material.eLicence ? html`<li class="tag ok">${msg('guide.material.eLicence')}</li>` : nothing}
        ${applies === undefined ? html`<li class="tag">${msg('guide.material.maybe')}</li>` : nothing}
      </ul>
      <p class="hint">${facts.join(' · ')}</p>
      ${material.notes ? html`<p class="text">${material.notes}</p>` : nothing}
      ${this.link(material.blankFormUrl, msg('guide.material.blank', { name: material.name }), 'no-print')}
      ${this.link(material.sampleUrl, msg('guide.material.sampleLink', { name: material.name }), 'no-print')}
    </li>`;
  }

  private renderFees(item: Item): TemplateResult {
    const msg = this.msg.bind(this);
    const money = new Intl.NumberFormat(this.locale, { style: 'currency', currency: 'CNY' });
    return this.section(
      'fees',
      item.fees.length
        ? html`<ul class="plain">
              ${item.fees.map(
                (fee) =>
                  html`<li>
                    <strong>${fee.name}</strong>
                    ${fee.amount === null ? nothing : money.format(fee.amount / 100)}
                    ${fee.standard ? html`<p class="text">${fee.standard}</p>` : nothing}
                    ${fee.basis ? html`<p class="hint">${msg('guide.fees.basis', { basis: fee.basis })}</p>` : nothing}
                    ${
                      fee.reducible
                        ? html`<p>
                            ${msg('guide.fees.reducible')}${fee.reductionNote ? `: ${fee.reductionNote}` : ''}
                          </p>`
                        : nothing
                    }
                  </li>`,
              )}
            </ul>
            ${item.supports.onlinePayment ? html`<p>${msg('guide.fees.online')}</p>` : nothing}`
        : html`<p>${msg('guide.fee.none')}</p>`,
    );
  }

  private renderContacts(channels: ContactChannel[]): TemplateResult {
    return html`<ul class="plain">
      ${channels.map((channel) => {
        const href =
          channel.kind === 'phone' || channel.kind === 'hotline'
            ? `tel:${channel.value}`
            : channel.kind === 'email'
              ? `mailto:${channel.value}`
              : channel.kind === 'web'
                ? channel.value
                : undefined;
        return html`<li>
          ${this.msg(`guide.contact.${channel.kind}`)}${channel.label ? `（${channel.label}）` : ''}：${
            this.link(href, channel.value) || channel.value
          }
        </li>`;
      })}
    </ul>`;
  }

  /** A link to a server-given address, or nothing when the address is missing or unsafe. */
  private link(url: string | undefined, text: string, className = ''): TemplateResult | '' {
    const href = safeHref(url);
    return href ? html`<a class=${className} href=${href}>${text}</a>` : '';
  }
}
