import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Region } from '@banshi/sdk/regions';
import { BanshiElement } from '../base/banshi-element.js';
import { baseStyles } from '../base/base.styles.js';
import './events.js';
import { regionPickerMessages } from './messages.js';
import { childRegions, isSettled, loadRegionsFor, regionByCode, regionPath } from './region-files.js';
import { regionPickerStyles } from './region-picker.styles.js';

type Level = Region['level'];

/**
 * 省/市/区 picker: three cascading lists over the full GB/T 2260 division list (every county of China).
 * It downloads the provinces when it connects and a province's cities and counties when one is chosen
 * (a few KB each), never the whole list. Its `value` is the code of the deepest level chosen; a province
 * or city without a lower level (a municipality's districts sit under its 市辖区) is complete at that level.
 *
 * @tagname banshi-region-picker
 * @summary 行政区划选择: province → city → county, from the full GB/T 2260 list.
 * @event {CustomEvent<{ code: string; path: string[]; complete: boolean }>} banshi-region-change - A level was chosen or cleared; `complete` is true once no lower level is left to choose.
 * @csspart base - The outer box.
 * @csspart select - Each of the three lists.
 */
export class BanshiRegionPicker extends BanshiElement {
  static override styles = [baseStyles, regionPickerStyles];
  static override messages = regionPickerMessages;

  /** The chosen region code (six digits); set it to start from a known region. */
  @property({ reflect: true }) value = '';
  /** The group's caption; defaults to 所在地区. */
  @property() label = '';
  /** Whether a choice down to the last level is required (sets `aria-required` on each list). */
  @property({ type: Boolean }) required = false;

  /**
   * The folder of the region files (`index.json` and one file per province), for sites that serve them
   * elsewhere than beside the widgets' scripts.
   */
  @property({ attribute: 'regions-url' }) regionsUrl = '';

  /** Counts the files loaded, so each one re-renders the lists. */
  @state() private loaded = 0;
  @state() private failed = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadFor(this.value);
  }

  /** Focuses the first list still to choose (the last one when all are chosen), e.g. from an error summary. */
  override focus(options?: FocusOptions): void {
    const lists = [...this.renderRoot.querySelectorAll('select')];
    (lists.find((list) => !list.value) ?? lists[lists.length - 1])?.focus(options);
  }

  /** Whether the value is known and nothing is left to choose below it. */
  get complete(): boolean {
    return !!regionByCode(this.value) && childRegions(this.value)?.length === 0;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value')) {
      this.value = this.value.trim();
      void this.loadFor(this.value);
    }
  }

  /** Loads the provinces and the province of `code`; settles once they are here (or failed). */
  private loadFor(code: string): Promise<boolean> {
    const folder =
      this.regionsUrl && new URL(this.regionsUrl.replace(/\/?$/, '/'), this.ownerDocument.baseURI).href;
    return loadRegionsFor(code, folder || undefined).then(
      () => {
        this.loaded++;
        return true;
      },
      () => {
        this.failed = true;
        return false;
      },
    );
  }

  /** A list changed: its region, or (when cleared) the level above it, becomes the value. */
  private async choose(code: string, parent: string | null): Promise<void> {
    const value = (this.value = code || parent || '');
    // A province not loaded yet is fetched first, so the event can say whether a lower level is left.
    if (!isSettled(value) && (!(await this.loadFor(value)) || this.value !== value)) return;
    const path = regionPath(value).map((region) => region.name);
    this.emit('banshi-region-change', { code: value, path, complete: this.complete });
  }

  private renderLevel(
    level: Level,
    parent: string | null,
    options: readonly Region[],
    chosen: string | undefined,
  ): TemplateResult {
    const id = `level-${level}`;
    return html`<label for=${id}>
      ${this.msg(`region.${level}`)}
      <select
        id=${id}
        part="select"
        aria-required=${this.required ? 'true' : 'false'}
        @change=${(event: Event) => void this.choose((event.target as HTMLSelectElement).value, parent)}
      >
        <option value="" ?selected=${!chosen}>${this.msg('region.choose')}</option>
        ${options.map(
          (region) =>
            html`<option value=${region.code} ?selected=${region.code === chosen}>${region.name}</option>`,
        )}
      </select>
    </label>`;
  }

  protected renderContent(): TemplateResult {
    const legend = html`<legend>${this.label || this.msg('region.legend')}</legend>`;
    if (this.failed)
      return html`<fieldset>
        ${legend}
        <p class="notice error" role="alert">${this.msg('region.failed')}</p>
      </fieldset>`;
    const provinces = childRegions(null);
    if (!this.loaded || !provinces)
      return html`<fieldset aria-busy="true">
        ${legend}
        <p class="notice" role="status">${this.msg('region.loading')}</p>
      </fieldset>`;
    const path = this.value ? regionPath(this.value) : [];
    const unknown = this.value !== '' && path.length === 0 && isSettled(this.value);
    const levels: TemplateResult[] = [this.renderLevel('province', null, provinces, path[0]?.code)];
    for (let depth = 0; depth < path.length; depth++) {
      const region = path[depth]!;
      const below = childRegions(region.code);
      if (!below?.length) break;
      levels.push(this.renderLevel(below[0]!.level, region.code, below, path[depth + 1]?.code));
    }
    return html`<fieldset>
      ${legend}
      <div class="levels">${levels}</div>
      ${
        unknown
          ? html`<p class="notice error" role="alert">${this.msg('region.unknown', { code: this.value })}</p>`
          : nothing
      }
    </fieldset>`;
  }
}
