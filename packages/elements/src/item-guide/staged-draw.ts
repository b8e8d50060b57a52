import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Draws a long view in stages, one task each, so that its first screen paints without one long task:
 * building and laying out a whole guide at once blocked a phone's page for a quarter of a second
 * (Lighthouse's total blocking time), while the reader sees only its top.
 *
 * The host renders the first `stage` of its stages; after each update the next stage follows in a task
 * of its own, so the browser can lay out and paint in between. `start()` begins again from the first
 * stage (a new view); `drawn` settles once every stage is on screen, and a host's `updateComplete` should
 * wait for it, so that whoever awaits the element finds the whole view, as before.
 */
export class StagedDraw implements ReactiveController {
  /** How many stages the host renders now. */
  stage: number;
  private timer?: ReturnType<typeof setTimeout>;
  private finished?: () => void;
  /** Settles once every stage is drawn. */
  drawn: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly stages: number,
  ) {
    this.stage = stages;
    host.addController(this);
  }

  /** Some stages are still to come. */
  get drawing(): boolean {
    return this.stage < this.stages;
  }

  /** Draws the first stage in the coming update, then the others one task after another. */
  start(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.stage = 1;
    // A view started again before it was drawn keeps the promise its first start gave out.
    if (!this.finished) this.drawn = new Promise((resolve) => (this.finished = resolve));
    this.host.requestUpdate();
    return this.drawn;
  }

  hostUpdated(): void {
    if (!this.drawing) {
      this.finished?.();
      this.finished = undefined;
    } else {
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        this.stage++;
        this.host.requestUpdate();
      });
    }
  }

  /** A host taken off the page draws the rest at once, so nobody waits for a timer it no longer runs. */
  hostDisconnected(): void {
    if (!this.drawing) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.stage = this.stages;
    this.host.requestUpdate();
  }
}
