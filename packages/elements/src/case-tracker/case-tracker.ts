import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { failureDetail, isServerAnswer, newIdempotencyKey } from '../base/api.js';
import { focusErrorSummary } from '../base/error-summary.js';
import { focusIn } from '../base/focus.js';
import { baseStyles } from '../base/base.styles.js';
import { trackerStyles } from './case-tracker.styles.js';
import './events.js';
import { correctionMaterials, neededMaterials, uploadCorrectionFiles } from './correction-uploads.js';
import { renderCorrection, type CorrectionUploads, type CorrectionView } from './correction-view.js';
import { formatMoment } from './format.js';
import { renderLookup } from './lookup-view.js';
import { trackerMessages } from './messages.js';
import { renderMyCases } from './my-cases-view.js';
import type { renderDecisionDocument } from './decision-document.js';
import { renderCollection, renderDecision, renderRevocation } from './outcome-view.js';
import type { renderBundle } from './bundle-view.js';
import { renderFacts, renderStatus } from './status-view.js';
import { renderTimeline } from './timeline-view.js';
import { CaseReading } from './tracker-reading.js';
import { openCorrection, WITHDRAWABLE_STATES, type TrackedCase } from './types.js';
import { renderWithdrawal } from './withdrawal-view.js';

/**
 * 我要查: the progress of an application (办件), looked up by case number and query code without logging in;
 * for a person the page has signed in (a `tokenProvider` on `<banshi-provider>`), 我的办件 first: their
 * cases with state and deadline, a page at a time, each opened with the token alone.
 *
 * Shows the status in words, the promised deadline with working days left or an overdue marker, the
 * timeline of steps (office, time, opinion) and the applicant with the ID number masked. While a correction
 * (补正) is requested it lists exactly what is missing and uploads and sends the correction once; the
 * applicant can withdraw (撤回) after a confirmation. Once concluded it says how to collect the result
 * and offers `<banshi-rating>` for the case. A 一件事 bundle shows as one case listing each member item with
 * its department and state, and is handed over at one window. A written decision (不予受理, 不予许可) shows its 文书编号,
 * reasons and the applicant's remedies (行政复议, 行政诉讼), and prints alone as a document. It refreshes
 * itself while on screen, backing off from `poll-seconds` to 5 minutes while nothing changes, and stops once
 * the case is settled.
 *
 * The query code is typed into the form (never taken from the URL) and kept only in memory: reloading the
 * page asks for it again, so a shared computer does not keep it.
 *
 * @tagname banshi-case-tracker
 * @summary 我要查: track an application by case number and query code.
 * @event {CustomEvent<TrackedCase>} banshi-case-loaded - A lookup found the case, or a refresh found it changed; `detail` is the case.
 * @event {CustomEvent<TrackedCase>} banshi-correction-submitted - The correction (补正) was accepted; `detail` is the case.
 * @event {CustomEvent<TrackedCase>} banshi-case-withdrawn - The application was withdrawn; `detail` is the case.
 * @csspart base - The outer box.
 * @csspart title - The heading.
 * @csspart form - The lookup form.
 * @csspart submit - The main button of a form.
 * @csspart notice - Error, warning and confirmation boxes.
 * @csspart error-summary - The list of problems at the top of the form, each a link to its field.
 * @csspart status - The status line (state in words and the overdue marker).
 * @csspart timeline - The list of steps.
 * @csspart decision - The decision; for 不予受理 and 不予许可 the written decision with its 文书编号 and remedies.
 * @csspart revocation - 撤销: the approval revoked after an untrue commitment (告知承诺).
 * @csspart my-cases - 我的办件, the signed-in person's cases.
 * @csspart bundle - 一件事: each member item's department and state, and the state of the whole bundle.
 * @cssprop --banshi-case-tracker-padding - Inner spacing of the widget.
 * @cssprop --banshi-case-tracker-border-color - Border of the widget.
 * @cssprop --banshi-case-tracker-line-color - The line joining the steps of the timeline.
 * @cssprop --banshi-case-tracker-overdue-color - The overdue marker.
 */
export class BanshiCaseTracker extends CaseReading {
  static override styles = [baseStyles, trackerStyles];
  static override messages = trackerMessages;

  /**
   * Brings in `<banshi-rating>` when a concluded case can be rated and nothing on the page has defined it.
   * The CDN file `banshi-case-tracker.js` sets it to import `banshi-rating.js` from its own folder (see
   * define.ts); a page may replace it, or define the rating itself beforehand.
   */
  static loadRating?: () => Promise<unknown>;

  @state() private uploads: CorrectionUploads = {};
  @state() private missing: string[] = [];
  @state() private failure = '';
  @state() private correctionSent = false;
  @state() private confirmingWithdrawal = false;
  /** The written decision's print view, loaded the first time someone prints; set while printing. */
  @state() private decisionDocument?: typeof renderDecisionDocument;
  /** The 一件事 members' list, loaded the first time a bundle is shown. */
  @state() private bundleView?: typeof renderBundle;

  private correctionKey = newIdempotencyKey();
  private withdrawalKey = newIdempotencyKey();

  protected override cleared(): void {
    this.uploads = {};
  }

  protected override refreshed(): void {
    this.correctionSent = false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('caseData') || changed.has('pollSeconds')) this.syncPolling();
    if (this.caseData?.bundle && !this.bundleView)
      void import('./bundle-view.js').then((view) => (this.bundleView = view.renderBundle));
    const settled = this.caseData && ['concluded', 'delivered'].includes(this.caseData.state);
    if (settled && this.canRead && !customElements.get('banshi-rating')) {
      const load = (this.constructor as typeof BanshiCaseTracker).loadRating;
      load?.().catch((error: unknown) => console.warn('[banshi] <banshi-rating> could not be loaded', error));
    }
  }

  protected override renderContent(): TemplateResult {
    if (this.caseData) return this.renderCase(this.caseData);
    if (this.signedIn && !this.lookingUp) return this.renderMine();
    return html`${this.renderLookup()}
    ${this.signedIn ? html`<div class="actions"><button type="button" @click=${() => this.showMine()}>${this.msg('tracker.mine.back')}</button></div>` : nothing}`;
  }

  private renderMine(): TemplateResult {
    return renderMyCases({
      msg: this.msg.bind(this),
      locale: this.locale,
      list: this.mine,
      failure: this.mine.status === 'failed' ? this.mineFailure() : '',
      open: (found) => void this.openOwn(found),
      more: () =>
        void this.mine.more().then((first) => first && focusIn(this, `#my-${first.caseNumber} button`)),
      retry: () => void this.mine.load(),
      lookup: () => {
        this.lookingUp = true;
        void focusIn(this, '#case-number');
      },
    });
  }

  private mineFailure(): string {
    const error = this.mine.failure;
    const reason =
      failureDetail(error) ??
      this.msg(isServerAnswer(error) ? 'tracker.failed.server' : 'tracker.failed.network');
    return this.msg('tracker.mine.failed', { reason });
  }

  private showMine(): void {
    this.lookingUp = false;
    this.forget();
  }

  private renderLookup(): TemplateResult {
    const { busy, problem, caseNumber, locale } = this;
    const msg = this.msg.bind(this);
    const submit = (event: Event) => void this.onLookup(event);
    return renderLookup({
      host: this,
      msg,
      locale,
      busy,
      errors: this.fieldErrors,
      problem,
      caseNumber,
      submit,
    });
  }

  private renderCase(found: TrackedCase): TemplateResult {
    const locale = this.locale;
    const correction = openCorrection(found);
    const msg = this.msg.bind(this);
    const printView = this.decisionDocument;
    return html`<section aria-busy=${this.busy} class=${printView ? 'printing-decision' : ''}>
      <h2 part="title" id="case-title" tabindex="-1">${found.itemName}</h2>
      <p class="hint">${this.msg('tracker.number', { number: found.caseNumber })}</p>
      ${renderStatus(msg, found)} ${renderFacts(msg, found, locale)}
      ${this.bundleView?.(msg, found, locale) ?? nothing}
      ${renderDecision(msg, found, () => void this.printDecision())} ${renderRevocation(msg, found, locale)}
      ${printView ? printView(msg, found, locale) : nothing}
      ${this.correctionSent ? html`<p class="notice done" part="notice" role="status">${this.msg('tracker.correction.sent')}</p>` : nothing}
      ${correction ? renderCorrection(this.correctionView(found), correction) : nothing}
      ${['concluded', 'delivered'].includes(found.state) ? html`${renderCollection(msg, found, locale)}${this.renderRating(found)}` : nothing}
      ${this.renderWithdrawal(found)}
      ${this.timeline.length ? renderTimeline(this.timeline, locale, (key, params) => this.msg(key, params)) : nothing}
      <div class="actions">
        ${
          this.canRead
            ? html`<button type="button" @click=${() => void this.refresh()} ?disabled=${this.busy}>
                ${this.msg('tracker.refresh')}
              </button>`
            : nothing
        }
        <button type="button" @click=${() => this.forget()}>
          ${this.msg(this.ownCase ? 'tracker.mine.back' : 'tracker.another')}
        </button>
      </div>
      ${this.checkedAt ? html`<p class="hint">${this.msg('tracker.updated', { time: formatMoment(this.checkedAt, locale) })}</p>` : nothing}
    </section>`;
  }

  /** Prints the written decision alone: its print view is a chunk of its own, fetched the first time. */
  private async printDecision(): Promise<void> {
    const [{ renderDecisionDocument }, { printAlone }] = await Promise.all([
      import('./decision-document.js'),
      import('../base/print-alone.js'),
    ]);
    this.decisionDocument = renderDecisionDocument;
    await this.updateComplete;
    addEventListener('afterprint', () => (this.decisionDocument = undefined), { once: true });
    printAlone(this);
  }

  /** The rating proves access to the case the way the tracker did: with the token, or the query code. */
  private renderRating(found: TrackedCase): TemplateResult | typeof nothing {
    return this.canRead
      ? html`<banshi-rating
          case-number=${found.caseNumber}
          .queryCode=${this.queryCode}
          .applicantToken=${this.applicantToken}
          ?applicant-known=${this.ownCase}
          .apiBase=${this.apiBase}
          .theme=${this.theme}
          ?elder=${this.elder}
        ></banshi-rating>`
      : nothing;
  }

  private renderWithdrawal(found: TrackedCase): TemplateResult | typeof nothing {
    if (!WITHDRAWABLE_STATES.includes(found.state) || !this.canRead) return nothing;
    return renderWithdrawal({
      msg: this.msg.bind(this),
      confirming: this.confirmingWithdrawal,
      busy: this.busy,
      failure: this.failure,
      ask: () => void this.askWithdrawal(),
      withdraw: () => void this.withdraw(),
      cancel: () => this.cancelWithdrawal(),
    });
  }

  private correctionView(found: TrackedCase): CorrectionView {
    return {
      host: this,
      msg: this.msg.bind(this),
      locale: this.locale,
      busy: this.busy,
      uploads: this.uploads,
      missing: this.missing,
      failure: this.failure,
      submit: (event) => void this.onCorrection(event),
      files: (materialId, input) => void this.onFiles(found, materialId, input),
    };
  }

  private async onFiles(found: TrackedCase, materialId: string, input: HTMLInputElement): Promise<void> {
    const files = Array.from(input.files ?? []);
    if (!files.length) return;
    this.uploads = { ...this.uploads, [materialId]: 'busy' };
    this.failure = '';
    try {
      const done = await uploadCorrectionFiles(this.api, found.itemCode, materialId, files);
      this.uploads = { ...this.uploads, [materialId]: done };
      this.missing = this.missing.filter((id) => id !== materialId);
    } catch (error) {
      const { [materialId]: _dropped, ...rest } = this.uploads;
      this.uploads = rest;
      input.value = '';
      this.failure = this.failureText(error);
    }
  }

  private async onCorrection(event: Event): Promise<void> {
    event.preventDefault();
    const found = this.caseData;
    const correction = found && openCorrection(found);
    if (this.busy || !found || !correction) return;
    const needed = neededMaterials(correction);
    this.missing = needed.filter((id) => typeof this.uploads[id] !== 'object');
    if (this.missing.length || needed.some((id) => this.uploads[id] === 'busy')) {
      await focusErrorSummary(this);
      return;
    }
    const note = this.renderRoot.querySelector<HTMLTextAreaElement>('#correction-note')?.value.trim();
    const materials = correctionMaterials(needed, this.uploads);
    await this.act(
      () =>
        this.caseClient().cases.submitCorrection(
          found.caseNumber,
          { materials, ...(note ? { note } : {}) },
          { ...this.access(), idempotencyKey: this.correctionKey },
        ),
      (updated) => {
        this.correctionKey = newIdempotencyKey();
        this.uploads = {};
        this.correctionSent = true;
        this.emit('banshi-correction-submitted', updated);
      },
    );
  }

  private async askWithdrawal(): Promise<void> {
    this.failure = '';
    this.confirmingWithdrawal = true;
    await focusIn(this, '#withdrawal-title');
  }

  private cancelWithdrawal(): void {
    this.confirmingWithdrawal = false;
    this.failure = '';
  }

  private async withdraw(): Promise<void> {
    const found = this.caseData;
    if (this.busy || !found) return;
    const reason = this.renderRoot.querySelector<HTMLTextAreaElement>('#withdrawal-reason')?.value.trim();
    await this.act(
      () =>
        this.caseClient().cases.withdraw(found.caseNumber, reason ? { reason } : {}, {
          ...this.access(),
          idempotencyKey: this.withdrawalKey,
        }),
      (updated) => {
        this.confirmingWithdrawal = false;
        this.emit('banshi-case-withdrawn', updated);
      },
    );
  }

  /** Runs an applicant action that returns the case, then shows the case and its timeline as they are now. */
  private async act(send: () => Promise<TrackedCase>, done: (updated: TrackedCase) => void): Promise<void> {
    this.busy = true;
    this.failure = '';
    try {
      const updated = await send();
      done(updated);
      this.timeline = await this.readTimeline(updated.caseNumber).catch(() => this.timeline);
      this.caseData = updated;
      this.checkedAt = new Date();
      this.poller.reset();
      await focusIn(this, '#case-title');
    } catch (error) {
      this.failure = this.failureText(error);
    } finally {
      this.busy = false;
    }
  }
}
