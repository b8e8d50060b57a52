import { html, nothing, type TemplateResult } from 'lit';
import type { ItemSummary } from './types.js';

/** The reform badges an item earns, as message keys, in a fixed order. */
export function badgeKeys(item: ItemSummary): string[] {
  const keys: string[] = [];
  if (item.processingType === 'immediate') keys.push('item.badge.immediate');
  const visits = item.onSiteVisits.count;
  if (visits === 0) keys.push('item.badge.zeroVisit');
  else if (visits === 1) keys.push('item.badge.oneVisit');
  if (item.onlineDepth === 'IV') keys.push('item.badge.fullyOnline');
  if (item.crossRegionScope === 'national' || item.crossRegionScope === 'interProvincial')
    keys.push(`item.badge.${item.crossRegionScope}`);
  if (item.kind === 'bundle') keys.push('item.badge.bundle');
  return keys;
}

/** The badges as a labelled list (text, never colour alone). */
export function renderBadges(
  item: ItemSummary,
  msg: (key: string) => string,
): TemplateResult | typeof nothing {
  const keys = badgeKeys(item);
  return keys.length
    ? html`<ul class="badges" part="badges" aria-label=${msg('item.badges')}>
        ${keys.map((key) => html`<li class="badge">${msg(key)}</li>`)}
      </ul>`
    : nothing;
}

/** `15 个工作日`, `0.5 working days`. */
export function formatLimit(
  limit: { value: number; unit: string },
  msg: (key: string, params?: Record<string, string | number>) => string,
): string {
  return msg(`item.limit.${limit.unit}`, { value: limit.value });
}
