/**
 * The height each widget holds on the page before its chunk has arrived, and while it reads its first
 * data, so that the page around it does not jump when it appears (Cumulative Layout Shift). Each height is
 * at most the widget's first drawing in Chinese at normal size, in the widest page of its tier (measured on
 * the demo site), so nothing shrinks when the widget takes the space over; elder mode and longer text only
 * grow past it. In CSS pixels, like the widgets' own text (16 px, 20 px in elder mode), not `rem`: a site's
 * larger root font in its own elder mode would raise a `rem` height past the widget's drawing. This file has
 * no imports so the build can also render `cdn/banshi-themes.css`.
 */
export const reservedSpace = [
  { widget: 'banshi-rating:not([mode]),banshi-rating[mode=inline]', phone: 504, tablet: 448, wide: 448 },
  { widget: 'banshi-rating[mode=kiosk]', phone: 856, tablet: 696, wide: 600 },
  { widget: 'banshi-rating[mode=summary]', phone: 416, tablet: 416, wide: 416 },
  { widget: 'banshi-rating-summary', phone: 104, tablet: 104, wide: 104 },
  { widget: 'banshi-item-search', phone: 536, tablet: 312, wide: 288 },
  { widget: 'banshi-case-tracker', phone: 376, tablet: 376, wide: 376 },
  { widget: 'banshi-application-form', phone: 760, tablet: 680, wide: 680 },
  // The appointment's slots of the day shown dwindle as the day goes on: its height with a single slot.
  { widget: 'banshi-appointment:not([kiosk])', phone: 752, tablet: 640, wide: 640 },
  { widget: 'banshi-appointment[kiosk]', phone: 224, tablet: 224, wide: 224 },
  { widget: 'banshi-consult', phone: 656, tablet: 632, wide: 632 },
] as const;

/** The page widths of the tiers: phones below 480 px, tablets below 768 px, wider pages. */
const TIERS = [
  ['phone', '(max-width:479.98px)'],
  ['tablet', '(min-width:480px) and (max-width:767.98px)'],
] as const;

/**
 * The rules of {@link reservedSpace}: each widget carries its height as `--banshi-reserved-height` (a site
 * whose column is much narrower or wider sets its own) and holds it until it is defined; its loading
 * message holds it too (`.reserved` in base.styles.ts) until the first data is drawn. With them, the heights
 * measured in screens rather than pixels: the guide's, and the Mongolian box's.
 */
export function reservedSpaceCss(): string {
  const heights = (tier: 'phone' | 'tablet' | 'wide') =>
    reservedSpace
      .filter((entry) => tier === 'wide' || entry[tier] !== entry.wide)
      .map((entry) => `${entry.widget}{--banshi-reserved-height:${entry[tier]}px}`)
      .join('\n');
  const undefinedWidgets = reservedSpace
    .flatMap((entry) => entry.widget.split(','))
    .map((selector) => `${selector}:not(:defined)`)
    .join(',');
  return [
    heights('wide'),
    ...TIERS.map(([tier, media]) => `@media ${media}{\n${heights(tier)}\n}`),
    `${undefinedWidgets}{display:block;min-height:var(--banshi-reserved-height)}`,
    // A guide not yet defined holds a screen's height as its skeleton will, so the footer does not jump
    // twice. In traditional Mongolian the rating and the guide are written top to bottom in a box 90vh high
    // (base.styles.ts), so each holds that height: the rating coming in does not push the guide off screen.
    'banshi-item-guide:not(:defined){display:block;min-height:100vh}',
    'banshi-rating:lang(mn-Mong):not(:defined),banshi-item-guide:lang(mn-Mong):not(:defined){display:block;min-height:90vh}',
  ].join('\n');
}
