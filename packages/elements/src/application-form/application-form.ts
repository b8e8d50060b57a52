import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { isNotFound, newIdempotencyKey } from '../base/api.js';
import { renderErrorSummary } from '../base/error-summary.js';
import { baseStyles } from '../base/base.styles.js';
import { applicationFormStyles } from './application-form.styles.js';
import { idFor } from './controls.js';
import { keepFinishedUploads, type Draft } from './draft-state.js';
import { deleteDraft, loadDraft } from './drafts.js';
import './events.js';
import { ApplicationFormSending } from './form-sending.js';
import { applicationFormMessages } from './messages.js';
import { renderPage } from './page-view.js';
import type { ReceiptTracker } from './receipt-view.js';
import { renderSignInGate } from './sign-in-gate-view.js';
import { renderSituationStep } from './situation-view.js';
import { renderLoadProblem, renderStepActions, renderStepHeader } from './step-frame-view.js';
import { renderStepList } from './step-list-view.js';
import { fillTemplate } from '../item-common/situation-query.js';
import type * as LaterSteps from './later-steps.js';
import { lockedValues, signInGate, withLockedValues } from './verified-identity.js';

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
 * @csspart progress - "Step n of m", n and m counting every step the form can show.
 * @csspart steps - The list of steps; those that depend on the answers say so.
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
export class BanshiApplicationForm extends ApplicationFormSending {
  static override styles = [baseStyles, applicationFormStyles];
  static override messages = applicationFormMessages;

  private loads = 0;
  /** The views of the materials and review steps, a chunk of its own fetched on first use. */
  private laterSteps?: typeof LaterSteps;
  private laterStepsLoad?: Promise<void>;
  private laterStepsFailed = false;
  /** The QR code renderer, a chunk of its own loaded for the receipt. */
  private qrCode?: typeof import('../qr/qr-code.js').renderQrCode;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('itemCode') || (changed.has('definition') && this.definition !== this.fetched)) {
      void this.load();
    }
    super.willUpdate(changed);
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

  // Loading and drafts --------------------------------------------------------------------------------

  /** Signed in or out: the definition is read again for the person's verified fields and level. */
  protected override tokenChanged(): void {
    if (this.itemCode && (!this.definition || this.definition === this.fetched)) void this.load();
  }

  private async load(): Promise<void> {
    const load = ++this.loads;
    // Without an item there is nothing to ask the server for (`/items//form` would be a malformed call).
    if (!this.itemCode && (!this.definition || this.definition === this.fetched)) {
      this.phase = 'unavailable';
      return;
    }
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
    // An address field's control and checks are there before the first step shows.
    if (!(await this.loadAddress())) {
      if (load === this.loads) this.phase = 'failed';
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
      const pending = Object.values(this.materialStates).flatMap((state) =>
        state.files.filter((file) => file.status === 'pending'),
      );
      // Files still in the content check: followed once the uploader's chunk is there.
      if (pending.length)
        void this.prepareStep('materials').then(() =>
          pending.forEach((file) => void this.uploader?.follow(file)),
        );
      const resumeAt = this.steps.includes(draft.step) ? draft.step : (this.steps[0] ?? 'review');
      // The resumed step's views are there before the form shows, so it never flashes the first step.
      await this.prepareStep(resumeAt);
      if (load !== this.loads) return;
      this.step = resumeAt;
      this.phase = 'ready';
      if (this.sent) {
        // Sent before the reload: sending the very same request with the same key replays its answer.
        await this.send(this.sent);
        return;
      }
      void this.go(resumeAt, false);
      return;
    }
    this.data = withLockedValues(this.data, lockedValues(this.definition.verifiedApplicant));
    this.phase = 'ready';
    void this.go(this.steps[0] ?? 'review', false);
  }

  protected override prepareStep(step: string): Promise<void> {
    if (this.laterSteps || (step !== 'materials' && step !== 'review')) return Promise.resolve();
    this.laterStepsLoad ??= import('./later-steps.js').then(
      (views) => {
        this.laterSteps = views;
        this.laterMessages ??= views.laterMessages;
        this.uploader ??= this.makeUploader(views.Uploader);
        this.requestUpdate();
      },
      () => {
        // Offline: the step shows the load problem with a retry, which fetches again.
        this.laterStepsLoad = undefined;
        this.laterStepsFailed = true;
        this.requestUpdate();
      },
    );
    return this.laterStepsLoad;
  }

  // Rendering -----------------------------------------------------------------------------------------

  protected override get reservingSpace(): boolean {
    return this.phase === 'loading';
  }

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
    const planned = this.planned;
    const index = planned.findIndex((entry) => entry.id === this.step);
    return html`${title}
      ${renderStepHeader({
        msg,
        index,
        total: planned.length,
        resumed: this.resumed,
        back: () => this.back(),
        startOver: () => void this.startOver(),
      })}
      ${renderStepList({
        msg,
        planned,
        applicable: this.steps,
        current: this.step,
        title: (step) => this.stepTitle(step),
        answered: (scope) => this.answered(scope),
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
    const views = this.laterSteps;
    if (!views) return this.renderStepLoading();
    if (this.step === 'materials') {
      return views.renderMaterials(
        this,
        this.resolved!.materials,
        this.materialStates,
        views.materialActions({
          itemCode: this.itemCode,
          uploader: this.uploader!,
          stateOf: (id) => (this.materialStates[id] ??= { files: [] }),
          changed: (id, keepError) => {
            if (!keepError) this.clearError('#materials/' + id, true);
            this.requestUpdate();
          },
        }),
      );
    }
    return views.renderReview(
      this,
      this.resolved!,
      this.answers,
      views.materialTexts(this.resolved, this.materialStates, (key, params) => this.msg(key, params)),
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

  /** The later steps before their views arrive (a resumed draft's step), or when they could not be fetched. */
  private renderStepLoading(): TemplateResult {
    if (!this.laterStepsFailed) {
      void this.prepareStep(this.step);
      return html`<p role="status">${this.msg('apply.loading')}</p>`;
    }
    return renderLoadProblem(this.msg.bind(this), true, () => {
      this.laterStepsFailed = false;
      void this.prepareStep(this.step);
    });
  }

  /** The name of a step in the step list. */
  private stepTitle(step: string): string {
    if (step.startsWith('page:')) {
      const page = this.definition?.layout.pages.find((p) => 'page:' + p.id === step);
      return page ? this.t(page.title) : step;
    }
    return this.msg(`apply.${step}`);
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
}
