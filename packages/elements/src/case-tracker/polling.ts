import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Refreshes something while a host element is on screen: every `base` seconds at first, doubling while
 * nothing changes up to `cap`, back to `base` as soon as something does. It waits while the page is hidden
 * (`visibilitychange`) or the element is scrolled out of view (IntersectionObserver), and refreshes at once
 * when it comes back, so a tracker left open in a background tab costs the server nothing.
 *
 * A Lit `ReactiveController` of its host: once started, it pauses when the host leaves the document and
 * resumes when it comes back, so a removed tracker leaves no timer or listener behind.
 */
export class VisiblePoller implements ReactiveController {
  /** Seconds until the next refresh. */
  delay: number;
  /** Seconds of the first interval; a change applies from the next start. */
  base: number;
  /** Started and not stopped: refreshes whenever the host is connected. */
  private wanted = false;
  private timer?: ReturnType<typeof setTimeout>;
  private observer?: IntersectionObserver;
  private inView = true;
  private running = false;
  private busy = false;
  /** Whether it was visible when last looked at, to refresh at once only on a change to visible. */
  private shown = false;
  private readonly onVisibility = (): void => this.sync();

  /**
   * @param host the element whose visibility counts
   * @param refresh performs one refresh and answers whether anything changed
   * @param base first interval in seconds
   * @param cap longest interval in seconds
   */
  constructor(
    private readonly host: Element & Partial<ReactiveControllerHost>,
    private readonly refresh: () => Promise<boolean>,
    base = 15,
    private readonly cap = 300,
  ) {
    this.base = this.delay = base;
    host.addController?.(this);
  }

  /** Whether the page is shown and the host is in view, so a refresh would be seen. */
  get visible(): boolean {
    return document.visibilityState === 'visible' && this.inView;
  }

  /** Refreshes from now on, whenever the host is in the document. */
  start(): void {
    this.wanted = true;
    if (this.host.isConnected) this.run();
  }

  /** No more refreshes until the next start. */
  stop(): void {
    this.wanted = false;
    this.halt();
  }

  hostConnected(): void {
    if (this.wanted) this.run();
  }

  hostDisconnected(): void {
    this.halt();
  }

  private run(): void {
    if (this.running) return;
    this.running = true;
    this.delay = this.base;
    document.addEventListener('visibilitychange', this.onVisibility);
    if (typeof IntersectionObserver === 'function') {
      this.observer = new IntersectionObserver((entries) => {
        const last = entries[entries.length - 1];
        if (!last) return;
        this.inView = last.isIntersecting;
        this.sync();
      });
      this.observer.observe(this.host);
    }
    this.shown = this.visible;
    this.schedule(false);
  }

  private halt(): void {
    this.running = false;
    clearTimeout(this.timer);
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.observer?.disconnect();
    this.observer = undefined;
  }

  /** Starts the intervals again from `base` (after the page itself changed the case). */
  reset(): void {
    this.delay = this.base;
    this.schedule(false);
  }

  /** Refreshes at once when the host came back into sight; stops the timer when it went out of sight. */
  private sync(): void {
    const visible = this.visible;
    if (visible === this.shown) return;
    this.shown = visible;
    this.schedule(visible);
  }

  /** Sets the timer for the next refresh, or none while hidden; `now` refreshes at once when visible. */
  private schedule(now: boolean): void {
    clearTimeout(this.timer);
    if (!this.running || !this.visible) return;
    this.timer = setTimeout(() => void this.tick(), now ? 0 : this.delay * 1000);
  }

  private async tick(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    let changed = false;
    try {
      changed = await this.refresh();
    } catch {
      // A failed refresh counts as "nothing new": back off, and try again later.
    }
    this.busy = false;
    this.delay = changed ? this.base : Math.min(this.cap, this.delay * 2);
    this.schedule(false);
  }
}
