import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  formatError,
  resolveForm,
  translate,
  validateForm,
  type FieldElement,
  type FormDefinition,
  type FormError,
  type LayoutElement,
  type Material,
  type ResolvedForm,
  type SituationAnswers,
} from '@banshi/sdk/forms';
import { failureDetail, isAPIError, isNotFound, isServerAnswer, newIdempotencyKey } from '../base/api.js';
import { BanshiElement } from '../base/banshi-element.js';
import { focusErrorSummary, renderErrorSummary } from '../base/error-summary.js';
import { focusIn } from '../base/focus.js';
import { baseStyles } from '../base/base.styles.js';
import { applicationFormStyles } from './application-form.styles.js';
import { deriveApplicant, deriveDelivery, localPointer } from './case-body.js';
import { idFor, renderField, type ControlHost } from './controls.js';
import { DRAFT_DAYS, deleteDraft, draftsKept, loadDraft, saveDraft } from './drafts.js';
import './events.js';
import { getAt, isRequired, schemaAt, setAt, within, type Values } from './form-data.js';
import { applicationFormMessages } from './messages.js';
import { renderMaterials } from './materials-view.js';
import { renderReview } from './review-view.js';
import { renderReceipt } from './receipt-view.js';
import type { CaseCreate, CaseCreated, Region } from './types.js';
import { Uploader, type MaterialState } from './uploads.js';
import { situationFromQuery } from '../item-common/situation-query.js';

/** What a draft holds (sealed on the device, see drafts.ts). */
interface Draft {
  version: string;
  step: string;
  situation: Record<string, string | string[]>;
  data: Values;
  raw: Record<string, string>;
  materials: Record<string, MaterialState>;
  commitment: boolean;
  idempotencyKey: string;
  /** The exact request sent, kept so a reload after submitting replays it with the same key. */
  sent?: CaseCreate;
}

/** A message shown in the error summary and beside its field. */
interface ShownError {
  pointer: string;
  message: string;
}

type Phase = 'loading' | 'failed' | 'unavailable' | 'ready' | 'sending' | 'done';

/**
 * 我要办: the online application for a service item, as a GOV.UK-style wizard built from the item's form
 * definition: situation questions, the pages of questions, the materials (uploaded at once, deferred or
 * fetched from the e-licence library), check your answers with the 告知承诺 commitment, then the
 * confirmation with the case number and query code. Every Continue validates the step with
 * `@banshi/sdk/forms` and saves a sealed draft on the device; the application is sent exactly once.
 *
 * @tagname banshi-application-form
 * @summary 我要办: apply online for a service item, step by step, with uploads, drafts and a receipt.
 * @event {CustomEvent<CaseCreated>} banshi-submitted - The application reached the server; `detail` has `caseNumber`, `queryCode` and `case`.
 * @event {CustomEvent<{ itemCode: string; step: string }>} banshi-draft-saved - The draft was saved on this device.
 * @event {CustomEvent<ApplicationStepDetail>} banshi-step - Another step is shown.
 * @csspart base - The outer box.
 * @csspart title - The heading of each step.
 * @csspart progress - "Step n of m".
 * @csspart error-summary - The error summary at the top of a step.
 * @csspart continue - The Continue and Submit buttons.
 * @csspart back - The back link.
 * @csspart panel - The confirmation panel with the case number.
 * @cssprop --banshi-application-form-padding - Inner spacing of the widget.
 * @cssprop --banshi-application-form-border-color - Border of the widget.
 * @cssprop --banshi-application-form-panel-background - Background of the confirmation panel.
 * @cssprop --banshi-application-form-panel-color - Text colour of the confirmation panel.
 * @cssprop --banshi-application-form-progress-color - Colour of upload progress bars.
 */
export class BanshiApplicationForm extends BanshiElement implements ControlHost {
  static override styles = [baseStyles, applicationFormStyles];
  static override messages = applicationFormMessages;

  /** 事项编码 of the item applied for; its form definition is fetched from the API. */
  @property({ attribute: 'item-code' }) itemCode = '';

  /**
   * Situation answers handed over by the item guide: as a property, `{ [situationId]: optionId | optionId[] }`;
   * as an attribute, `s.<id>=<option>` query pairs or JSON. Without it, `s.*` parameters of the page
   * address are used. Unknown questions and options are ignored; the applicant can change them all.
   */
  @property({ attribute: 'situation', converter: { fromAttribute: (value) => value ?? '' } })
  situation: SituationAnswers | string = '';

  /** A form definition to use instead of fetching the item's (previews, tests). */
  @property({ attribute: false }) definition?: FormDefinition;

  /** Milliseconds between polls of an upload's content check. */
  @property({ attribute: false }) checkInterval = 1000;

  @state() private phase: Phase = 'loading';
  @state() private step = 'situation';
  @state() data: Values = {};
  @state() private answers: Record<string, string | string[]> = {};
  @state() private materialStates: Record<string, MaterialState> = {};
  @state() private commitment = false;
  @state() private errors: ShownError[] = [];
  @state() private failure = '';
  @state() private result?: CaseCreated;
  @state() private resumed = false;
  @state() private itemName = '';
  @state() private regionLists: Record<string, Region[]> = {};

  private raw: Record<string, string> = {};
  private idempotencyKey = newIdempotencyKey();
  private sent?: CaseCreate;
  private returnToReview = false;
  private sources: Record<string, string> = {};
  private resolved?: ResolvedForm;
  /** The definition this element fetched itself (setting it is no reason to load again). */
  private fetched?: FormDefinition;
  private readonly regionRequests = new Set<string>();
  /** The form session token that came with the fetched definition; uploads carry it. */
  private formSession?: string;
  private readonly uploader = new Uploader(
    () => this.api,
    (entry) => {
      this.requestUpdate();
      if (entry?.id) void this.save();
    },
    () => this.checkInterval,
    () => this.formSession,
  );

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('itemCode') || (changed.has('definition') && this.definition !== this.fetched)) {
      void this.load();
    }
    if (this.definition?.layout) {
      this.resolved = resolveForm(this.definition, { data: this.data, situation: this.answers });
    }
  }

  /** The steps before the confirmation, for the current answers. */
  get steps(): string[] {
    const form = this.resolved;
    if (!form || !this.definition) return [];
    return [
      ...(this.definition.situations?.length ? ['situation'] : []),
      ...form.pages.map((page) => 'page:' + page.id),
      ...(form.materials.length ? ['materials'] : []),
      'review',
    ];
  }

  /** Forgets the draft and starts a new application (new idempotency key). */
  async startOver(): Promise<void> {
    await deleteDraft(this.itemCode);
    this.data = {};
    this.raw = {};
    this.materialStates = {};
    this.commitment = false;
    this.result = this.sent = undefined;
    this.resumed = false;
    this.idempotencyKey = newIdempotencyKey();
    this.answers = this.handedOver();
    this.phase = 'ready';
    void this.go(this.steps[0] ?? 'review');
  }

  // ControlHost ---------------------------------------------------------------------------------------

  t(key: string): string {
    return translate(this.definition!, key, this.locale);
  }

  override msg(key: string, params?: Record<string, string | number>): string {
    return super.msg(key, params);
  }

  errorAt(pointer: string): string | undefined {
    return this.errors.find((error) => error.pointer === pointer)?.message;
  }

  rawAt(pointer: string): string | undefined {
    return this.raw[pointer];
  }

  change(pointer: string, value: unknown, raw?: string): void {
    this.data = setAt(this.data, pointer, value);
    if (raw === undefined) delete this.raw[pointer];
    else this.raw[pointer] = raw;
    // An error the applicant is fixing is checked again as they type, so it goes as soon as it is right.
    if (this.errors.some((error) => within(error.pointer, pointer))) {
      const still = this.check().filter((error) => within(error.pointer, pointer));
      this.errors = [...this.errors.filter((error) => !within(error.pointer, pointer)), ...still];
    }
  }

  regions(parent: string): Region[] | undefined {
    const list = this.regionLists[parent];
    if (!list && !this.regionRequests.has(parent)) {
      this.regionRequests.add(parent);
      void (async () => {
        const found: Region[] = [];
        try {
          for await (const region of this.api.reference.listRegions(parent ? { parent } : {}))
            found.push(region);
        } finally {
          this.regionLists = { ...this.regionLists, [parent]: found };
        }
      })();
    }
    return list;
  }

  // Loading and drafts --------------------------------------------------------------------------------

  private handedOver(): Record<string, string | string[]> {
    const situations = this.definition?.situations ?? [];
    return situationFromQuery(
      typeof this.situation === 'object' ? this.situation : this.situation || location.search,
      situations,
    );
  }

  private async load(): Promise<void> {
    this.phase = 'loading';
    try {
      if (!this.definition || this.definition === this.fetched) {
        const [definition, item] = await Promise.all([
          this.api.items.getForm(this.itemCode),
          this.api.items.get(this.itemCode).catch(() => undefined),
        ]);
        this.definition = this.fetched = definition;
        this.formSession = definition.session?.token;
        this.itemName = item?.name ?? '';
      }
    } catch (error) {
      this.phase = isNotFound(error) ? 'unavailable' : 'failed';
      return;
    }
    this.answers = this.handedOver();
    const draft = this.itemCode ? await loadDraft<Draft>(this.itemCode) : undefined;
    if (draft && draft.version === this.definition.version) {
      Object.assign(this, {
        data: draft.data,
        raw: draft.raw,
        materialStates: draft.materials,
        commitment: draft.commitment,
        idempotencyKey: draft.idempotencyKey,
        sent: draft.sent,
        resumed: true,
      });
      // Answers handed over now win over the draft's; the draft fills in the rest.
      this.answers = { ...draft.situation, ...this.answers };
      for (const state of Object.values(this.materialStates)) {
        // Uploads cut short by the reload cannot continue: the file is no longer in memory.
        state.files = state.files.filter((file) => file.id || file.status === 'invalid');
        for (const file of state.files) if (file.status === 'pending') void this.uploader.follow(file);
      }
      this.phase = 'ready';
      if (this.sent) {
        // Sent before the reload: sending the very same request with the same key replays its answer.
        await this.send(this.sent);
        return;
      }
      void this.go(this.steps.includes(draft.step) ? draft.step : (this.steps[0] ?? 'review'), false);
      return;
    }
    this.phase = 'ready';
    void this.go(this.steps[0] ?? 'review', false);
  }

  private async save(step = this.step): Promise<void> {
    if (!this.itemCode || !this.definition || this.phase === 'done') return;
    const draft: Draft = {
      version: this.definition.version,
      step,
      situation: this.answers,
      data: this.data,
      raw: this.raw,
      materials: this.materialStates,
      commitment: this.commitment,
      idempotencyKey: this.idempotencyKey,
      ...(this.sent ? { sent: this.sent } : {}),
    };
    try {
      await saveDraft(this.itemCode, draft);
      this.emit('banshi-draft-saved', { itemCode: this.itemCode, step });
    } catch {
      // Without storage the form still works; only resuming later is lost.
    }
  }

  // Navigation and validation -------------------------------------------------------------------------

  private async go(step: string, focus = true): Promise<void> {
    this.step = step;
    this.errors = [];
    if (focus) this.resumed = false;
    await this.updateComplete;
    const steps = this.steps;
    this.emit('banshi-step', { step, index: steps.indexOf(step) + 1, total: steps.length });
    if (focus) await focusIn(this, 'h2');
  }

  private back(): void {
    const steps = this.steps;
    const index = steps.indexOf(this.step);
    if (index > 0) void this.go(steps[index - 1]!);
  }

  private changeStep(step: string): void {
    this.returnToReview = true;
    void this.go(step);
  }

  /** Field scopes of a page, sections flattened. */
  private scopes(elements: readonly LayoutElement[]): string[] {
    return elements.flatMap((element) =>
      element.type === 'section' ? this.scopes(element.elements) : [(element as FieldElement).scope],
    );
  }

  /** The data as validated and submitted: required objects exist, so a missing answer is named by its field. */
  private validationData(): Values {
    let data = this.data;
    for (const scope of this.resolved?.visible ?? []) {
      const parts = scope.split('/');
      for (let i = 2; i < parts.length; i++) {
        const parent = parts.slice(0, i).join('/');
        if (getAt(data, parent) === undefined && isRequired(this.definition!, parent))
          data = setAt(data, parent, {});
      }
      // A box left unticked is an answer: no.
      if (getAt(data, scope) === undefined && schemaAt(this.definition!, scope).type === 'boolean') {
        data = setAt(data, scope, false);
      }
    }
    return data;
  }

  private formError(error: FormError): ShownError {
    return { pointer: error.pointer, message: formatError(error, this.locale, this.definition) };
  }

  /** The problems of the current step (or of `step`). */
  private check(step = this.step): ShownError[] {
    const definition = this.definition!;
    const form = this.resolved!;
    if (step === 'situation') {
      return (definition.situations ?? [])
        .filter((s) => ![this.answers[s.id] ?? []].flat().length)
        .map((s) => ({
          pointer: '#situation/' + s.id,
          message: this.msg('apply.error.choose', { label: this.t(s.question) }),
        }));
    }
    if (step.startsWith('page:')) {
      const page = form.pages.find((p) => 'page:' + p.id === step);
      const scopes = page ? this.scopes(page.elements) : [];
      const verdict = validateForm(definition, { data: this.validationData(), situation: this.answers });
      return verdict.errors
        .filter((e) => scopes.some((scope) => within(e.pointer, scope)))
        .map((e) => this.formError(e));
    }
    if (step === 'materials') {
      return form.materials.flatMap((material) => this.materialProblem(material) ?? []);
    }
    return definition.commitment?.required && !this.commitment
      ? [this.formError({ pointer: '#commitment', code: 'commitment.required', params: {} })]
      : [];
  }

  private materialProblem(material: Material): ShownError | undefined {
    const state = this.materialStates[material.id];
    const files = state?.files ?? [];
    const pointer = '#materials/' + material.id;
    const label = this.t(material.name);
    if (files.some((file) => file.status === 'uploading'))
      return { pointer, message: this.msg('apply.error.uploading', { label }) };
    const problem = files.find((file) => file.problem && file.status !== 'invalid')?.problem;
    if (problem)
      return {
        pointer,
        message: this.msg(problem[0], { ...problem[1], reason: this.msg(String(problem[1].reason)) }),
      };
    if (material.eLicence || this.usable(material.id).length) return undefined;
    if (material.necessity === 'required')
      return this.formError({ pointer, code: 'material.required', params: {} });
    if (material.necessity === 'deferrable' && !state?.later)
      return { pointer, message: this.msg('apply.error.deferOrUpload', { label }) };
    return undefined;
  }

  /** Upload ids of a material that the case can reference. */
  private usable(materialId: string): string[] {
    return (this.materialStates[materialId]?.files ?? [])
      .filter((file) => file.id && (file.status === 'passed' || file.status === 'pending'))
      .map((file) => file.id!);
  }

  private async next(event: Event): Promise<void> {
    event.preventDefault();
    if (this.phase !== 'ready') return;
    const errors = this.check();
    this.errors = errors;
    if (errors.length) {
      await focusErrorSummary(this);
      return;
    }
    if (this.step === 'review') return this.submit();
    const steps = this.steps;
    const target =
      this.returnToReview && this.step !== 'situation' ? 'review' : steps[steps.indexOf(this.step) + 1]!;
    if (target === 'review') this.returnToReview = false;
    // The draft is saved before the next step shows, so nothing typed there can race the save.
    await this.save(target);
    await this.go(target);
  }

  // Submission ----------------------------------------------------------------------------------------

  private body(): CaseCreate {
    const definition = this.definition!;
    const verdict = validateForm(definition, { data: this.validationData(), situation: this.answers });
    const derived = deriveApplicant(verdict.data);
    this.sources = derived?.sources ?? {};
    const materials = verdict.form.materials.flatMap((material): CaseCreate['materials'] => {
      const uploadIds = this.usable(material.id);
      if (uploadIds.length) return [{ materialId: material.id, provision: 'upload', uploadIds }];
      if (material.eLicence) return [{ materialId: material.id, provision: 'eLicence' }];
      if (material.necessity === 'deferrable') return [{ materialId: material.id, provision: 'deferred' }];
      return [];
    });
    return {
      itemCode: this.itemCode,
      formVersion: definition.version,
      applicant: derived?.applicant ?? {
        kind: 'person',
        name: '',
        idType: 'residentIdCard',
        idNumber: '',
        mobile: '',
      },
      situationAnswers: this.answers,
      formData: verdict.data,
      materials,
      commitmentAccepted: !!definition.commitment && this.commitment,
      delivery: deriveDelivery(verdict.data),
    };
  }

  private async submit(): Promise<void> {
    // Everything again, in case a change elsewhere made an earlier step incomplete.
    for (const step of this.steps.filter((s) => s !== 'review')) {
      const errors = this.check(step);
      if (errors.length) {
        await this.go(step);
        this.errors = errors;
        return;
      }
    }
    const body = this.body();
    this.sent = body;
    await this.save();
    await this.send(body);
  }

  /** Sends the application; the session's idempotency key makes every repeat return the same case. */
  private async send(body: CaseCreate): Promise<void> {
    this.phase = 'sending';
    this.failure = '';
    try {
      const created = await this.api.cases.create(body, { idempotencyKey: this.idempotencyKey });
      this.result = created;
      this.phase = 'done';
      this.step = 'done';
      await this.keepSent();
      this.emit('banshi-submitted', created);
      await focusIn(this, 'h2');
    } catch (error) {
      this.phase = 'ready';
      const problem = isAPIError(error)
        ? (error.problem as { errors?: Array<{ pointer: string; message: string }> })
        : undefined;
      if (isAPIError(error) && (error.status === 422 || error.status === 400) && problem?.errors?.length) {
        // The server judged the answers: nothing was created, so the same key may carry the corrected request.
        this.sent = undefined;
        if (!this.sources['/applicant/name'])
          this.sources = deriveApplicant(body.formData as Values)?.sources ?? {};
        const shown = problem.errors.map((e) => ({
          pointer: localPointer(e.pointer, body, this.sources),
          message: e.message,
        }));
        const step = this.stepOf(shown.find((e) => e.pointer)?.pointer ?? '') ?? 'review';
        await this.go(step);
        this.errors = shown;
        await this.save();
        await focusErrorSummary(this);
        return;
      }
      const reason =
        failureDetail(error) ??
        this.msg(isServerAnswer(error) ? 'apply.failed.server' : 'apply.failed.network');
      if (this.step !== 'review') await this.go('review', false);
      this.failure = this.msg('apply.submitFailed', { reason });
      await focusIn(this, '#failure');
    }
  }

  /** After success the draft keeps only what a reload needs to show the same confirmation again. */
  private async keepSent(): Promise<void> {
    if (!this.itemCode || !this.sent) return;
    try {
      await saveDraft(this.itemCode, { ...this.draftBase(), sent: this.sent } satisfies Draft);
    } catch {
      // Nothing to keep then.
    }
  }

  private draftBase(): Draft {
    return {
      version: this.definition!.version,
      step: 'review',
      situation: this.answers,
      data: this.data,
      raw: this.raw,
      materials: this.materialStates,
      commitment: this.commitment,
      idempotencyKey: this.idempotencyKey,
    };
  }

  /** The step that shows the field (or material, or question) at `pointer`. */
  private stepOf(pointer: string): string | undefined {
    if (!pointer) return undefined;
    if (pointer.startsWith('#situation/')) return 'situation';
    if (pointer.startsWith('#materials')) return 'materials';
    if (pointer === '#commitment') return 'review';
    const page = this.resolved?.pages.find((p) =>
      this.scopes(p.elements).some((scope) => within(pointer, scope)),
    );
    return page ? 'page:' + page.id : undefined;
  }

  // Rendering -----------------------------------------------------------------------------------------

  protected override renderContent(): TemplateResult {
    const title = html`${this.itemName ? html`<p class="caption">${this.itemName}</p>` : nothing}`;
    if (this.phase === 'loading') return html`<p role="status">${this.msg('apply.loading')}</p>`;
    if (this.phase === 'failed' || this.phase === 'unavailable') {
      return html`<div class="notice" role="alert">
        <p>${this.msg(this.phase === 'failed' ? 'apply.loadFailed' : 'apply.notOnline')}</p>
        ${this.phase === 'failed' ? html`<button type="button" @click=${() => void this.load()}>${this.msg('apply.retry')}</button>` : nothing}
      </div>`;
    }
    if (this.phase === 'done' && this.result) {
      return html`${title}${renderReceipt(this, this.result, this.itemName, () => void this.startOver())}`;
    }
    const steps = this.steps;
    const index = steps.indexOf(this.step);
    return html`${title}
      ${
        index > 0
          ? html`<a
              href="#"
              class="back"
              part="back"
              @click=${(event: Event) => {
                event.preventDefault();
                this.back();
              }}
              >${this.msg('apply.back')}</a
            >`
          : nothing
      }
      <p class="progress" part="progress">
        ${this.msg('apply.progress', { n: index + 1, total: steps.length })}
      </p>
      ${
        this.resumed
          ? html`<div class="notice info" role="status">
              <p>${this.msg('apply.resumed', { days: DRAFT_DAYS })}</p>
              <button type="button" class="link" @click=${() => void this.startOver()}>
                ${this.msg('apply.discard')}
              </button>
            </div>`
          : nothing
      }
      ${draftsKept() ? nothing : html`<p class="notice info" part="no-drafts">${this.msg('apply.noDrafts')}</p>`}
      <form novalidate @submit=${this.next} aria-busy=${this.phase === 'sending'}>
        ${this.renderErrorSummary()} ${this.renderStep()}
        ${this.failure ? html`<div class="notice" id="failure" tabindex="-1" role="alert">${this.failure}</div>` : nothing}
        <div class="actions">
          <button class="primary" part="continue" type="submit" ?disabled=${this.phase === 'sending'}>
            ${this.msg(this.step !== 'review' ? 'apply.continue' : this.phase === 'sending' ? 'apply.submitting' : 'apply.submit')}
          </button>
        </div>
      </form>`;
  }

  private renderErrorSummary(): TemplateResult | typeof nothing {
    return renderErrorSummary(
      this,
      this.msg('apply.errors'),
      this.errors.map(({ pointer, message }) => ({
        text: message,
        target:
          pointer && this.shadowRoot?.getElementById(idFor(pointer)) !== null ? idFor(pointer) : undefined,
      })),
    );
  }

  private renderStep(): TemplateResult {
    const definition = this.definition!;
    if (this.step === 'situation') {
      return html`<h2 tabindex="-1" part="title">${this.msg('apply.situation')}</h2>
        <p class="hint">${this.msg('apply.situation.hint')}</p>
        ${(definition.situations ?? []).map((situation) => {
          const pointer = '#situation/' + situation.id;
          const id = idFor(pointer);
          const error = this.errorAt(pointer);
          const chosen = [this.answers[situation.id] ?? []].flat();
          const described = [situation.hint ? `${id}-hint` : '', error ? `${id}-error` : '']
            .filter(Boolean)
            .join(' ');
          return html`<fieldset
            class="field ${error ? 'invalid' : ''}"
            aria-describedby=${described || nothing}
          >
            <legend>${this.t(situation.question)}</legend>
            ${situation.hint ? html`<div class="hint" id="${id}-hint">${this.t(situation.hint)}</div>` : nothing}
            ${error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing}
            <div class="options">
              ${situation.options.map(
                (option, index) =>
                  html`<label class="option"
                    ><input
                      id=${index ? nothing : id}
                      name=${id}
                      type=${situation.multiple ? 'checkbox' : 'radio'}
                      .checked=${chosen.includes(option.id)}
                      @change=${(event: Event) => this.answer(situation.id, option.id, (event.target as HTMLInputElement).checked, !!situation.multiple)}
                    />
                    <span>${this.t(option.label)}</span></label
                  >`,
              )}
            </div>
          </fieldset>`;
        })}`;
    }
    if (this.step.startsWith('page:')) {
      const page = this.resolved!.pages.find((p) => 'page:' + p.id === this.step);
      if (!page) return html``;
      const renderElements = (elements: typeof page.elements, enabled: boolean): TemplateResult[] =>
        elements.map((element) =>
          element.type === 'section'
            ? html`<section class="section">
                <h3>${this.t(element.title)}</h3>
                ${renderElements(element.elements, element.enabled && enabled)}
              </section>`
            : renderField(
                this,
                element as FieldElement,
                (element as FieldElement).scope,
                enabled && element.enabled,
              ),
        );
      return html`<h2 tabindex="-1" part="title">${this.t(page.title)}</h2>
        ${page.description ? html`<p class="hint">${this.t(page.description)}</p>` : nothing}
        ${renderElements(page.elements, page.enabled)}`;
    }
    if (this.step === 'materials') {
      return renderMaterials(this, this.resolved!.materials, this.materialStates, {
        choose: (material, files) => {
          const state = (this.materialStates[material.id] ??= { files: [] });
          for (const file of files) this.uploader.add(this.itemCode, material, state, file);
          this.clearError('#materials/' + material.id);
        },
        retry: (material, entry) => this.uploader.retry(this.itemCode, material.id, entry),
        cancel: (entry) => this.uploader.cancel(entry),
        canRetry: (entry) => this.uploader.canRetry(entry),
        remove: (material, entry) => {
          this.uploader.cancel(entry);
          const state = this.materialStates[material.id]!;
          state.files = state.files.filter((file) => file !== entry);
          this.requestUpdate();
        },
        reuse: (material, entry) => {
          const state = (this.materialStates[material.id] ??= { files: [] });
          state.files.push({ ...entry, key: Math.random().toString(36).slice(2) });
          this.clearError('#materials/' + material.id);
          this.requestUpdate();
        },
        later: (material, later) => {
          const state = (this.materialStates[material.id] ??= { files: [] });
          state.later = later;
          this.clearError('#materials/' + material.id);
          this.requestUpdate();
        },
      });
    }
    return renderReview(
      this,
      this.resolved!,
      this.answers,
      this.materialTexts(),
      (step) => this.changeStep(step),
      {
        accepted: this.commitment,
        toggle: (on) => {
          this.commitment = on;
          if (on) this.clearError('#commitment');
        },
      },
    );
  }

  /** For each material that applies, how it is provided, as shown on check your answers and the receipt. */
  private materialTexts(): Array<[Material, string]> {
    return (this.resolved?.materials ?? []).map((material) => {
      const names = (this.materialStates[material.id]?.files ?? []).filter((f) => f.id).map((f) => f.name);
      const text = names.length
        ? names.join('、')
        : material.eLicence
          ? this.msg('apply.material.eLicence')
          : this.materialStates[material.id]?.later || material.necessity === 'deferrable'
            ? this.msg('apply.material.deadline', { days: material.deferDays ?? 5 })
            : this.msg('apply.none');
      return [material, text];
    });
  }

  private clearError(pointer: string): void {
    this.errors = this.errors.filter((error) => error.pointer !== pointer);
  }

  private answer(id: string, option: string, on: boolean, multiple: boolean): void {
    const current = [this.answers[id] ?? []].flat();
    const next = multiple ? (on ? [...current, option] : current.filter((o) => o !== option)) : option;
    this.answers = { ...this.answers, [id]: next };
    this.clearError('#situation/' + id);
  }
}
