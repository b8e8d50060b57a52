/**
 * The height each widget holds on the page before its chunk has arrived, and while it reads its first
 * data, so that the page around it does not jump when it appears (Cumulative Layout Shift). Each height is
 * at most the widget's first drawing in Chinese at normal size, in the widest page of its tier (measured on
 * the demo site), so nothing shrinks when the widget takes the space over; elder mode and longer text only
 * grow past it. In `rem`, so a widget reserves the same height before it is defined (the page's font) and
 * while loading (its own). This file has no imports so the build can also render `cdn/banshi-themes.css`.
 */
export const reservedSpace = [
  { widget: 'banshi-rating:not([mode]),banshi-rating[mode=inline]', phone: 31.5, tablet: 28, wide: 28 },
  { widget: 'banshi-rating[mode=kiosk]', phone: 53.5, tablet: 43.5, wide: 37.5 },
  { widget: 'banshi-rating[mode=summary]', phone: 26, tablet: 26, wide: 26 },
  { widget: 'banshi-rating-summary', phone: 6.5, tablet: 6.5, wide: 6.5 },
  { widget: 'banshi-item-search', phone: 33.5, tablet: 19.5, wide: 18 },
  { widget: 'banshi-case-tracker', phone: 23.5, tablet: 23.5, wide: 23.5 },
  { widget: 'banshi-application-form', phone: 47.5, tablet: 42.5, wide: 42.5 },
  { widget: 'banshi-appointment:not([kiosk])', phone: 87, tablet: 61, wide: 51.5 },
  { widget: 'banshi-appointment[kiosk]', phone: 14, tablet: 14, wide: 14 },
  { widget: 'banshi-consult', phone: 41, tablet: 39.5, wide: 39.5 },
] as const;

/** The page widths of the tiers: phones below 480 px, tablets below 768 px, wider pages. */
const TIERS = [
  ['phone', '(max-width:479.98px)'],
  ['tablet', '(min-width:480px) and (max-width:767.98px)'],
] as const;

/**
 * The rules of {@link reservedSpace}: each widget carries its height as `--banshi-reserved-height` (a site
 * whose column is much narrower or wider sets its own) and holds it until it is defined; its loading
 * message holds it too (`.reserved` in base.styles.ts) until the first data is drawn.
 */
export function reservedSpaceCss(): string {
  const heights = (tier: 'phone' | 'tablet' | 'wide') =>
    reservedSpace
      .filter((entry) => tier === 'wide' || entry[tier] !== entry.wide)
      .map((entry) => `${entry.widget}{--banshi-reserved-height:${entry[tier]}rem}`)
      .join('\n');
  const undefinedWidgets = reservedSpace
    .flatMap((entry) => entry.widget.split(','))
    .map((selector) => `${selector}:not(:defined)`)
    .join(',');
  return [
    heights('wide'),
    ...TIERS.map(([tier, media]) => `@media ${media}{\n${heights(tier)}\n}`),
    `${undefinedWidgets}{display:block;min-height:var(--banshi-reserved-height)}`,
  ].join('\n');
}
