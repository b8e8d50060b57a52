import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { BanshiApi, EvaluationSummary } from '../base/api.js';
import type { Translate } from '../base/translate.js';

type SummaryQuery = { item?: string; department?: string };

/**
 * The summary mode's figures: fetched with their view, a chunk of its own that only summary pages load;
 * a newer request cancels the one in flight.
 */
export class SummaryController implements ReactiveController {
  private summary?: EvaluationSummary;
  private view?: typeof import('./summary-view.js').renderSummary;
  private failed = false;
  private request?: AbortController;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.request?.abort();
  }

  /** Whether the figures are on their way, neither shown nor failed (the view comes with the first). */
  get loading(): boolean {
    return !this.view && !this.failed;
  }

  /** Reads the figures of `query` (the item and/or department), replacing those shown. */
  async load(api: BanshiApi, query: SummaryQuery): Promise<void> {
    this.request?.abort();
    const request = (this.request = new AbortController());
    this.failed = false;
    this.host.requestUpdate();
    try {
      const [summary, { renderSummary }] = await Promise.all([
        api.evaluations.getSummary(query, { signal: request.signal }),
        import('./summary-view.js'),
      ]);
      if (!request.signal.aborted) [this.summary, this.view] = [summary, renderSummary];
    } catch {
      if (!request.signal.aborted) this.failed = true;
    }
    this.host.requestUpdate();
  }

  /** The figures, or the loading or failure message with a retry. */
  render(lang: string, locale: string, msg: Translate, retry: () => void): TemplateResult {
    if (this.summary && this.view) return this.view(this.summary, { lang, locale, msg });
    return this.failed
      ? html`<div class="panel">
          <div class="notice" part="notice" role="alert">${msg('rating.summary.failed')}</div>
          <div class="actions">
            <button type="button" @click=${retry}>${msg('rating.retry')}</button>
          </div>
        </div>`
      : html`<p role="status">${msg('rating.summary.loading')}</p>`;
  }
}
