// The test command: builds everything, lints, then runs each package's suite (SDK and server in Node,
// elements in a real Chromium). The server suite also runs against PostgreSQL when
// BANSHI_TEST_DATABASE_URL is set (CI starts one).
import { findChrome } from './find-chrome.mjs';
import { runSteps } from './run-steps.mjs';

const env = { ...process.env, CHROME_PATH: findChrome() };
runSteps(['node scripts/build.mjs', 'npm run lint', 'npm test --workspaces --if-present'], env);
