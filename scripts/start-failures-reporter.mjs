// A web-test-runner reporter that writes down the test files whose page the browser never opened in time,
// so scripts/test-browsers.mjs can run those files once more: a page that never opened ran no test, so its
// failure says nothing of the code. Tests that ran and failed, and files that failed to load, are never
// run again.
import { writeFileSync } from 'node:fs';

/** web-test-runner's message when an engine did not open a test page within browserStartTimeout. */
const START_TIMEOUT = 'The browser was unable to create and start a test page';

/** A session that ran no test because its page never opened. */
const neverStarted = (session) =>
  !session.passed &&
  !session.testResults &&
  (session.errors ?? []).length > 0 &&
  session.errors.every((error) => String(error?.message).startsWith(START_TIMEOUT));

/** @param {string | undefined} file where to write the JSON list of files; nothing is written without one */
export function startFailuresReporter(file) {
  return {
    stop({ sessions }) {
      if (!file) return;
      const files = [...new Set(sessions.filter(neverStarted).map((session) => session.testFile))];
      writeFileSync(file, JSON.stringify(files));
    },
  };
}
