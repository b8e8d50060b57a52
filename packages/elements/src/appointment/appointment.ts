import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { components } from '@banshi/sdk';
import { isAPIError, isNotFound, newIdempotencyKey } from '../base/api.js';
import { BanshiElement } from '../base/banshi-element.js';
import { focusErrorSummary, renderErrorSummary, type SummaryEntry } from '../base/error-summary.js';
import { baseStyles } from '../base/base.styles.js';
import { formLayoutStyles } from '../base/form-layout.styles.js';
import { appointmentStyles } from './appointment.styles.js';
import { appointmentMessages } from './messages.js';
import './events.js';

type Schemas = components['schemas'];
type Slot = Schemas['AppointmentSlot'];
const MOBILE = /^1[3-9]\d{9}$/;
const SMS_CODE = /^\d{6}$/;

/**
 * 预约: books a time at the hall window of a service item. Lists the days open for booking (non-working
 * days shown closed) and the seats left in each slot; the resident gives name and mobile and the SMS code
 * the server texts (or, signed in at the page's `<banshi-provider>`, books as themselves with nothing to
 * type), and gets the booking number, the check-in code and its QR code. When the slot was
 * just taken, the next free slots are offered. With `kiosk` it is the hall's check-in screen instead: the
 * code typed or scanned becomes a queue ticket (取号) shown large.
 *
 * @tagname banshi-appointment
 * @summary 预约: book a slot at the hall window, or check in at the kiosk.
 * @event {CustomEvent<AppointmentCreated>} banshi-appointment-booked - A slot was booked.
 * @event {CustomEvent<QueueTicket>} banshi-checked-in - A booking was checked in; `detail` is the ticket.
 * @csspart base - The outer box.
 * @csspart submit - The main button.
 * @csspart error-summary - The list of problems at the top of the form.
 * @csspart ticket - The queue ticket on the kiosk.
 * @cssprop --banshi-appointment-padding - Inner spacing.
 * @cssprop --banshi-appointment-border-color - Border of the widget.
 * @cssprop --banshi-appointment-ticket-color - The ticket number on the kiosk.
 */
export class BanshiAppointment extends BanshiElement {
  static override styles = [baseStyles, formLayoutStyles, appointmentStyles];
  static override messages = appointmentMessages;

  /** The item's implementation code (实施编码). */
  @property({ attribute: 'item-code' }) itemCode = '';
  /** The hall's check-in screen instead of the booking form. */
  @property({ type: Boolean }) kiosk = false;

  @state() private calendar?: Schemas['AppointmentCalendar'];
  @state() private day = '';
  @state() private chosen?: Slot;
  @state() private failure = '';
  @state() private errors: SummaryEntry[] = [];
  @state() private busy = false;
  @state() private codeSentTo = '';
  @state() private alternatives: Slot[] = [];
  @state() private booked?: Schemas['AppointmentCreated'];
  @state() private ticket?: Schemas['QueueTicket'];
  @state() private cancelled = false;
  /** The page has signed someone in: the booking is theirs, no name, mobile or SMS code asked. */
  @state() private signedIn = false;
  private bookingKey = newIdempotencyKey();

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.kiosk) void this.loadSlots();
    void this.checkSignIn();
  }

  protected override tokenChanged(): void {
    void this.checkSignIn();
  }

  private async checkSignIn(): Promise<void> {
    this.signedIn = !!(await this.currentToken().catch(() => undefined));
  }

  /** Reads the free slots again (after a booking elsewhere, or a failure). */
  async loadSlots(): Promise<void> {
    if (!this.itemCode) return;
    this.failure = '';
    try {
      const calendar = await this.api.appointments.slots(this.itemCode);
      this.calendar = calendar;
      if (!calendar.days.some((d) => d.day === this.day))
        this.day = calendar.days.find((d) => d.slots.length)?.day ?? '';
    } catch (error) {
      this.failure = this.msg(isNotFound(error) ? 'appt.notBookable' : 'appt.failed');
    }
  }

  protected override get reservingSpace(): boolean {
    return !this.kiosk && !this.calendar && !this.failure && !this.booked;
  }

  protected override renderContent(): TemplateResult {
    if (this.kiosk) return this.renderKiosk();
    const title = html`<h2>${this.msg('appt.title')}</h2>`;
    if (this.booked) return html`${title}${this.renderBooked(this.booked)}`;
    if (this.failure)
      return html`${title}
        <p class="notice" role="alert">${this.failure}</p>`;
    if (!this.calendar)
      return html`${title}
        <p role="status">${this.msg('appt.loading')}</p>`;
    return html`${title}${this.renderForm(this.calendar)}`;
  }

  private renderForm(calendar: Schemas['AppointmentCalendar']): TemplateResult {
    const day = calendar.days.find((d) => d.day === this.day);
    return html`<form novalidate @submit=${this.book}>
      ${renderErrorSummary(this, this.msg('appt.errors'), this.errors)}
      <p>${this.msg('appt.window', { window: calendar.settings.windowName })}</p>
      <fieldset>
        <legend>${this.msg('appt.day')}</legend>
        <div class="choices">
          ${calendar.days.map((d) =>
            this.choice('day', d.day, d.workingDay ? d.day : this.msg('appt.closed', { day: d.day }), {
              checked: d.day === this.day,
              disabled: !d.slots.length,
              change: () => ((this.day = d.day), (this.chosen = undefined)),
            }),
          )}
        </div>
      </fieldset>
      <fieldset id="slot" tabindex="-1">
        <legend>${this.msg('appt.slots')}</legend>
        ${day?.slots.length ? this.renderSlots(day.slots) : html`<p>${this.msg('appt.noSlots')}</p>`}
      </fieldset>
      ${
        this.alternatives.length
          ? html`<div class="notice" role="status">
              <p>${this.msg('appt.taken')}</p>
              <div class="choices">
                ${this.alternatives.map(
                  (s) =>
                    html`<button type="button" @click=${() => this.pick(s)}>${s.day} ${s.start}</button>`,
                )}
              </div>
            </div>`
          : nothing
      }
      ${this.signedIn ? html`<p>${this.msg('appt.signedIn')}</p>` : this.renderBooker()}
      <button part="submit" ?disabled=${this.busy}>
        ${this.msg(this.busy ? 'appt.booking' : 'appt.book')}
      </button>
    </form>`;
  }

  /** Who books, when nobody is signed in: name, mobile and the SMS code sent to it. */
  private renderBooker(): TemplateResult {
    return html`${this.field('name', 'text', 'name')} ${this.field('mobile', 'tel', 'tel')}
      <button type="button" ?disabled=${this.busy} @click=${this.sendCode}>
        ${this.msg('appt.sendCode')}
      </button>
      ${
        this.codeSentTo
          ? html`<p role="status">${this.msg('appt.codeSent', { mobile: this.codeSentTo })}</p>`
          : nothing
      }
      ${this.field('code', 'text', 'one-time-code')}`;
  }

  private renderSlots(slots: Slot[]): TemplateResult {
    return html`<div class="choices">
      ${slots.map((s) =>
        this.choice(
          'slot',
          s.start,
          s.remaining ? this.msg('appt.slot', { ...s }) : `${s.start} ${this.msg('appt.full')}`,
          {
            checked: this.chosen?.day === s.day && this.chosen.start === s.start,
            disabled: !s.remaining,
            change: () => (this.chosen = s),
          },
        ),
      )}
    </div>`;
  }

  private choice(
    name: string,
    value: string,
    label: string,
    o: { checked: boolean; disabled: boolean; change: () => void },
  ): TemplateResult {
    return html`<label class="choice ${o.disabled ? 'off' : ''}"
      ><input
        type="radio"
        name=${name}
        .value=${value}
        .checked=${o.checked}
        ?disabled=${o.disabled}
        @change=${o.change}
      />${label}</label
    >`;
  }

  private field(name: 'name' | 'mobile' | 'code', type: string, autocomplete: string): TemplateResult {
    const invalid = this.errors.some((e) => e.target === name);
    return html`<div class="field">
      <label for=${name}>${this.msg(`appt.${name}`)}</label>
      <input
        id=${name}
        type=${type}
        autocomplete=${autocomplete}
        aria-invalid=${invalid ? 'true' : 'false'}
        inputmode=${name === 'name' ? 'text' : 'numeric'}
      />
    </div>`;
  }

  private value(id: string): string {
    return (this.renderRoot.querySelector<HTMLInputElement>(`#${id}`)?.value ?? '').trim();
  }

  private pick(slot: Slot): void {
    this.day = slot.day;
    this.chosen = slot;
    this.alternatives = [];
  }

  private async report(errors: SummaryEntry[]): Promise<void> {
    this.errors = errors;
    await this.updateComplete;
    if (errors.length) await focusErrorSummary(this);
  }

  private sendCode = async (): Promise<void> => {
    const mobile = this.value('mobile');
    if (!MOBILE.test(mobile)) return this.report([{ text: this.msg('appt.error.mobile'), target: 'mobile' }]);
    await this.report([]);
    this.busy = true;
    try {
      this.codeSentTo = (await this.api.appointments.sendCode(mobile)).mobile;
    } catch (error) {
      await this.report([{ text: this.problemText(error), target: 'mobile' }]);
    } finally {
      this.busy = false;
    }
  };

  private book = async (event: Event): Promise<void> => {
    event.preventDefault();
    const [name, mobile, code] = ['name', 'mobile', 'code'].map((id) => this.value(id));
    const errors: SummaryEntry[] = [];
    if (!this.chosen) errors.push({ text: this.msg('appt.error.slot'), target: 'slot' });
    if (!this.signedIn) {
      if (!name) errors.push({ text: this.msg('appt.error.name'), target: 'name' });
      if (!MOBILE.test(mobile!)) errors.push({ text: this.msg('appt.error.mobile'), target: 'mobile' });
      if (!SMS_CODE.test(code!)) errors.push({ text: this.msg('appt.error.code'), target: 'code' });
    }
    await this.report(errors);
    if (errors.length || !this.chosen) return;
    this.busy = true;
    try {
      const booked = await this.api.appointments.book(
        {
          itemCode: this.itemCode,
          day: this.chosen.day,
          start: this.chosen.start,
          // Signed in, the server takes the booker from the token.
          ...(this.signedIn ? {} : { booker: { name: name!, mobile: mobile!, verificationCode: code! } }),
        },
        { idempotencyKey: this.bookingKey },
      );
      this.booked = booked;
      this.bookingKey = newIdempotencyKey();
      this.emit('banshi-appointment-booked', booked);
    } catch (error) {
      const problem = isAPIError(error)
        ? (error.problem as { nextFreeSlots?: Slot[] } | undefined)
        : undefined;
      if (problem?.nextFreeSlots?.length) {
        this.alternatives = problem.nextFreeSlots;
        this.chosen = undefined;
        void this.loadSlots();
      }
      this.bookingKey = newIdempotencyKey();
      await this.report([
        { text: this.problemText(error), target: problem?.nextFreeSlots ? 'slot' : 'code' },
      ]);
    } finally {
      this.busy = false;
    }
  };

  private problemText(error: unknown): string {
    if (!isAPIError(error)) return this.msg('appt.failed');
    const problem = error.problem as { detail?: string; errors?: { message: string }[] } | undefined;
    return problem?.errors?.[0]?.message ?? problem?.detail ?? this.msg('appt.failed');
  }

  private renderBooked(b: Schemas['AppointmentCreated']): TemplateResult {
    if (this.cancelled)
      return html`<p role="status">${this.msg('appt.cancelled')}</p>
        <button type="button" @click=${this.again}>${this.msg('appt.again')}</button>`;
    const until = b.changeableUntil.slice(0, 16).replace('T', ' ');
    // An image, never markup: the SVG cannot run script there.
    const qr = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(b.checkInQrSvg)}`;
    return html`<div class="done" role="status">
      <p><strong>${this.msg('appt.done')}</strong> ${b.itemName}</p>
      <p>${this.msg('appt.when', { ...b })}，${b.windowName}</p>
      <dl>
        <dt>${this.msg('appt.number')}</dt>
        <dd>${b.number}</dd>
        <dt>${this.msg('appt.checkInCode')}</dt>
        <dd class="code">${b.checkInCode}</dd>
      </dl>
      <img class="qr" src=${qr} alt=${this.msg('appt.qr', { code: b.checkInCode })} />
      <p>${this.msg('appt.keep', { until })}</p>
      <button type="button" @click=${this.cancel}>${this.msg('appt.cancel')}</button>
    </div>`;
  }

  private cancel = async (): Promise<void> => {
    if (!this.booked) return;
    try {
      await this.api.appointments.cancel(this.booked.number, { checkInCode: this.booked.checkInCode });
      this.cancelled = true;
    } catch (error) {
      await this.report([{ text: this.problemText(error) }]);
    }
  };

  private again = (): void => {
    this.booked = undefined;
    this.cancelled = false;
    void this.loadSlots();
  };

  private renderKiosk(): TemplateResult {
    const t = this.ticket;
    return html`<h2>${this.msg('appt.kioskTitle')}</h2>
      ${
        t
          ? html`<div class="done" role="status">
              <p>${this.msg('appt.ticket')}</p>
              <p class="ticket" part="ticket">${t.ticket}</p>
              <p>${t.itemName}</p>
              <p>${this.msg('appt.ticketAhead', { count: t.waitingAhead, window: t.windowName })}</p>
            </div>`
          : nothing
      }
      <form novalidate @submit=${this.checkIn}>
        ${renderErrorSummary(this, this.msg('appt.errors'), this.errors)}
        <div class="field">
          <label for="checkin">${this.msg('appt.checkInCode')}</label>
          <input id="checkin" type="text" autocomplete="off" aria-describedby="checkin-hint" />
          <p id="checkin-hint">${this.msg('appt.checkInHint')}</p>
        </div>
        <button part="submit" ?disabled=${this.busy}>${this.msg('appt.checkIn')}</button>
      </form>`;
  }

  private checkIn = async (event: Event): Promise<void> => {
    event.preventDefault();
    const code = this.value('checkin').replace(/[\s-]/g, '');
    if (code.length !== 8) return this.report([{ text: this.msg('appt.checkInHint'), target: 'checkin' }]);
    this.busy = true;
    try {
      const ticket = await this.api.appointments.checkIn(code);
      this.ticket = ticket;
      await this.report([]);
      this.renderRoot.querySelector<HTMLInputElement>('#checkin')!.value = '';
      this.emit('banshi-checked-in', ticket);
    } catch (error) {
      this.ticket = undefined;
      await this.report([{ text: this.problemText(error), target: 'checkin' }]);
    } finally {
      this.busy = false;
    }
  };
}
