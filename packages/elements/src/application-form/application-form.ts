import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  resolveForm,
  translate,
  type FormDefinition,
  type ResolvedForm,
  type SituationAnswers,
} from '@banshi/sdk/forms';
import { failureDetail, isNotFound, isServerAnswer, newIdempotencyKey } from '../base/api.js';
import { BanshiElement } from '../base/banshi-element.js';
import { focusErrorSummary, renderErrorSummary } from '../base/error-summary.js';
import { focusIn } from '../base/focus.js';
import { baseStyles } from '../base/base.styles.js';
import { applicationFormStyles } from './application-form.styles.js';
import { idFor, type ControlHost } from './controls.js';
import { keepFinishedUploads, type Draft } from './draft-state.js';
import { deleteDraft, loadDraft, saveDraft } from './drafts.js';
import './events.js';
import { setAt, within, type Values } from './form-data.js';
import { materialActions } from './material-actions.js';
import { materialTexts } from './material-texts.js';
import { applicationFormMessages } from './messages.js';
import { renderMaterials } from './materials-view.js';
import { renderPage } from './page-view.js';
import { renderReview } from './review-view.js';
import type { ReceiptTracker } from './receipt-view.js';
import { RegionLists } from './region-lists.js';
import { renderSignInGate } from './sign-in-gate-view.js';
import { renderSituationStep } from './situation-view.js';
import { checkStep, stepOf, type ShownError, type StepContext } from './step-check.js';
import { renderLoadProblem, renderStepActions, renderStepHeader } from './step-frame-view.js';
import type { CaseCreate, CaseCreated, Region } from './types.js';
import { Uploader, type MaterialState } from './uploads.js';
import { fillTemplate, situationFromQuery } from '../item-common/situation-query.js';
import {
  gateOfProblem,
  lockedValues,
  signInGate,
  withLockedValues,
  withVerifiedApplicant,
  type SignInGate,
} from './verified-identity.js';

type Phase = 'loading' | 'failed' | 'unavailable' | 'ready' | 'sending' | 'done';
/** What only sending needs (body, objections, receipt): a chunk of its own, fetched on the first submit. */
const loadSubmission = () => import('./submission.js');
type Submission = Awaited<ReturnType<typeof loadSubmission>>;

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
 * @event {CustomEvent<LoginRequiredDetail>} banshi-login-required - The item needs sign-in at 统一身份认证 (or a higher assurance level, named in `detail`) and the person asked for it: the host page signs them in and hands the token to `<banshi-provider>`.
 * @csspart base - The outer box.
 * @csspart title - The heading of each step.
 * @csspart progress - "Step n of m".
 * @csspart error-summary - The error summary at the top of a step.
 * @csspart continue - The Continue and Submit buttons.
 * @csspart back - The back link.
 * @csspart panel - The confirmation panel with the case number.
 * @csspart sign-in-gate - What an item that needs sign-in or a higher assurance level asks for.
 * @csspart verified - The note beside a field filled from 统一身份认证.
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

  /**
   * The site's tracking page, e.g. `track.html?case={caseNumber}`: the receipt then links to it and carries
   * it as a QR code. Only the case number goes in; the query code never does.
   */
  @property({ attribute: 'tracker-url' }) trackerUrl = '';

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
  /** Sign-in (or a higher level) that a submission was refused for; the answers stay. */
  @state() private refusedFor?: SignInGate;

  private raw: Record<string, string> = {};
  private idempotencyKey = newIdempotencyKey();
  private sent?: CaseCreate;
  private returnToReview = false;
  private sources: Record<string, string> = {};
  /** Form pointer → value from 统一身份认证 (the definition's `verifiedApplicant`). */
  private locked: Record<string, string> = {};
  private loads = 0;
  /** Loaded by the first submit (or the resend of a draft that was being sent). */
  private submission?: Submission;
  private resolved?: ResolvedForm;
  /** The definition this element fetched itself (setting it is no reason to load again). */
  private fetched?: FormDefinition;
  private readonly regionLists = new RegionLists(this, () => this.api);
  /** The form session token that came with the fetched definition; uploads carry it. */
  private formSession?: string;
  /** The QR code renderer, a chunk of its own loaded for the receipt. */
  private qrCode?: typeof import('../qr/qr-code.js').renderQrCode;
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
    if (changed.has('definition')) this.locked = lockedValues(this.definition?.verifiedApplicant);
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

  lockedAt(pointer: string): boolean {
    return pointer in this.locked;
  }

  change(pointer: string, value: unknown, raw?: string): void {
    if (this.lockedAt(pointer)) return;
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
    return this.regionLists.get(parent);
  }

  // Loading and drafts --------------------------------------------------------------------------------

  private handedOver(): Record<string, string | string[]> {
    const situations = this.definition?.situations ?? [];
    return situationFromQuery(
      typeof this.situation === 'object' ? this.situation : this.situation || location.search,
      situations,
    );
  }

  /** Signed in or out: the definition is read again for the person's verified fields and level. */
  protected override tokenChanged(): void {
    if (this.itemCode && (!this.definition || this.definition === this.fetched)) void this.load();
  }

  private async load(): Promise<void> {
    const load = ++this.loads;
    this.phase = 'loading';
    this.refusedFor = undefined;
    try {
      if (!this.definition || this.definition === this.fetched) {
        const [definition, item] = await Promise.all([
          this.api.items.getForm(this.itemCode),
          this.api.items.get(this.itemCode).catch(() => undefined),
        ]);
        // A newer load (the person signed in meanwhile) wins.
        if (load !== this.loads) return;
        this.definition = this.fetched = definition;
        this.formSession = definition.session?.token;
        this.itemName = item?.name ?? '';
      }
    } catch (error) {
      if (load === this.loads) this.phase = isNotFound(error) ? 'unavailable' : 'failed';
      return;
    }
    this.answers = this.handedOver();
    const draft = this.itemCode ? await loadDraft<Draft>(this.itemCode) : undefined;
    if (load !== this.loads) return;
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
      this.data = withLockedValues(this.data, lockedValues(this.definition.verifiedApplicant));
      keepFinishedUploads(this.materialStates);
      for (const state of Object.values(this.materialStates))
        for (const file of state.files) if (file.status === 'pending') void this.uploader.follow(file);
      this.phase = 'ready';
      if (this.sent) {
        // Sent before the reload: sending the very same request with the same key replays its answer.
        await this.send(this.sent);
        return;
      }
      void this.go(this.steps.includes(draft.step) ? draft.step : (this.steps[0] ?? 'review'), false);
      return;
    }
    this.data = withLockedValues(this.data, lockedValues(this.definition.verifiedApplicant));
    this.phase = 'ready';
    void this.go(this.steps[0] ?? 'review', false);
  }

  private async save(step = this.step): Promise<void> {
    if (!this.itemCode || !this.definition || this.phase === 'done') return;
    try {
      await saveDraft(this.itemCode, this.draft(step));
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

  /** What the checks of a step read. */
  private context(): StepContext {
    const { definition, resolved, data, answers, materialStates, commitment, locale } = this;
    const t = (key: string) => this.t(key);
    const msg = (key: string, params?: Record<string, string | number>) => this.msg(key, params);
    return {
      definition: definition!,
      resolved: resolved!,
      data,
      answers,
      materialStates,
      commitment,
      locale,
      t,
      msg,
    };
  }

  /** The problems of the current step (or of `step`). */
  private check(step = this.step): ShownError[] {
    return checkStep(this.context(), step);
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

  private body({ caseRequest }: Submission): CaseCreate {
    const { itemCode, resolved, data, answers, materialStates, commitment } = this;
    const request = caseRequest({
      itemCode,
      definition: this.definition!,
      resolved,
      data,
      answers,
      materialStates,
      commitment,
    });
    this.sources = request.sources;
    return withVerifiedApplicant(request.body, this.definition?.verifiedApplicant);
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
    let submission: Submission;
    try {
      submission = this.submission ??= await loadSubmission();
    } catch (error) {
      await this.sendFailed(error);
      return;
    }
    const body = this.body(submission);
    this.sent = body;
    await this.save();
    await this.send(body);
  }

  /** Sends the application; the session's idempotency key makes every repeat return the same case. */
  private async send(body: CaseCreate): Promise<void> {
    this.phase = 'sending';
    this.failure = '';
    this.refusedFor = undefined;
    try {
      this.submission ??= await loadSubmission();
      const created = await this.api.cases.create(body, { idempotencyKey: this.idempotencyKey });
      this.result = created;
      this.phase = 'done';
      this.step = 'done';
      await this.keepSent();
      this.emit('banshi-submitted', created);
      await focusIn(this, 'h2');
    } catch (error) {
      this.phase = 'ready';
      const gate = gateOfProblem(error);
      if (gate) return this.refuse(gate);
      const shown = this.submission?.serverObjections(error, body, this.sources);
      if (shown) {
        // The server judged the answers: nothing was created, so the same key may carry the corrected request.
        this.sent = undefined;
        const step = stepOf(this.resolved, shown.find((e) => e.pointer)?.pointer ?? '') ?? 'review';
        await this.go(step);
        this.errors = shown;
        await this.save();
        await focusErrorSummary(this);
        return;
      }
      await this.sendFailed(error);
    }
  }

  /** Says on the review step why the application did not reach the server. */
  private async sendFailed(error: unknown): Promise<void> {
    const reason =
      failureDetail(error) ??
      this.corsRefusal(error) ??
      this.msg(isServerAnswer(error) ? 'apply.failed.server' : 'apply.failed.network');
    if (this.step !== 'review') await this.go('review', false);
    this.failure = this.msg('apply.submitFailed', { reason });
    await focusIn(this, '#failure');
  }

  /**
   * Refused for want of sign-in or level: nothing was created, so the draft keeps the answers without the
   * sent request (a reload after signing in shows them for submitting, instead of replaying the refusal).
   */
  private async refuse(gate: SignInGate): Promise<void> {
    this.sent = undefined;
    await this.save();
    if (this.step !== 'review') await this.go('review', false);
    this.refusedFor = gate;
    await focusIn(this, '.gate');
  }

  private askSignIn(gate: SignInGate): void {
    this.emit('banshi-login-required', { itemCode: this.itemCode, ...gate });
  }

  /** After success the draft keeps only what a reload needs to show the same confirmation again. */
  private async keepSent(): Promise<void> {
    if (!this.itemCode || !this.sent) return;
    try {
      await saveDraft(this.itemCode, this.draft('review'));
    } catch {
      // Nothing to keep then.
    }
  }

  private draft(step: string): Draft {
    return {
      version: this.definition!.version,
      step,
      situation: this.answers,
      data: this.data,
      raw: this.raw,
      materials: this.materialStates,
      commitment: this.commitment,
      idempotencyKey: this.idempotencyKey,
      ...(this.sent ? { sent: this.sent } : {}),
    };
  }

  // Rendering -----------------------------------------------------------------------------------------

  protected override renderContent(): TemplateResult {
    const msg = this.msg.bind(this);
    const title = html`${this.itemName ? html`<p class="caption">${this.itemName}</p>` : nothing}`;
    if (this.phase === 'loading') return html`<p role="status">${this.msg('apply.loading')}</p>`;
    if (this.phase === 'failed' || this.phase === 'unavailable') {
      return renderLoadProblem(msg, this.phase === 'failed', () => void this.load());
    }
    if (this.phase === 'done' && this.result && this.submission) {
      return html`${title}${this.submission.renderReceipt(this, this.result, this.itemName, () => void this.startOver(), this.tracker(this.result.caseNumber))}`;
    }
    const gate = signInGate(this.definition);
    if (gate) return html`${title}${renderSignInGate(msg, gate, () => this.askSignIn(gate))}`;
    const steps = this.steps;
    const index = steps.indexOf(this.step);
    return html`${title}
      ${renderStepHeader({
        msg,
        index,
        total: steps.length,
        resumed: this.resumed,
        back: () => this.back(),
        startOver: () => void this.startOver(),
      })}
      <form novalidate @submit=${this.next} aria-busy=${this.phase === 'sending'}>
        ${this.renderErrorSummary()} ${this.renderStep()}
        ${this.refusedFor ? renderSignInGate(msg, this.refusedFor, () => this.askSignIn(this.refusedFor!), true) : nothing}
        ${renderStepActions(msg, this.step, this.phase === 'sending', this.failure)}
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
      return renderSituationStep(this, definition, this.answers, (...args) => this.answer(...args));
    }
    if (this.step.startsWith('page:')) {
      const page = this.resolved!.pages.find((p) => 'page:' + p.id === this.step);
      return page ? renderPage(this, page) : html``;
    }
    if (this.step === 'materials') {
      return renderMaterials(
        this,
        this.resolved!.materials,
        this.materialStates,
        materialActions({
          itemCode: this.itemCode,
          uploader: this.uploader,
          stateOf: (id) => (this.materialStates[id] ??= { files: [] }),
          changed: (id, keepError) => {
            if (!keepError) this.clearError('#materials/' + id);
            this.requestUpdate();
          },
        }),
      );
    }
    return renderReview(
      this,
      this.resolved!,
      this.answers,
      materialTexts(this.resolved, this.materialStates, (key, params) => this.msg(key, params)),
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

  /** The receipt's link to the tracker and its QR code, whose renderer is fetched on first use. */
  private tracker(caseNumber: string): ReceiptTracker | undefined {
    if (!this.trackerUrl) return undefined;
    const href = new URL(fillTemplate(this.trackerUrl, { caseNumber }), location.href).href;
    if (!this.qrCode)
      void import('../qr/qr-code.js').then(({ renderQrCode }) => {
        this.qrCode = renderQrCode;
        this.requestUpdate();
      });
    return { href, qr: this.qrCode?.(href, this.msg('apply.track')) };
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
