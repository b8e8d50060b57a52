// Writes src/theme/generated/banshi-themes.css from src/theme/districts.ts, so the page-level theme
// classes (`<body class="banshi-theme-baotou">`) and the provider's `theme` attribute share one source.
// A guide not yet defined (its chunk still loading) holds a screen's height as its skeleton will, so the
// page's footer does not jump twice.
import { writeFileSync } from 'node:fs';

const { districtThemeCss } = await import(new URL('../src/theme/districts.ts', import.meta.url).href);
const css = `/* Generated from src/theme/districts.ts by scripts/generate-themes.mjs; do not edit. */
${districtThemeCss((name) => `.banshi-theme-${name}`)}
banshi-item-guide:not(:defined){display:block;min-height:100vh}
`;
writeFileSync(new URL('../src/theme/generated/banshi-themes.css', import.meta.url), css);
