import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '../src/server.js';
import { openTestDatabase } from './support/database.js';
import type { Database } from '../src/db/database.js';

/** Sends raw bytes and answers everything the server writes until it closes (or 5 s pass). */
function rawExchange(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.setTimeout(5000, () => socket.destroy());
  });
}

describe('the HTTP listener', () => {
  let database: Database;
  let server: RunningServer;
  const logged: Record<string, unknown>[] = [];
  before(async () => {
    database = await openTestDatabase();
    server = await startServer({
      port: 0,
      database,
      listener: { maxConnectionsPerAddress: 4 },
      log: (entry) => logged.push(entry),
      demoDir: null,
      cdnDir: null,
    });
  });
  after(async () => {
    await server.close();
    await database.close();
  });

  it('starts on a public address in production, where staff sign in by name and no credential is shared', async () => {
    const production = await startServer({
      port: 0,
      host: '0.0.0.0',
      database,
      production: true,
      identity: { issuer: 'https://id.invalid', audience: 'urn:banshi:api' },
      piiKey: '11'.repeat(32),
      demoDir: null,
      cdnDir: null,
    });
    await production.close();
  });

  it('answers an over-long URL or header with a 431 problem, not an empty answer', async () => {
    for (const request of [
      `GET /api/v1/items?q=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: a\r\n\r\n`,
      `GET /api/v1/items HTTP/1.1\r\nHost: a\r\nX-Filler: ${'y'.repeat(20_000)}\r\n\r\n`,
    ]) {
      const answer = await rawExchange(server.port, request);
      const [head = '', body = ''] = answer.split('\r\n\r\n');
      assert.match(head, /^HTTP\/1\.1 431 /);
      assert.match(head, /content-type: application\/problem\+json/i);
      const problem = JSON.parse(body) as { status: number; code: string; title: string };
      assert.equal(problem.status, 431);
      assert.equal(problem.code, 'request_header_fields_too_large');
      assert.ok(problem.title.length > 0);
    }
  });

  it('logs a client that goes away mid-body at debug level, never as an error', async () => {
    logged.length = 0;
    for (let n = 0; n < 5; n++) {
      await new Promise<void>((resolve) => {
        const socket = connect(server.port, '127.0.0.1', () => {
          socket.write(
            'POST /api/v1/evaluations HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n' +
              'Content-Length: 100000\r\n\r\n{"target":',
          );
          setTimeout(() => socket.destroy(), 100);
        });
        socket.on('close', () => setTimeout(resolve, 100));
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(
      logged.filter((entry) => entry.level === 'error'),
      [],
    );
    assert.ok(logged.some((entry) => entry.level === 'debug'));
  });

  it('closes connections from one address past its cap, and keeps serving the others', async () => {
    const sockets: Socket[] = [];
    const closed: boolean[] = [];
    for (let n = 0; n < 7; n++) {
      const socket = connect(server.port, '127.0.0.1');
      const index = n;
      closed[index] = false;
      socket.on('close', () => (closed[index] = true));
      socket.on('error', () => undefined);
      sockets.push(socket);
      await new Promise((resolve) => socket.once('connect', resolve));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(closed.filter(Boolean).length, 3, 'four stay open, three are closed');
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const answer = await fetch(`${server.url}/api/v1/items`);
    assert.equal(answer.status, 200);
  });
});
