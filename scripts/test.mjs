// The test command: builds everything, lints, then runs each suite: the SDK and the server in Node
// (the server on PGlite, then once more on PostgreSQL when BANSHI_TEST_DATABASE_URL is set, as CI
// does), the elements in Chromium, Firefox and WebKit (scripts/find-engines.mjs finds or installs them),
// the READMEs' marked examples against a started server, the packed tarballs, and every Storybook story
// through axe in Chromium.
import { findEngines } from './find-engines.mjs';
import { runSteps } from './run-steps.mjs';

const { BANSHI_TEST_DATABASE_URL: postgresUrl, ...rest } = process.env;
const env = { ...rest, ...findEngines() };

runSteps(['node scripts/build.mjs', 'npm run lint', 'npm test --workspaces --if-present'], env);
if (postgresUrl) {
  runSteps(['npm test -w @banshi/server'], { ...env, BANSHI_TEST_DATABASE_URL: postgresUrl });
} else {
  console.log('\nBANSHI_TEST_DATABASE_URL is not set: the server suite ran on PGlite only.');
}
runSteps(
  [
    'node --import tsx --test scripts/readme-examples/readme-examples.test.ts scripts/pack/pack.test.ts',
    'node --import tsx --test "stories/mocks/*.test.ts"',
    'npm run build-storybook -- --quiet',
    'node stories/check-a11y.mjs',
  ],
  env,
);
