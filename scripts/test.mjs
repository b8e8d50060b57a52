// The test command: builds everything and lints, then runs the suites in lanes side by side:
// - the browsers: the elements in Chromium, Firefox and WebKit (scripts/find-engines.mjs finds or installs
//   them), then the React wrappers;
// - the server on PGlite, and once more on PostgreSQL when BANSHI_TEST_DATABASE_URL is set, as CI does;
// - Node: the generators' clients, the SDK, the server's tests type-checked, the READMEs' marked examples
//   against a started server, the packed tarballs and the stories' mocks;
// - Storybook: built, then every story through axe in Chromium.
// Lanes run two at a time on a two-core machine, one fewer than the cores on a larger one
// (BANSHI_TEST_LANES sets how many); the browsers, among the longest, start first.
import { availableParallelism } from 'node:os';
import { findEngines } from './find-engines.mjs';
import { runLanes } from './run-lanes.mjs';
import { runSteps } from './run-steps.mjs';

const { BANSHI_TEST_DATABASE_URL: postgresUrl, ...rest } = process.env;
const env = { ...rest, ...findEngines() };

runSteps(['node scripts/build.mjs', 'npm run lint'], env);

const lanes = [
  { name: 'browsers', commands: ['npm test -w @banshi/elements', 'npm test -w @banshi/react'] },
  { name: 'server on PGlite', commands: ['npm test -w @banshi/server'] },
  postgresUrl && {
    name: 'server on PostgreSQL',
    commands: ['npm test -w @banshi/server'],
    env: { BANSHI_TEST_DATABASE_URL: postgresUrl },
  },
  {
    name: 'node',
    commands: [
      'node --test openapi/generators.test.mjs',
      'npm test -w @banshi/sdk',
      'tsc -p packages/server/tsconfig.test.json',
      'node --import tsx --test scripts/readme-examples/readme-examples.test.ts scripts/pack/pack.test.ts',
      'node --import tsx --test "stories/mocks/*.test.ts"',
    ],
  },
  { name: 'storybook', commands: ['npm run build-storybook -- --quiet', 'node stories/check-a11y.mjs'] },
].filter(Boolean);
if (!postgresUrl) console.log('\nBANSHI_TEST_DATABASE_URL is not set: the server suite runs on PGlite only.');

const parallel =
  Number(process.env.BANSHI_TEST_LANES) || Math.min(lanes.length, Math.max(2, availableParallelism() - 1));
await runLanes(lanes, { parallel, env });
