import type { Loader } from '@storybook/web-components-vite';
import { setupWorker } from 'msw/browser';
import type { MockHandlers } from '../stories/mocks/index.js';
import { defaultHandlers, resetMocks } from '../stories/mocks/index.js';

const worker = setupWorker();
let started: Promise<unknown> | undefined;

/** Story parameters read by {@link mockApi}. */
export interface MswParameters {
  msw?: { handlers?: MockHandlers };
}

/**
 * Starts Mock Service Worker once, then before each story puts in place the story's handlers
 * (`parameters.msw.handlers`, one array per resource, merged over the defaults of preview.ts) and resets
 * what earlier stories recorded. A request to the API that no handler answers is reported, never sent on.
 */
export const mockApi: Loader = async ({ parameters, viewMode }) => {
  started ??= worker.start({
    // Relative to iframe.html, so the static build works under any path.
    serviceWorker: { url: new URL('mockServiceWorker.js', document.baseURI).href },
    quiet: true,
    onUnhandledRequest(request, print) {
      if (new URL(request.url).pathname.includes('/api/')) print.error();
    },
  });
  await started;
  resetMocks();
  // A docs page renders all its stories at once under one set of handlers, and runs no play functions:
  // it shows every story's first screen against the normal API, not the last story's failure.
  const handlers =
    viewMode === 'docs' ? defaultHandlers : ((parameters as MswParameters).msw?.handlers ?? {});
  // The first handler that matches answers: a story's own handlers, under whatever key, go before the defaults.
  const entries = Object.entries(handlers);
  const isDefault = ([key, list]: [string, unknown]): boolean => defaultHandlers[key] === list;
  worker.resetHandlers(
    ...entries.filter((entry) => !isDefault(entry)).flatMap(([, list]) => list),
    ...entries.filter(isDefault).flatMap(([, list]) => list),
  );
  return {};
};
