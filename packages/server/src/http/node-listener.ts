import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { isIP, type BlockList } from 'node:net';
import { ProblemError, problemBody } from './problem.js';

/** Limits of the HTTP listener against slow and greedy clients. */
export interface ListenerLimits {
  /** Time to receive a request's headers. Default 20 s (a slow-loris sends them a byte at a time). */
  headersTimeoutMs?: number;
  /**
   * Time to receive a whole request. Default 10 minutes: a 20 MiB scan over a slow mobile uplink takes
   * minutes (the SDK waits as long for an upload).
   */
  requestTimeoutMs?: number;
  /**
   * How long an idle keep-alive connection stays open. Default 10 s; a reverse proxy in front must
   * close its idle upstream connections sooner, or it may send on a connection the server is closing.
   */
  keepAliveTimeoutMs?: number;
  /** Open connections one address may hold; more are closed at once. Default 64. Trusted proxies are exempt. */
  maxConnectionsPerAddress?: number;
}

/** The status and code of a request Node's parser refused before the app saw it. */
function clientErrorProblem(code: string | undefined): ProblemError {
  if (code === 'HPE_HEADER_OVERFLOW')
    return new ProblemError(431, 'request_header_fields_too_large', {
      titleKey: 'problem.headersTooLarge',
      detailKey: 'problem.headersTooLargeDetail',
    });
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return new ProblemError(408, 'request_timeout', { titleKey: 'problem.requestTimeout' });
  return new ProblemError(400, 'bad_request', { titleKey: 'problem.badRequest' });
}

/** Writes a whole HTTP/1.1 problem answer on a raw socket and closes it. */
function answerOnSocket(socket: Socket, error: ProblemError): void {
  const body = JSON.stringify(problemBody(error, 'zh-CN'));
  socket.end(
    `HTTP/1.1 ${error.status} ${error.code.replace(/_/g, ' ')}\r\n` +
      'Content-Type: application/problem+json\r\n' +
      'Content-Language: zh-CN\r\n' +
      'X-Content-Type-Options: nosniff\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

/**
 * Sets the listener's timeouts deliberately, caps connections per address, and answers what Node's
 * parser refuses (an over-long URL or header: 431; a request too slow: 408; malformed: 400) as
 * problem+json instead of Node's empty answer.
 */
export function hardenListener(
  server: Server,
  limits: ListenerLimits = {},
  trusted?: BlockList,
  log: (entry: Record<string, unknown>) => void = () => {},
): void {
  server.headersTimeout = limits.headersTimeoutMs ?? 20_000;
  server.requestTimeout = limits.requestTimeoutMs ?? 10 * 60_000;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs ?? 10_000;
  const max = limits.maxConnectionsPerAddress ?? 64;
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const family = isIP(address);
    if (trusted && family && trusted.check(address, family === 6 ? 'ipv6' : 'ipv4')) return;
    const count = (open.get(address) ?? 0) + 1;
    if (count > max) {
      log({ level: 'warn', message: 'Too many connections from one address; closed', limit: max });
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code === 'ECONNRESET' || error.code === 'EPIPE' || !socket.writable) {
      socket.destroy();
      return;
    }
    log({ level: 'debug', message: 'Request refused by the HTTP parser', code: error.code });
    answerOnSocket(socket, clientErrorProblem(error.code));
  });
}

/**
 * Whether a request failed because its client went away mid-body (Node's `aborted`, ECONNRESET): a
 * slow or closed client, not a fault of the server, so it is logged at debug level.
 */
export function isClientDisconnect(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ECONNRESET' || code === 'ECONNABORTED' || code === 'ERR_STREAM_PREMATURE_CLOSE';
}
