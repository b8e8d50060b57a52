import type { Server, ServerResponse } from 'node:http';

/**
 * Prepares a graceful stop of `server`: the returned function stops accepting connections, lets the
 * requests in flight finish (their connections close after the answer instead of waiting for another
 * request), and after `limitMs` cuts whatever is still open. It resolves with how many requests were cut.
 */
export function drainOnClose(server: Server, limitMs: number): () => Promise<{ cut: number }> {
  let closing = false;
  const inFlight = new Set<ServerResponse>();
  server.on('request', (_request, response) => {
    inFlight.add(response);
    // A request that arrives on a kept-alive connection during the drain is served, then the connection ends.
    if (closing) response.shouldKeepAlive = false;
    response.once('close', () => {
      inFlight.delete(response);
      // Its connection is idle now: end it rather than wait for the keep-alive timeout.
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
  });
  return () =>
    new Promise((resolve) => {
      closing = true;
      for (const response of inFlight) if (!response.headersSent) response.shouldKeepAlive = false;
      let cut = 0;
      const timer = setTimeout(() => {
        cut = inFlight.size;
        server.closeAllConnections();
      }, limitMs);
      server.close(() => {
        clearTimeout(timer);
        resolve({ cut });
      });
      // Idle kept-alive connections would otherwise hold the close until their keep-alive timeout.
      server.closeIdleConnections();
    });
}
