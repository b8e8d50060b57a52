import { LitElement, css, html, unsafeCSS, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
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

  protected override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}
