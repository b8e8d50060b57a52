// Writes src/theme/generated/banshi-themes.css from src/theme/districts.ts, so the page-level theme
// classes (`<body class="banshi-theme-baotou">`) and the provider's `theme` attribute share one source,
// and from src/theme/reserved-space.ts, the height each widget holds while it loads.
import { writeFileSync } from 'node:fs';

const { districtThemeCss } = await import(new URL('../src/theme/districts.ts', import.meta.url).href);
const { reservedSpaceCss } = await import(new URL('../src/theme/reserved-space.ts', import.meta.url).href);
const css = `/* Generated from src/theme/ by scripts/generate-themes.mjs; do not edit. */
${districtThemeCss((name) => `.banshi-theme-${name}`)}
${reservedSpaceCss()}
`;
writeFileSync(new URL('../src/theme/generated/banshi-themes.css', import.meta.url), css);
