import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the kiosk timers ask of the rating they run in. */
export interface KioskTimersOptions {
  /** Whether the element is a kiosk now (its `mode`). */
  active(): boolean;
  /** Seconds without a touch or key after which the rating starts over for the next person. */
  idleSeconds(): number;
  /** Seconds between attempts to deliver the queued ratings. */
  retrySeconds(): number;
  /** Starts over, unless a rating is being sent. */
  onIdle(): void;
  /** Delivers what the device queued while offline. */
  deliver(): void;
  /** Whether anything waits in the queue, so the retry timer does not read an empty queue. */
  waiting(): boolean;
}

const ACTIVITY = ['pointerdown', 'keydown', 'input'] as const;

/**
 * The kiosk's timers and listeners (评价器 at a hall window): start over after a pause, deliver queued
 * ratings every few seconds and as soon as the device is back online. A Lit `ReactiveController`: they
 * run exactly while the host is in the document in kiosk mode, checked before every update, so a mode
 * change or a removed element stops them at once.
 */
export class KioskTimers implements ReactiveController {
  private running = false;
  private idleTimer?: ReturnType<typeof setTimeout>;
  private retryTimer?: ReturnType<typeof setInterval>;
  private readonly onOnline = (): void => this.options.deliver();
  private readonly onActivity = (): void => this.restartIdle();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: KioskTimersOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.sync();
  }

  hostUpdate(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.sync();
  }

  /** Waits the idle time again from now (after a touch, or once a rating is sent). */
  restartIdle(): void {
    clearTimeout(this.idleTimer);
    if (!this.running) return;
    this.idleTimer = setTimeout(() => this.options.onIdle(), this.options.idleSeconds() * 1000);
  }

  private sync(): void {
    const wanted = this.host.isConnected && this.options.active();
    if (wanted === this.running) return;
    this.running = wanted;
    if (wanted) {
      window.addEventListener('online', this.onOnline);
      for (const type of ACTIVITY) this.host.addEventListener(type, this.onActivity);
      this.retryTimer = setInterval(() => {
        if (this.options.waiting()) this.options.deliver();
      }, this.options.retrySeconds() * 1000);
      this.restartIdle();
      this.options.deliver();
    } else {
      window.removeEventListener('online', this.onOnline);
      for (const type of ACTIVITY) this.host.removeEventListener(type, this.onActivity);
      clearInterval(this.retryTimer);
      clearTimeout(this.idleTimer);
    }
  }
}
