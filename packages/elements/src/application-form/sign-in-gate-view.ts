import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../base/translate.js';
import type { SignInGate } from './verified-identity.js';

/** An assurance level (实名等级) in words: `三级`, `level 3`. */
export function levelName(msg: Translate, level: number): string {
  return msg('apply.level.name', { level: msg(`apply.level.${level}`) });
}

/**
 * The gate before an item that needs sign-in or a higher assurance level: what is needed and why, and
 * one button that asks the host page to sign the person in (`banshi-login-required`). `kept` says the
 * answers already typed stay on this device (a gate met when submitting).
 */
export function renderSignInGate(
  msg: Translate,
  gate: SignInGate,
  askSignIn: () => void,
  kept = false,
): TemplateResult {
  const key = gate.reason === 'signIn' ? 'apply.signIn' : 'apply.level';
  const params = {
    level: levelName(msg, gate.requiredAssuranceLevel),
    current: levelName(msg, gate.assuranceLevel),
  };
  return html`<div class="notice info gate" part="sign-in-gate" role=${kept ? 'alert' : nothing}>
    ${kept ? html`<p><strong>${msg(`${key}.title`)}</strong></p>` : html`<h2 tabindex="-1">${msg(`${key}.title`)}</h2>`}
    <p>${msg(`${key}.text`, params)}</p>
    ${kept ? html`<p>${msg('apply.gate.kept')}</p>` : nothing}
    <button type="button" class="primary" @click=${askSignIn}>${msg(`${key}.button`)}</button>
  </div>`;
}
