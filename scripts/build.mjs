// Builds every package in dependency order: generated sources, then the Rollup bundles (SDK and
// elements, npm and CDN), then the packages that compile on their own (the server, the manifest), then the
// demo site's pages; last, the brotli and gzip copies of what the server sends as files.
import { runSteps } from './run-steps.mjs';

runSteps([
  'npm run generate --workspaces --if-present',
  'rollup -c --silent',
  'npm run build --workspaces --if-present',
  'node demo/build.mjs',
  'node scripts/precompress.mjs packages/elements/cdn demo/generated',
]);
