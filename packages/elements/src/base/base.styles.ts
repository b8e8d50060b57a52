import { css, unsafeCSS } from 'lit';
import { districtThemeCss } from '../theme/districts.js';

/**
 * Shared styles of every widget.
 *
 * Tokens come in three layers: brand (`--banshi-brand-*`, set by a district theme or the site),
 * semantic (`--banshi-color-*`, `--banshi-font-*`, `--banshi-target-size`, …) and component
 * (`--banshi-rating-*`, …). Widgets read private `--_*` copies resolved on `.root`, so a site setting a
 * public token on any ancestor always wins over the defaults here.
 *
 * `:host { all: initial }` keeps the page's inherited styles (a hostile `* { all: unset }`, odd fonts)
 * out; nothing here selects outside the shadow root, so nothing leaks.
 */
const districtRules = unsafeCSS(districtThemeCss((name) => `.theme-${name}`));

export const baseStyles = css`
  :host {
    all: initial;
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  /*
   * Traditional Mongolian (mn-Mong) runs top to bottom in lines from left to right; Latin and digits lie
   * on their side. No web font is fetched: Windows has Mongolian Baiti, Linux desktops Noto Sans/Serif
   * Mongolian (the elements' README says which). The Chinese fonts follow, for the Chinese the server
   * sends (item names, addresses), which a search character by character laid out slowly.
   */
  :host(:lang(mn-Mong)) {
    writing-mode: vertical-lr;
    text-orientation: mixed;
    max-inline-size: 90vh;
    max-block-size: 100%;
    overflow: auto;
  }
  :host(:lang(mn-Mong)) .root {
    font-family: var(
      --banshi-font-family-mongolian,
      'Mongolian Baiti',
      'Noto Sans Mongolian',
      'Noto Serif Mongolian',
      var(--_chinese-fonts)
    );
  }
  ${districtRules}
  .root {
    --_primary: var(--banshi-color-primary, var(--banshi-brand-primary, #1c57a5));
    --_primary-strong: var(--banshi-color-primary-strong, var(--banshi-brand-primary-strong, #123d75));
    --_tint: var(--banshi-color-tint, var(--banshi-brand-tint, #eaf1fb));
    --_on-primary: var(--banshi-color-on-primary, #fff);
    --_text: var(--banshi-color-text, #1f2328);
    --_muted: var(--banshi-color-text-muted, #4b5360);
    --_surface: var(--banshi-color-surface, #fff);
    --_border: var(--banshi-color-border, #6b7280);
    --_danger: var(--banshi-color-danger, #b3261e);
    --_success: var(--banshi-color-success, #1b6b33);
    --_warning-bg: var(--banshi-color-warning-surface, #fff4d6);
    --_focus: var(--banshi-color-focus, #0b57a4);
    --_radius: var(--banshi-radius, 6px);
    --_gap: var(--banshi-space, 12px);
    --_fs: var(--banshi-font-size, 16px);
    --_lh: max(1.3, var(--banshi-line-height, 1.5));
    --_target: max(44px, var(--banshi-target-size, 44px));
    display: block;
    box-sizing: border-box;
    /* The stack ends with WenQuanYi, the CJK font of many 统信 UOS and 麒麟 desktops in offices and halls:
       without a named font the browser looks for one character by character. */
    --_chinese-fonts:
      system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei',
      'WenQuanYi Zen Hei', sans-serif;
    font-family: var(--banshi-font-family, var(--_chinese-fonts));
    font-size: var(--_fs);
    line-height: var(--_lh);
    color: var(--_text);
    background: var(--_surface);
    text-align: start;
    overflow-wrap: anywhere;
  }
  /* While the first data loads, the height the widget reserved before it was defined (banshi-themes.css). */
  .reserved {
    min-height: var(--banshi-reserved-height);
  }
  .root.elder {
    --_fs: max(18px, var(--banshi-elder-font-size, 20px));
    --_lh: max(1.3, var(--banshi-elder-line-height, 1.6));
    --_target: max(60px, var(--banshi-elder-target-size, 60px));
  }
  .root *,
  .root *::before,
  .root *::after {
    box-sizing: inherit;
  }
  button,
  input,
  textarea,
  select {
    font: inherit;
    color: inherit;
    letter-spacing: inherit;
    margin: 0;
  }
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-height: var(--_target);
    min-width: var(--_target);
    padding: 0.4em 1.1em;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_primary);
    cursor: pointer;
    font-weight: 600;
  }
  button.primary {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  button.primary:hover {
    background: var(--_primary-strong);
    border-color: var(--_primary-strong);
  }
  button[disabled] {
    cursor: not-allowed;
    opacity: 0.7;
  }
  /* Safari 15.0–15.3 lacks :focus-visible: there the ring shows on every focus. */
  :focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  /* stylelint-disable-next-line plugin/no-unsupported-browser-features -- the :focus rule is the fallback */
  :focus:not(:focus-visible) {
    outline: none;
  }
  textarea {
    display: block;
    width: 100%;
    min-height: 6em;
    padding: 0.5em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    resize: vertical;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .error {
    color: var(--_danger);
    font-weight: 600;
  }
  .hint {
    color: var(--_muted);
  }
  /* A button that reads as a link (error summaries, change and retry actions); widgets give its colour. */
  .link {
    padding: 0;
    border: 0;
    text-decoration: underline;
  }
  .notice ul {
    margin: 0.4em 0 0;
    padding-inline-start: 1.2em;
  }
  .error-summary h3 {
    margin: 0;
  }
  .error-summary a {
    color: var(--_danger);
    font-weight: 600;
  }
`;
