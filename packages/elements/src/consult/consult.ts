import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { components } from '@banshi/sdk';
import { isValidMobile, normalizeMobile } from '@banshi/sdk/forms';
import { EVALUATION_LEVELS, isAPIError, newIdempotencyKey } from '../base/api.js';
import { BanshiElement } from '../base/banshi-element.js';
import { focusErrorSummary, renderErrorSummary, type SummaryEntry } from '../base/error-summary.js';
import { baseStyles } from '../base/base.styles.js';
import { formLayoutStyles } from '../base/form-layout.styles.js';
import { consultStyles } from './consult.styles.js';
import { consultMessages } from './messages.js';
import './events.js';
import { QuestionAttachment, renderAttachment } from './attachment.js';
import { renderMyQuestions, type MyQuestions } from './my-questions-view.js';

type Schemas = components['schemas'];
type Level = Schemas['EvaluationLevel'];
/** How long typing must pause before existing answers are looked up. */
const SUGGEST_DELAY_MS = 300;

/**
 * 我要问: asks the office about a service item. While the resident types, the item's 常见问题 and
 * published answers that fit are shown; the question is sent with an optional mobile and an optional file
 * (uploaded at once, with the application form's types, size limit and content check), and the question
 * number and query code are shown once. With them the resident reads the answer, asks one follow-up and
 * rates the answer with the five 好差评 levels. For a resident the page has signed in (a `tokenProvider`
 * on `<banshi-provider>`) the question is theirs, and 我的咨询 lists their questions, each read with the
 * token alone.
 *
 * @tagname banshi-consult
 * @summary 我要问: ask the office, read the answer, follow up and rate it.
 * @event {CustomEvent<ConsultationCreated>} banshi-consultation-asked - A question was sent.
 * @csspart base - The outer box.
 * @csspart submit - The main button.
 * @csspart error-summary - The list of problems at the top of the form.
 * @cssprop --banshi-consult-padding - Inner spacing.
 * @cssprop --banshi-consult-border-color - Border of the widget.
 */
export class BanshiConsult extends BanshiElement {
  static override styles = [baseStyles, formLayoutStyles, consultStyles];
  static override messages = consultMessages;

  /** The item's implementation code (实施编码). */
  @property({ attribute: 'item-code' }) itemCode = '';

  @state() private suggestions: Schemas['ConsultationSuggestion'][] = [];
  @state() private errors: SummaryEntry[] = [];
  @state() private busy = false;
  @state() private asked?: Schemas['ConsultationCreated'];
  @state() private consultation?: Schemas['Consultation'];
  @state() private rated = false;
  @state() private mine?: MyQuestions;
  private attachment = new QuestionAttachment(
    () => this.api,
    () => this.requestUpdate(),
  );
  private access = { number: '', code: '' };
  private key = newIdempotencyKey();
  private timer?: ReturnType<typeof setTimeout>;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.checkSignIn();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  protected override tokenChanged(): void {
    void this.checkSignIn();
  }

  /** 我的咨询 while the page has someone signed in; nothing of theirs once they sign out. */
  private async checkSignIn(): Promise<void> {
    const signedIn = !!(await this.currentToken().catch(() => undefined));
    if (!signedIn) return void (this.mine = undefined);
    this.mine = { status: 'loading', items: this.mine?.items ?? [] };
    try {
      const page = await this.api.consultations.listMine({ limit: 20 });
      this.mine = { status: 'ready', items: page.items };
    } catch {
      this.mine = { status: 'failed', items: [] };
    }
  }

  protected override renderContent(): TemplateResult {
    return html`<h2>${this.msg('ask.title')}</h2>
      ${renderErrorSummary(this, this.msg('ask.errors'), this.errors)}
      ${
        this.consultation
          ? this.renderConsultation(this.consultation)
          : this.asked
            ? this.renderAsked(this.asked)
            : this.renderAsk()
      }`;
  }

  private renderAsk(): TemplateResult {
    return html`<form novalidate @submit=${this.send}>
        <div class="field">
          <label for="question">${this.msg('ask.question')}</label>
          <textarea id="question" maxlength="500" @input=${this.typed}></textarea>
        </div>
        ${
          this.suggestions.length
            ? html`<div role="status">
                <p>${this.msg('ask.suggest')}</p>
                ${this.suggestions.map(
                  (s) =>
                    html`<details>
                      <summary>${s.question}</summary>
                      <p>${s.answer}</p>
                    </details>`,
                )}
              </div>`
            : nothing
        }
        ${this.field('mobile', 'tel', 'ask.mobile')}
        ${renderAttachment(
          this.msg.bind(this),
          this.attachment,
          this.errors.some((e) => e.target === 'attachment'),
          (file) => void this.attach(file),
          () => (this.attachment.clear(), this.requestUpdate()),
        )}
        <button part="submit" ?disabled=${this.busy}>
          ${this.msg(this.busy ? 'ask.sending' : 'ask.send')}
        </button>
      </form>
      ${
        this.mine
          ? renderMyQuestions(
              this.msg.bind(this),
              this.mine,
              (found) => this.open(found),
              () => void this.checkSignIn(),
            )
          : nothing
      }
      ${this.renderLookup()}`;
  }

  private async attach(file: File): Promise<void> {
    try {
      await this.attachment.choose(this.itemCode, file);
    } catch (error) {
      await this.report([{ text: this.problemText(error), target: 'attachment' }]);
    }
  }

  /** One of 我的咨询, read with the token: its follow-up and rating need no code either. */
  private open(found: Schemas['Consultation']): void {
    this.access = { number: found.number, code: '' };
    this.consultation = found;
  }

  /** The code that proves access, when the question was not opened signed in. */
  private get codeOption(): { queryCode?: string } {
    return this.access.code ? { queryCode: this.access.code } : {};
  }

  private renderLookup(): TemplateResult {
    return html`<form novalidate @submit=${this.lookup}>
      ${this.field('number', 'text', 'ask.number')} ${this.field('code', 'text', 'ask.code')}
      <button>${this.msg('ask.read')}</button>
    </form>`;
  }

  private field(id: string, type: string, label: string): TemplateResult {
    const invalid = this.errors.some((e) => e.target === id);
    return html`<div class="field">
      <label for=${id}>${this.msg(label)}</label>
      <input id=${id} type=${type} autocomplete="off" aria-invalid=${invalid ? 'true' : 'false'} />
    </div>`;
  }

  private renderAsked(a: Schemas['ConsultationCreated']): TemplateResult {
    return html`<div class="done" role="status">
      <p><strong>${this.msg('ask.received', { due: a.answerDue })}</strong></p>
      ${a.hotlineHint ? html`<p>${a.hotlineHint}</p>` : nothing}
      <dl>
        <dt>${this.msg('ask.number')}</dt>
        <dd class="code">${a.number}</dd>
        <dt>${this.msg('ask.code')}</dt>
        <dd class="code">${a.queryCode}</dd>
      </dl>
      <p>${this.msg('ask.keep')}</p>
      <button type="button" @click=${this.readAsked}>${this.msg('ask.read')}</button>
    </div>`;
  }

  private renderConsultation(c: Schemas['Consultation']): TemplateResult {
    const answered = c.answer !== undefined;
    return html`<div class="done">
      <p>${c.question}</p>
      ${
        c.answer
          ? html`<p><strong>${this.msg('ask.answer', { office: c.answer.office })}</strong></p>
              <p>${c.answer.text}</p>`
          : html`<p role="status">${this.msg('ask.waiting', { due: c.answerDue })}</p>`
      }
      ${
        c.followUp
          ? html`<p>${c.followUp.question}</p>
              <p>${c.followUp.answer?.text ?? this.msg('ask.waiting', { due: c.followUp.answerDue })}</p>`
          : answered
            ? html`<form novalidate @submit=${this.followUp}>
                <div class="field">
                  <label for="followUp">${this.msg('ask.followUp')}</label>
                  <textarea id="followUp" maxlength="500"></textarea>
                </div>
                <button ?disabled=${this.busy}>${this.msg('ask.sendFollowUp')}</button>
              </form>`
            : nothing
      }
      ${answered && c.itemCode ? this.renderRating() : nothing}
      <button type="button" @click=${this.again}>${this.msg('ask.again')}</button>
    </div>`;
  }

  private renderRating(): TemplateResult {
    if (this.rated) return html`<p role="status">${this.msg('ask.rated')}</p>`;
    return html`<form novalidate @submit=${this.rate}>
      <fieldset id="level" tabindex="-1">
        <legend>${this.msg('ask.rate')}</legend>
        ${EVALUATION_LEVELS.map(
          (level) =>
            html`<label class="choice"
              ><input type="radio" name="level" .value=${level} />${this.msg(`ask.level.${level}`)}</label
            >`,
        )}
      </fieldset>
      <button ?disabled=${this.busy}>${this.msg('ask.sendRating')}</button>
    </form>`;
  }

  private value(id: string): string {
    return (this.renderRoot.querySelector<HTMLInputElement>(`#${id}`)?.value ?? '').trim();
  }

  private typed = (): void => {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.suggest(this.value('question')), SUGGEST_DELAY_MS);
  };

  private async suggest(text: string): Promise<void> {
    if (!this.itemCode || text.length < 2) return void (this.suggestions = []);
    try {
      this.suggestions = (await this.api.consultations.suggestions(this.itemCode, text.slice(0, 500))).items;
    } catch {
      this.suggestions = [];
    }
  }

  private async report(errors: SummaryEntry[]): Promise<void> {
    this.errors = errors;
    await this.updateComplete;
    if (errors.length) await focusErrorSummary(this);
  }

  private problemText(error: unknown): string {
    const problem = isAPIError(error)
      ? (error.problem as { detail?: string; errors?: { message: string }[] } | undefined)
      : undefined;
    return problem?.errors?.[0]?.message ?? problem?.detail ?? this.msg('ask.failed');
  }

  /** Runs a call with the button busy; a failure is reported against `target`, typed text kept. */
  private async attempt(target: string, call: () => Promise<void>): Promise<void> {
    this.busy = true;
    try {
      await call();
      await this.report([]);
    } catch (error) {
      await this.report([{ text: this.problemText(error), target }]);
    } finally {
      this.busy = false;
    }
  }

  private send = async (event: Event): Promise<void> => {
    event.preventDefault();
    const question = this.value('question');
    const mobile = this.value('mobile');
    const errors: SummaryEntry[] = [];
    if ([...question].length < 10) errors.push({ text: this.msg('ask.error.question'), target: 'question' });
    if (mobile && !isValidMobile(mobile))
      errors.push({ text: this.msg('ask.error.mobile'), target: 'mobile' });
    const file = this.attachment.entry;
    if (file && !this.attachment.uploadId)
      errors.push({
        text: this.attachment.busy ? this.msg('ask.error.uploading') : this.msg('ask.error.attachment'),
        target: 'attachment',
      });
    await this.report(errors);
    if (errors.length) return;
    await this.attempt('question', async () => {
      const uploadId = this.attachment.uploadId;
      const asked = await this.api.consultations.ask(
        {
          itemCode: this.itemCode,
          question,
          ...(mobile ? { mobile: normalizeMobile(mobile) } : {}),
          ...(uploadId ? { uploadId } : {}),
        },
        { idempotencyKey: this.key, formSession: this.attachment.formSession },
      );
      this.key = newIdempotencyKey();
      this.attachment.clear();
      if (this.mine) void this.checkSignIn();
      this.asked = asked;
      this.access = { number: asked.number, code: asked.queryCode };
      this.emit('banshi-consultation-asked', asked);
    });
  };

  private lookup = async (event: Event): Promise<void> => {
    event.preventDefault();
    const access = { number: this.value('number').toUpperCase(), code: this.value('code') };
    if (!access.number || access.code.replace(/[\s-]/g, '').length !== 8)
      return this.report([{ text: this.msg('ask.error.number'), target: 'number' }]);
    this.access = access;
    await this.attempt('number', async () => {
      this.consultation = await this.api.consultations.get(access.number, { queryCode: access.code });
    });
  };

  private followUp = async (event: Event): Promise<void> => {
    event.preventDefault();
    const question = this.value('followUp');
    if ([...question].length < 10)
      return this.report([{ text: this.msg('ask.error.question'), target: 'followUp' }]);
    await this.attempt('followUp', async () => {
      this.consultation = await this.api.consultations.followUp(
        this.access.number,
        question,
        this.codeOption,
      );
    });
  };

  private rate = async (event: Event): Promise<void> => {
    event.preventDefault();
    const level = this.renderRoot.querySelector<HTMLInputElement>('input[name=level]:checked')?.value as
      Level | undefined;
    if (!level) return this.report([{ text: this.msg('ask.rate'), target: 'level' }]);
    const bad = level === 'dissatisfied' || level === 'veryDissatisfied';
    await this.attempt('level', async () => {
      await this.api.consultations.rate(
        this.access.number,
        bad
          ? { level, channel: 'pc', anonymous: true, reasons: ['other'] }
          : { level, channel: 'pc', anonymous: true },
        this.codeOption,
      );
      this.rated = true;
    });
  };

  private readAsked = async (): Promise<void> => {
    const { number } = this.access;
    await this.attempt('number', async () => {
      this.consultation = await this.api.consultations.get(number, this.codeOption);
    });
  };

  private again = (): void => {
    this.asked = undefined;
    this.consultation = undefined;
    this.rated = false;
    this.suggestions = [];
  };
}
