// GET /api/v1/items/{code} requests per second, as a share of a bare Hono hello-world served the same
// way in the same run (budget ≥ 60%). Loopback only; autocannon, 10 connections, 5 s each.
import autocannon from 'autocannon';
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { startServer } from '../../packages/server/src/server.js';
import { loadCatalogue, openBenchDatabase, writeResult } from './support.js';

const duration = 5;
const connections = 10;

function run(url: string, paths: string[]): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url,
    connections,
    duration,
    requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
  });
}

const hello = new Hono();
hello.get('/', (c) => c.text('Hello Hono!'));
const helloServer = serve({ fetch: hello.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((resolve) => helloServer.once('listening', resolve));
const helloPort = (helloServer.address() as AddressInfo).port;
await run(`http://127.0.0.1:${helloPort}`, ['/']); // warm up
const bare = await run(`http://127.0.0.1:${helloPort}`, ['/']);
helloServer.close();

const database = await openBenchDatabase();
const items = await loadCatalogue(database, 2_000);
const server = await startServer({ port: 0, database, staffCredential: 'st_bench', log: () => {} });
const paths = items.slice(0, 500).map((item) => `/api/v1/items/${item.code}`);
await run(server.url, paths); // warm up
const app = await run(server.url, paths);
await server.close();
await database.close();

const ratio = app.requests.average / bare.requests.average;
writeResult(
  'server-item-throughput',
  'Server: GET /items/{code} throughput',
  [
    { name: 'bare Hono hello-world', value: Math.round(bare.requests.average), unit: 'req/s' },
    { name: 'GET /api/v1/items/{code} (PGlite)', value: Math.round(app.requests.average), unit: 'req/s' },
    {
      name: 'share of hello-world',
      value: +(ratio * 100).toFixed(1),
      unit: '%',
      budget: '≥ 60 %',
      pass: ratio >= 0.6,
    },
    { name: 'GET item p99 latency', value: app.latency.p99, unit: 'ms' },
  ],
  `autocannon, ${connections} connections, ${duration} s each after a warm-up, 500 different items of 2,000, loopback. Errors: ${app.errors}, non-2xx: ${app.non2xx}.`,
);
