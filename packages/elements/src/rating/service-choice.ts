import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import type { components } from '@banshi/sdk';
import type { BanshiApi } from '../base/api.js';
import { translate } from '../i18n/registry.js';
import { describedBy, renderFieldError } from './field-error.js';
import type { RatingField } from './options.js';
import { serviceMessages } from './service-messages.js';

type ItemSummary = components['schemas']['ItemSummary'];
type ServiceWindow = components['schemas']['ServiceWindow'];

/**
 * A visit rated with neither a case nor a window (我要评 opened on its own): which service was used, and at
 * which of its windows, so no on-site rating is stored without its window. A chunk of its own, fetched only
 * by a rating that needs it; the site's items come from the API (`region`), a given `item-code` is chosen.
 */
export class ServiceChoice implements ReactiveController {
  itemCode = '';
  windowId = '';
  private items?: Pick<ItemSummary, 'code' | 'name'>[];
  private windows?: ServiceWindow[];
  private failed = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly api: () => BanshiApi,
    region: string,
    presetItem: string,
  ) {
    host.addController(this);
    void this.loadItems(region, presetItem);
  }

  hostConnected(): void {}

  private async loadItems(region: string, presetItem: string): Promise<void> {
    try {
      const page = await this.api().items.list({ ...(region ? { site: region } : {}), limit: 100 });
      this.items = page.items;
      if (presetItem && !this.items.some((item) => item.code === presetItem)) {
        const item = await this.api().items.get(presetItem);
        this.items = [{ code: item.code, name: item.name }, ...this.items];
      }
      if (presetItem) await this.choose(presetItem);
    } catch {
      this.failed = true;
    }
    this.host.requestUpdate();
  }

  /** Chooses the service and reads its windows; a service with one window has it chosen. */
  async choose(code: string): Promise<void> {
    [this.itemCode, this.windowId, this.windows] = [code, '', undefined];
    this.host.requestUpdate();
    if (!code) return;
    try {
      const item = await this.api().items.get(code);
      if (this.itemCode !== code) return;
      this.windows = item.windows ?? [];
      if (this.windows.length === 1) this.windowId = this.windows[0]!.id;
    } catch {
      this.failed = true;
    }
    this.host.requestUpdate();
  }

  /** A message of the choice (`rating.service*`, `rating.window*`, their errors) in `lang`. */
  text(lang: string, key: string): string {
    return translate(serviceMessages, lang, key);
  }

  render(lang: string, errors: readonly RatingField[]): TemplateResult {
    const msg = (key: string) => this.text(lang, key);
    if (this.failed)
      return html`<p class="notice" part="notice" role="alert">${msg('rating.service.failed')}</p>`;
    if (!this.items) return html`<p role="status">${msg('rating.service.loading')}</p>`;
    const select = (
      field: 'service' | 'window',
      value: string,
      options: { value: string; label: string }[],
      change: (value: string) => void,
    ) =>
      html`<div>
        <label class="label" for=${field}>${msg(`rating.${field}`)}</label>
        ${renderFieldError(errors, field, msg)}
        <select
          id=${field}
          aria-invalid=${errors.includes(field)}
          aria-describedby=${describedBy(errors, field)}
          @change=${(event: Event) => change((event.target as HTMLSelectElement).value)}
        >
          <option value="" ?selected=${!value}>${msg(`rating.${field}.choose`)}</option>
          ${options.map((option) => html`<option value=${option.value} ?selected=${option.value === value}>${option.label}</option>`)}
        </select>
      </div>`;
    const windows = this.windows;
    return html`<fieldset class="service-choice">
      ${select(
        'service',
        this.itemCode,
        this.items.map((item) => ({ value: item.code, label: item.name })),
        (code) => void this.choose(code),
      )}
      ${
        windows?.length
          ? select(
              'window',
              this.windowId,
              windows.map((window) => ({
                value: window.id,
                label: window.hallName ? `${window.name}（${window.hallName}）` : window.name,
              })),
              (id) => {
                this.windowId = id;
                this.host.requestUpdate();
              },
            )
          : windows
            ? html`<p class="hint">${msg('rating.window.none')}</p>`
            : nothing
      }
    </fieldset>`;
  }
}
