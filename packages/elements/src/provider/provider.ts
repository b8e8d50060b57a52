import { LitElement, css, html, unsafeCSS, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { TokenProvider } from '../base/api.js';
import { TOKEN_CHANGE_EVENT } from '../base/config.js';
import { districtThemeCss } from '../theme/districts.js';

const districtRules = unsafeCSS(districtThemeCss((name) => `:host([theme='${name}'])`));

/**
 * Configuration for every Banshi widget inside it (including inside shadow roots below it). Widgets read
 * its attributes directly, so it configures them even in a bundle that does not define it; defining it
 * adds the district theme to its whole subtree.
 *
 * @tagname banshi-provider
 * @summary Shared configuration and theme for the widgets inside it.
 * @slot - The page content holding widgets.
 */
export class BanshiProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
    ${districtRules}
  `;

  /** The API root for the widgets inside, e.g. `https://banshi.example.gov.cn/api/v1`. */
  @property({ attribute: 'api-base', reflect: true }) apiBase?: string;

  /** District theme: `baotou` (blue) or `haibowan` (red). */
  @property({ reflect: true }) theme?: string;

  /** Turns on the 适老化 elder mode for the widgets inside. */
  @property({ type: Boolean, reflect: true }) elder = false;

  /**
   * Returns the signed-in person's bearer token, or nothing when nobody is signed in; every widget inside
   * sends it through the SDK (asked before each request, and once more after a 401, so a refreshed token
   * is picked up). Script only, never an attribute, so no token sits in the page's markup:
   * `provider.tokenProvider = async () => session?.accessToken`. The host page signs in, not the widgets.
   */
  @property({ attribute: false }) tokenProvider?: TokenProvider;

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Widgets below listen here: one signed in or out shows what the person's token allows (我的办件…).
    if (changed.has('tokenProvider')) this.dispatchEvent(new Event(TOKEN_CHANGE_EVENT));
  }

  protected override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}
