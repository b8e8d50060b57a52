// Writes src/theme/generated/banshi-themes.css from src/theme/districts.ts, so the page-level theme
// classes (`<body class="banshi-theme-baotou">`) and the provider's `theme` attribute share one source,
// and from src/theme/reserved-space.ts, the height each widget holds while it loads.
// A guide not yet defined (its chunk still loading) holds a screen's height as its skeleton will, so the
// page's footer does not jump twice. In traditional Mongolian the rating and the guide are written top to
// bottom in a box 90vh high (base.styles.ts), so each holds that height before it is defined: the rating
// coming in no longer pushes the guide below it off the screen.
import { writeFileSync } from 'node:fs';

const { districtThemeCss } = await import(new URL('../src/theme/districts.ts', import.meta.url).href);
const { reservedSpaceCss } = await import(new URL('../src/theme/reserved-space.ts', import.meta.url).href);
const css = `/* Generated from src/theme/ by scripts/generate-themes.mjs; do not edit. */
${districtThemeCss((name) => `.banshi-theme-${name}`)}
${reservedSpaceCss()}
banshi-item-guide:not(:defined){display:block;min-height:100vh}
banshi-rating:lang(mn-Mong):not(:defined),banshi-item-guide:lang(mn-Mong):not(:defined){display:block;min-height:90vh}
`;
writeFileSync(new URL('../src/theme/generated/banshi-themes.css', import.meta.url), css);
