// The widgets' CSS (Lit `css` templates in *.styles.ts, read through postcss-lit) may use only features every
// browser of package.json's browserslist supports (caniuse data, through doiuse), or must keep a fallback
// beside them and say so with a stylelint-disable comment naming it.
export default {
  customSyntax: 'postcss-lit',
  plugins: ['stylelint-no-unsupported-browser-features'],
  rules: {
    'plugin/no-unsupported-browser-features': [
      true,
      {
        severity: 'error',
        // caniuse calls logical properties "partial" in Chromium 86 because of the inset-* ones alone (the
        // margin, padding and border ones work); those are refused below instead.
        ignorePartialSupport: true,
        // Touch screens (iOS) have no mouse pointer and no resize handle: nothing is lost there.
        ignore: ['css3-cursors', 'css-resize'],
      },
    ],
    'property-disallowed-list': [
      ['/^inset-(inline|block)/'],
      { message: 'inset-inline/inset-block need Chromium 87: use left, right, top and bottom' },
    ],
  },
};
