// Builds every package in dependency order: generated sources, then the Rollup bundles (SDK and
// elements, npm and CDN), then the packages that compile on their own (the server, the manifest), then the
// demo site's pages.
import { runSteps } from './run-steps.mjs';

runSteps([
  'npm run generate --workspaces --if-present',
  'rollup -c --silent',
  'npm run build --workspaces --if-present',
  'node demo/build.mjs',
]);
