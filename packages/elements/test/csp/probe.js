// Records what the test needs to know about the page: policy violations and console warnings.
/* global window, document */
window.banshiProbe = { violations: [], warnings: [] };
document.addEventListener('securitypolicyviolation', (event) => {
  window.banshiProbe.violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
const originalWarn = console.warn;
console.warn = (...args) => {
  window.banshiProbe.warnings.push(args.map(String).join(' '));
  originalWarn.apply(console, args);
};
