import { html, type TemplateResult } from 'lit';
import type { Translate } from '../base/translate.js';
import type { SensitiveKind } from './sensitive.js';

/** The warning shown before a comment that looks like it holds personal data is sent. */
export function renderSensitiveWarning(
  msg: Translate,
  sensitive: readonly SensitiveKind[],
  edit: () => void,
  send: () => void,
): TemplateResult {
  const what = sensitive
    .map((kind) => msg(`rating.sensitive.${kind}`))
    .join(msg('rating.sensitive.separator'));
  return html`<div class="notice" part="notice" id="sensitive" tabindex="-1" role="alert">
    <p>${msg('rating.sensitive', { what })}</p>
    <div class="actions">
      <button type="button" @click=${edit}>${msg('rating.sensitive.edit')}</button>
      <button type="button" class="primary" @click=${send}>${msg('rating.sensitive.send')}</button>
    </div>
  </div>`;
}
