import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Region } from '@banshi/sdk/regions';
import { BanshiElement } from '../base/banshi-element.js';
import { baseStyles } from '../base/base.styles.js';
import './events.js';
import { regionPickerMessages } from './messages.js';
import { regionPickerStyles } from './region-picker.styles.js';

type RegionList = typeof import('@banshi/sdk/regions');
type Level = Region['level'];

/** The GB/T 2260 list, imported once per page and only when a picker connects (it is about 40 KB gzip). */
let regionList: Promise<RegionList> | undefined;
const loadRegions = (): Promise<RegionList> => (regionList ??= import('@banshi/sdk/regions'));

/**
 * 省/市/区 picker: three cascading lists over the full GB/T 2260 division list (every county of China),
 * which the widget loads on first use. Its `value` is the code of the deepest level chosen; a province or
 * city without a lower level (a municipality's districts sit under its 市辖区) is complete at that level.
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

  @state() private list?: RegionList;
  @state() private failed = false;

  override connectedCallback(): void {
    super.connectedCallback();
    loadRegions().then(
      (list) => (this.list = list),
      () => (this.failed = true),
    );
  }

  /** Whether the value is known and nothing is left to choose below it. */
  get complete(): boolean {
    return !!this.list?.regionByCode(this.value) && this.list.childRegions(this.value).length === 0;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value')) this.value = this.value.trim();
  }

  /** A list changed: its region, or (when cleared) the level above it, becomes the value. */
  private choose(code: string, parent: string | null): void {
    this.value = code || parent || '';
    const path = this.list?.regionPath(this.value).map((region) => region.name) ?? [];
    this.emit('banshi-region-change', { code: this.value, path, complete: this.complete });
  }

  private renderLevel(level: Level, parent: string | null, chosen: string | undefined): TemplateResult {
    const options = this.list!.childRegions(parent);
    const id = `level-${level}`;
    return html`<label for=${id}>
      ${this.msg(`region.${level}`)}
      <select
        id=${id}
        part="select"
        aria-required=${this.required ? 'true' : 'false'}
        @change=${(event: Event) => this.choose((event.target as HTMLSelectElement).value, parent)}
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
    if (!this.list)
      return html`<fieldset aria-busy="true">
        ${legend}
        <p class="notice" role="status">${this.msg('region.loading')}</p>
      </fieldset>`;
    const path = this.value ? this.list.regionPath(this.value) : [];
    const unknown = this.value !== '' && path.length === 0;
    const levels: TemplateResult[] = [this.renderLevel('province', null, path[0]?.code)];
    for (let depth = 0; depth < path.length; depth++) {
      const region = path[depth]!;
      if (this.list.childRegions(region.code).length === 0) break;
      const next = this.list.childRegions(region.code)[0]!.level;
      levels.push(this.renderLevel(next, region.code, path[depth + 1]?.code));
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
