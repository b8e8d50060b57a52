import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type { BanshiApi, CaseRating, RaterRating } from '../base/api.js';
import type { Translate } from '../base/translate.js';

type RatedView = typeof import('./rated-view.js');

/** What the host knows of the case it rates. */
export interface RatedScope {
  api: BanshiApi;
  /** Empty when the host does not rate a case (a window visit, kiosk or summary). */
  caseNumber: string;
  queryCode: string;
  applicantToken: string;
}

/**
 * Whether the case was rated already: asked of the server when the widget is given a case, and then shown
 * by a view in a chunk of its own, fetched only for a rated case. A failed check leaves the form.
 */
export class RatedController implements ReactiveController {
  info?: CaseRating & { rating: RaterRating };
  private view?: RatedView;
  private checked = '';
  private request?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly scope: () => RatedScope,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const { caseNumber, queryCode, applicantToken } = this.scope();
    const key = caseNumber ? `${caseNumber}\n${queryCode}\n${applicantToken}` : '';
    if (key !== this.checked) {
      this.checked = key;
      void this.check();
    }
  }

  hostDisconnected(): void {
    this.request?.abort();
    this.checked = '';
  }

  /** Asks again (after a rating or a follow-up was sent, or refused as given already). */
  async check(): Promise<void> {
    this.request?.abort();
    this.info = undefined;
    const { api, caseNumber, queryCode, applicantToken } = this.scope();
    if (!caseNumber) return;
    const request = (this.request = new AbortController());
    try {
      const info = await api.evaluations.getForCase(caseNumber, {
        signal: request.signal,
        ...(applicantToken
          ? { headers: { authorization: `Bearer ${applicantToken}` } }
          : queryCode
            ? { queryCode }
            : {}),
      });
      if (info.rating) this.view ??= await import('./rated-view.js');
      if (!request.signal.aborted && info.rating) this.info = { ...info, rating: info.rating };
    } catch {
      // Not known to be rated: the form stays, and the server refuses a second rating if there is one.
    }
    this.host.requestUpdate();
  }

  /** A message of the rated view (loaded with it). */
  text(lang: string, key: string): string {
    return this.view?.ratedText(lang, key) ?? key;
  }

  render(view: {
    msg: Translate;
    lang: string;
    locale: string;
    followUp: () => void;
  }): TemplateResult | undefined {
    return this.info && this.view?.renderRated(this.info, view);
  }
}
