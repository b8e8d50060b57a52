import { html, nothing, type TemplateResult } from 'lit';
import { formatBeijingMoment } from '../base/beijing-time.js';
import type { ControlHost } from './controls.js';
import type { CaseCreated } from './types.js';

type Host = Pick<ControlHost, 'msg'> & { readonly locale: string };

async function copy(button: HTMLButtonElement, text: string, done: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Clipboard refused (no permission, insecure page): select the text so Ctrl+C copies it.
    const value = button.parentElement?.querySelector('code');
    if (value) getSelection()?.selectAllChildren(value);
  }
  const status = button.parentElement?.querySelector('[role=status]');
  if (status) status.textContent = done;
}

/** Where the receipt leads to track the case: the address (case number only), and its QR code once loaded. */
export interface ReceiptTracker {
  href: string;
  qr?: TemplateResult;
}

/**
 * The confirmation: case number and query code with copy buttons, and a receipt the applicant can print,
 * with a QR code to the tracker when the site has one.
 */
export function renderReceipt(
  host: Host,
  result: CaseCreated,
  itemName: string,
  again: () => void,
  tracker?: ReceiptTracker,
): TemplateResult {
  const view = result.case;
  const when = formatBeijingMoment(view.submittedAt, host.locale);
  const deferred = view.materials.filter((material) => material.deferredUntil);
  const code = (key: string, value: string) => {
    const label = host.msg(key);
    return html`<div class="code-row">
      <dt>${label}</dt>
      <dd>
        <code>${value}</code>
        <button
          type="button"
          class="noprint"
          @click=${(event: Event) =>
            void copy(event.currentTarget as HTMLButtonElement, value, host.msg('apply.copied', { label }))}
        >
          ${host.msg('apply.copy', { label })}</button
        ><span class="sr-only" role="status"></span>
      </dd>
    </div>`;
  };
  return html`<div class="panel" part="panel">
      <h2 tabindex="-1" part="title">${host.msg('apply.done')}</h2>
      <dl>${code('apply.caseNumber', result.caseNumber)}${code('apply.queryCode', result.queryCode)}</dl>
    </div>
    <p>${host.msg('apply.done.keep')}</p>
    <section class="receipt" aria-labelledby="receipt-title">
      <h3 id="receipt-title">${host.msg('apply.receipt')}</h3>
      <dl class="summary">
        <div class="row">
          <dt>${host.msg('apply.item')}</dt>
          <dd>${view.itemName || itemName}</dd>
        </div>
        <div class="row">
          <dt>${host.msg('apply.caseNumber')}</dt>
          <dd>${result.caseNumber}</dd>
        </div>
        <div class="row">
          <dt>${host.msg('apply.submittedAt')}</dt>
          <dd>${when}</dd>
        </div>
      </dl>
      ${
        tracker
          ? html`<div class="tracker">
              ${tracker.qr ?? nothing}
              <p>${host.msg('apply.track.hint')}<br /><a href=${tracker.href}>${tracker.href}</a></p>
            </div>`
          : nothing
      }
      ${
        deferred.length
          ? html`<h4>${host.msg('apply.deferred')}</h4>
              <ul>
                ${deferred.map((m) => html`<li>${host.msg('apply.deferredUntil', { name: m.name, date: m.deferredUntil! })}</li>`)}
              </ul>`
          : nothing
      }
    </section>
    <div class="actions noprint">
      <button type="button" class="primary" @click=${() => print()}>${host.msg('apply.print')}</button>
      <button type="button" @click=${again}>${host.msg('apply.again')}</button>
    </div>`;
}
