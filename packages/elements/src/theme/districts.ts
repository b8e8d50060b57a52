/**
 * District themes: brand-layer colours only (the semantic and component layers derive from them).
 * Each colour keeps white text on it, and itself as text on white, above 4.5:1.
 * This file has no imports so the build can also render `cdn/banshi-themes.css` from it.
 */
export const districtThemes = {
  /** 包头 Baotou blue */
  baotou: {
    '--banshi-brand-primary': '#0b57a4',
    '--banshi-brand-primary-strong': '#083f78',
    '--banshi-brand-tint': '#e8f0fa',
  },
  /** 海勃湾 Haibowan red */
  haibowan: {
    '--banshi-brand-primary': '#b0212b',
    '--banshi-brand-primary-strong': '#80161e',
    '--banshi-brand-tint': '#fbeaeb',
  },
} as const;

export type DistrictTheme = keyof typeof districtThemes;

/** CSS declarations of every district theme, each under the selector `selectorFor(name)` gives. */
export function districtThemeCss(selectorFor: (name: string) => string): string {
  return Object.entries(districtThemes)
    .map(([name, tokens]) => {
      const declarations = Object.entries(tokens)
        .map(([property, value]) => `${property}:${value}`)
        .join(';');
      return `${selectorFor(name)}{${declarations}}`;
    })
    .join('\n');
}
