import { type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { failureDetail, isServerAnswer, type BanshiApi } from '../base/api.js';
import { BanshiElement } from '../base/banshi-element.js';
import { focusErrorSummary } from '../base/error-summary.js';
import { focusIn } from '../base/focus.js';
import { lookupErrors, lookupProblem, normalize, type LookupField, type LookupProblem } from './lookup.js';
import { MyCases } from './my-cases.js';
import { VisiblePoller } from './polling.js';
import { SETTLED_STATES, type TimelineEntry, type TrackedCase } from './types.js';

/**
 * Reading a case for the tracker: the lookup by case number and query code (or applicant token), 我的办件
 * for a signed-in person, the refreshes while the case can still change. The tracker adds what it shows
 * and what the applicant can do.
 */
export abstract class CaseReading extends BanshiElement {
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

  @state() protected busy = false;
  @state() protected fieldErrors: LookupField[] = [];
  @state() protected problem?: LookupProblem;
  @state() protected checkedAt?: Date;
  /** The page signed a person in: 我的办件 comes first. */
  @state() protected signedIn = false;
  /** Signed in, but looking a case up by number and query code. */
  @state() protected lookingUp = false;

  /** Kept in memory only, for refreshes and for the actions that need it. */
  protected queryCode = '';
  protected readonly poller = new VisiblePoller(this, () => this.refresh());
  protected readonly mine = new MyCases(this, () => this.api);
  /** The case shown is one of 我的办件, read with the signed-in token. */
  protected ownCase = false;

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
    this.problem = undefined;
    this.cleared();
    this.ownCase = false;
    if (this.signedIn && !this.lookingUp) {
      void this.mine.load().then(() => focusIn(this, '#my-cases-title'));
      return;
    }
    void focusIn(this, '#case-number');
  }

  /** The form was emptied: what the applicant had begun on the case shown goes too. */
  protected cleared(): void {}

  /** A refresh found the case changed. */
  protected refreshed(): void {}

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
  protected async openOwn(found: TrackedCase): Promise<void> {
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

  /** Whether the case can be read again (and acted on, and rated): a token or query code is at hand. */
  protected get canRead(): boolean {
    return !!(this.queryCode || this.applicantToken || this.ownCase);
  }

  /** The client to use: with the applicant token when there is one, otherwise the query code goes per call. */
  protected caseClient(): BanshiApi {
    return this.applicantToken ? this.api.withOptions({ token: this.applicantToken }) : this.api;
  }

  protected access(): { queryCode?: string } {
    return this.queryCode ? { queryCode: this.queryCode } : {};
  }

  protected async onLookup(event: Event): Promise<void> {
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
  protected async load(first: boolean): Promise<boolean> {
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
        if (!first) this.refreshed();
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

  protected async readTimeline(number: string): Promise<TimelineEntry[]> {
    const steps: TimelineEntry[] = [];
    for await (const step of this.caseClient().cases.listTimeline(number, { limit: 100 }, this.access()))
      steps.push(step);
    return steps;
  }

  protected failureText(error: unknown): string {
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
  protected syncPolling(): void {
    const found = this.caseData;
    const wanted = !!found && !SETTLED_STATES.includes(found.state) && this.canRead;
    if (!wanted || this.poller.base !== this.pollSeconds) this.poller.stop();
    this.poller.base = this.pollSeconds;
    if (wanted) this.poller.start();
  }
}
