// GET /api/v1/items/{code} requests per second, as a share of a bare Hono hello-world served the same
// way in the same run (budget ≥ 60%). Each server runs in its own process (the CLI on a PGlite data
// folder, as `npm start` runs it) and autocannon drives it from this one: loopback, 10 connections, 5 s.
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../packages/server/src/db/database.js';
import { loadCatalogue, writeResult } from './support.js';

const duration = 5;
const connections = 10;
const serverPackage = new URL('../../packages/server/', import.meta.url).pathname;

function start(args: string[], cwd: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve({ url: match[1]!, child });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function run(url: string, paths: string[], seconds = duration): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url,
    connections,
    duration: seconds,
    requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
  });
}

const hello = await start([new URL('./hello-server.ts', import.meta.url).pathname], serverPackage);
await run(hello.url, ['/'], 2); // warm up
const bare = await run(hello.url, ['/']);
await stop(hello.child);

const folder = mkdtempSync(join(tmpdir(), 'banshi-throughput-'));
const dataDir = join(folder, 'pglite');
const database = await openDatabase({ dataDir });
const items = await loadCatalogue(database, 2_000);
await database.close();
const app = await start(['src/cli.ts', '--port', '0', '--data-dir', dataDir], serverPackage);
const paths = items.slice(0, 500).map((item) => `/api/v1/items/${item.code}`);
await run(app.url, paths, 2); // warm up
const result = await run(app.url, paths);
await stop(app.child);
rmSync(folder, { recursive: true, force: true });

const ratio = result.requests.average / bare.requests.average;
writeResult(
  'server-item-throughput',
  'Server: GET /items/{code} throughput',
  [
    { name: 'bare Hono hello-world', value: Math.round(bare.requests.average), unit: 'req/s' },
    { name: 'GET /api/v1/items/{code} (PGlite)', value: Math.round(result.requests.average), unit: 'req/s' },
    {
      name: 'share of hello-world',
      value: +(ratio * 100).toFixed(1),
      unit: '%',
      budget: '≥ 60 %',
      pass: ratio >= 0.6,
    },
    { name: 'GET item p99 latency', value: result.latency.p99, unit: 'ms' },
  ],
  `Servers in their own processes; autocannon, ${connections} connections, ${duration} s after a 2 s warm-up; 500 different items of 2,000 (answers of about 4 KB against 11 bytes); loopback. Errors: ${result.errors}, non-2xx: ${result.non2xx}.`,
);
