import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { failureDetail, isServerAnswer, newIdempotencyKey, type BanshiApi } from '../base/api.js';
import { BanshiElement } from '../base/banshi-element.js';
import { focusErrorSummary } from '../base/error-summary.js';
import { focusIn } from '../base/focus.js';
import { baseStyles } from '../base/base.styles.js';
import { trackerStyles } from './case-tracker.styles.js';
import './events.js';
import { correctionMaterials, neededMaterials, uploadCorrectionFiles } from './correction-uploads.js';
import { renderCorrection, type CorrectionUploads, type CorrectionView } from './correction-view.js';
import { formatMoment } from './format.js';
import { lookupErrors, lookupProblem, normalize, type LookupField, type LookupProblem } from './lookup.js';
import { renderLookup } from './lookup-view.js';
import { trackerMessages } from './messages.js';
import { MyCases } from './my-cases.js';
import { renderMyCases } from './my-cases-view.js';
import { renderCollection, renderDecision } from './outcome-view.js';
import { VisiblePoller } from './polling.js';
import { renderFacts, renderStatus } from './status-view.js';
import { renderTimeline } from './timeline-view.js';
import {
  openCorrection,
  SETTLED_STATES,
  WITHDRAWABLE_STATES,
  type TimelineEntry,
  type TrackedCase,
} from './types.js';
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
 * and offers `<banshi-rating>` for the case. It refreshes itself while on screen, backing off from
 * `poll-seconds` to 5 minutes while nothing changes, and stops once the case is settled.
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
 * @csspart my-cases - 我的办件, the signed-in person's cases.
 * @cssprop --banshi-case-tracker-padding - Inner spacing of the widget.
 * @cssprop --banshi-case-tracker-border-color - Border of the widget.
 * @cssprop --banshi-case-tracker-line-color - The line joining the steps of the timeline.
 * @cssprop --banshi-case-tracker-overdue-color - The overdue marker.
 */
export class BanshiCaseTracker extends BanshiElement {
  static override styles = [baseStyles, trackerStyles];
  static override messages = trackerMessages;

  /**
   * Brings in `<banshi-rating>` when a concluded case can be rated and nothing on the page has defined it.
   * The CDN file `banshi-case-tracker.js` sets it to import `banshi-rating.js` from its own folder (see
   * define.ts); a page may replace it, or define the rating itself beforehand.
   */
  static loadRating?: () => Promise<unknown>;

  /** 办件编号: fills the lookup form, or, with `applicantToken`, is looked up at once. */
  @property({ attribute: 'case-number' }) caseNumber = '';
  /**
   * The applicant token of the case (`CaseCreated.applicantToken`), e.g. straight after applying. Set it
   * from script only; with `case-number` the case is shown without asking for the query code.
   */
  @property({ attribute: false }) applicantToken = '';
  /** Seconds before the first refresh; each refresh that finds nothing new doubles it, up to 5 minutes. */
  @property({ attribute: 'poll-seconds', type: Number }) pollSeconds = 15;
  /** The case shown: set by a lookup, or by a page that has it already (then without refreshing). */
  @property({ attribute: false }) caseData?: TrackedCase;
  /** The steps of the case shown, oldest first. */
  @property({ attribute: false }) timeline: TimelineEntry[] = [];

  @state() private busy = false;
  @state() private fieldErrors: LookupField[] = [];
  @state() private problem?: LookupProblem;
  @state() private checkedAt?: Date;
  @state() private uploads: CorrectionUploads = {};
  @state() private missing: string[] = [];
  @state() private failure = '';
  @state() private correctionSent = false;
  @state() private confirmingWithdrawal = false;
  /** The page signed a person in: 我的办件 comes first. */
  @state() private signedIn = false;
  /** Signed in, but looking a case up by number and query code. */
  @state() private lookingUp = false;

  /** Kept in memory only, for refreshes and for the actions that need it. */
  private queryCode = '';
  private readonly poller = new VisiblePoller(this, () => this.refresh());
  private readonly mine = new MyCases(this, () => this.api);
  /** The case shown is one of 我的办件, read with the signed-in token. */
  private ownCase = false;
  private correctionKey = newIdempotencyKey();
  private withdrawalKey = newIdempotencyKey();

  /**
   * Looks up a case by number and query code, as the form does; answers whether it was found. The code is
   * sent in the `X-Query-Code` header only.
   */
  async lookup(caseNumber: string, queryCode: string): Promise<boolean> {
    this.caseNumber = normalize(caseNumber);
    this.queryCode = normalize(queryCode);
    this.applicantToken = '';
    return this.load(true);
  }

  /** Reads the case again now (the refresh button). */
  async refresh(): Promise<boolean> {
    try {
      return await this.load(false);
    } catch {
      // The case stays on screen as last read; the next refresh tries again.
      return false;
    }
  }

  /** Goes back to an empty form and forgets the query code. */
  forget(): void {
    this.poller.stop();
    this.caseData = undefined;
    this.timeline = [];
    this.queryCode = this.applicantToken = this.caseNumber = '';
    this.uploads = {};
    this.problem = undefined;
    this.ownCase = false;
    if (this.signedIn && !this.lookingUp) {
      void this.mine.load().then(() => focusIn(this, '#my-cases-title'));
      return;
    }
    void focusIn(this, '#case-number');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.checkSignIn();
  }

  protected override tokenChanged(): void {
    void this.checkSignIn();
  }

  /** Shows 我的办件 while the page has someone signed in, and the lookup form otherwise. */
  private async checkSignIn(): Promise<void> {
    const signedIn = !!(await this.currentToken().catch(() => undefined));
    if (signedIn === this.signedIn && (this.mine.status !== 'idle' || !signedIn)) return;
    this.signedIn = signedIn;
    if (signedIn) void this.mine.load();
    else this.mine.clear();
  }

  /** Opens one of 我的办件: read again with the token, with its timeline. */
  private async openOwn(found: TrackedCase): Promise<void> {
    this.ownCase = true;
    this.caseNumber = found.caseNumber;
    this.queryCode = this.applicantToken = '';
    await this.load(true);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      (changed.has('applicantToken') || changed.has('caseNumber')) &&
      this.applicantToken &&
      this.caseNumber
    )
      void this.load(true);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('caseData') || changed.has('pollSeconds')) this.syncPolling();
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
    return html`<section aria-busy=${this.busy}>
      <h2 part="title" id="case-title" tabindex="-1">${found.itemName}</h2>
      <p class="hint">${this.msg('tracker.number', { number: found.caseNumber })}</p>
      ${renderStatus(msg, found)} ${renderFacts(msg, found, locale)} ${renderDecision(msg, found)}
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

  /** Whether the case can be read again (and acted on, and rated): a token or query code is at hand. */
  private get canRead(): boolean {
    return !!(this.queryCode || this.applicantToken || this.ownCase);
  }

  /** The client to use: with the applicant token when there is one, otherwise the query code goes per call. */
  private caseClient(): BanshiApi {
    return this.applicantToken ? this.api.withOptions({ token: this.applicantToken }) : this.api;
  }

  private access(): { queryCode?: string } {
    return this.queryCode ? { queryCode: this.queryCode } : {};
  }

  private async onLookup(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const value = (id: string) => this.renderRoot.querySelector<HTMLInputElement>(`#${id}`)?.value ?? '';
    const caseNumber = normalize(value('case-number'));
    const queryCode = normalize(value('query-code'));
    this.caseNumber = value('case-number');
    this.fieldErrors = lookupErrors(caseNumber, queryCode);
    this.problem = undefined;
    if (this.fieldErrors.length) {
      await focusErrorSummary(this);
      return;
    }
    await this.lookup(caseNumber, queryCode);
  }

  /**
   * Reads the case (and its timeline when it changed). A first lookup reports why it failed; a refresh
   * failing leaves the case on screen as it was.
   */
  private async load(first: boolean): Promise<boolean> {
    const number = this.caseNumber;
    const client = this.caseClient();
    this.busy = first;
    try {
      // A lookup is not retried: a wrong pair or a rate limit must be explained at once, not waited out.
      const found = await client.cases.get(number, { ...this.access(), ...(first ? { maxRetries: 0 } : {}) });
      const changed =
        first || found.updatedAt !== this.caseData?.updatedAt || found.state !== this.caseData?.state;
      if (changed) {
        this.timeline = await this.readTimeline(number);
        this.caseData = found;
        if (!first) this.correctionSent = false;
        this.emit('banshi-case-loaded', found);
      }
      this.checkedAt = new Date();
      if (first) {
        this.problem = undefined;
        await focusIn(this, '#case-title');
      }
      return changed;
    } catch (error) {
      if (!first) throw error;
      const refused = this.corsRefusal(error);
      this.problem = refused
        ? { kind: 'refused', text: refused }
        : lookupProblem(error, isServerAnswer(error));
      this.caseData = undefined;
      await focusIn(this, '#problem');
      return false;
    } finally {
      this.busy = false;
    }
  }

  private async readTimeline(number: string): Promise<TimelineEntry[]> {
    const steps: TimelineEntry[] = [];
    for await (const step of this.caseClient().cases.listTimeline(number, { limit: 100 }, this.access()))
      steps.push(step);
    return steps;
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

  private failureText(error: unknown): string {
    const reason =
      failureDetail(error) ??
      this.corsRefusal(error) ??
      this.msg(isServerAnswer(error) ? 'tracker.failed.server' : 'tracker.failed.network');
    return this.msg('tracker.failed', { reason });
  }

  /**
   * Refreshes exactly while a case that can still change is shown with a way to read it again; the poller
   * itself pauses while the tracker is out of the document.
   */
  private syncPolling(): void {
    const found = this.caseData;
    const wanted = !!found && !SETTLED_STATES.includes(found.state) && this.canRead;
    if (!wanted || this.poller.base !== this.pollSeconds) this.poller.stop();
    this.poller.base = this.pollSeconds;
    if (wanted) this.poller.start();
  }
}
