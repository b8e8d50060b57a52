// Provincial scale: the catalogue in PostgreSQL, two server processes (the built CLI) on one database.
// At 45,800 items and at BANSHI_BENCH_PROVINCIAL_ITEMS (default 1,000,000): search p95 with 20
// concurrent clients spread over both processes (the residents' words, which repeat, and then searches
// each asked for the first time; both again as a county's site asks them, with `site`), the time until
// an item changed in the database is found by a search through the other process, and each process's
// start-up time and memory. The clients share the machine with the servers, so they are kept cheap: an
// undici pool of kept-alive connections per process, answers read to the end but not decoded.
// Needs PostgreSQL (BANSHI_BENCH_DATABASE_URL or BANSHI_TEST_DATABASE_URL); loopback only.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Pool } from 'undici';
import { sql } from 'kysely';
import { openDatabase } from '../../packages/server/src/db/database.js';
import { benchDatabaseUrl, loadCatalogue, percentile, writeResult, type ResultRow } from './support.js';
import { growCatalogue } from './grow-catalogue.js';
import { searchQueries as queries } from './search-queries.js';

const target = Number(process.env.BANSHI_BENCH_PROVINCIAL_ITEMS ?? 1_000_000);
const seconds = Number(process.env.BANSHI_BENCH_PROVINCIAL_SECONDS ?? 20);
const cli = fileURLToPath(new URL('../../packages/server/dist/cli.js', import.meta.url));

interface Server {
  url: string;
  child: ChildProcess;
  startMs: number;
  /** Kept-alive connections to the process, one per client at most. */
  pool: Pool;
}

function startServer(databaseUrl: string): Promise<Server> {
  const started = performance.now();
  const child = spawn(process.execPath, [cli, '--port', '0', '--database-url', databaseUrl], {
    env: { ...process.env, BANSHI_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match)
        resolve({
          url: match[1]!,
          child,
          startMs: performance.now() - started,
          pool: new Pool(match[1]!, { connections: 20 }),
        });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

async function stop(server: Server): Promise<void> {
  await server.pool.close();
  return new Promise((resolve) => {
    server.child.once('exit', () => resolve());
    server.child.kill('SIGTERM');
  });
}

function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return Math.round(Number(line?.[1] ?? 0) / 1024);
}

/** GETs `path` from the process; its status, and its body when `text` (else read and dropped). */
async function get(server: Server, path: string, text = false): Promise<{ status: number; body: string }> {
  const answer = await server.pool.request({ path, method: 'GET' });
  const body = text ? await answer.body.text() : (await answer.body.dump({ limit: 1 << 20 }), '');
  return { status: answer.statusCode, body };
}

/** Counties of the generated catalogue (a few thousand items each, theirs and their city's and province's). */
const sites = ['150302', '150203', '150202', '150204', '620302'];

/**
 * Page sizes that make each search of a phase a first: the same words and about the same work, another
 * kept answer (5–50, but never the default 20 that the repeated phases ask for).
 */
const FIRST_ASK_LIMITS = 45;

/**
 * 20 clients, each sending searches one after another to both processes in turn, for `seconds` (a
 * first-asked phase ends sooner if its different searches run out). The
 * residents' words repeat, so most are answered from the kept answers; with `firstAsk` each search
 * (words and page size) is new to the processes, so every one is searched in the database; with
 * `site`, each search names one of the {@link sites}, as a county's widget sends it. Answers the
 * durations and the clients' own CPU time per search.
 */
async function searchLoad(
  servers: Server[],
  firstAsk: boolean,
  site = false,
): Promise<{ durations: number[]; clientCpuMs: number; seconds: number }> {
  const durations: number[] = [];
  const cpu = process.cpuUsage();
  const started = performance.now();
  const until = started + seconds * 1000;
  // Search i is (process, site, words, page size) in mixed radix, so the first `unique` are all different.
  const unique = firstAsk ? 2 * (site ? sites.length : 1) * queries.length * FIRST_ASK_LIMITS : Infinity;
  let n = 0;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (performance.now() < until && n < unique) {
        const i = n++;
        let rest = Math.floor(i / 2);
        const where = site ? `&site=${sites[rest % sites.length]}` : '';
        if (site) rest = Math.floor(rest / sites.length);
        const words = encodeURIComponent(queries[rest % queries.length]!);
        rest = Math.floor(rest / queries.length);
        const size = 5 + (rest % FIRST_ASK_LIMITS);
        const limit = firstAsk ? `&limit=${size < 20 ? size : size + 1}` : '';
        const start = performance.now();
        const answer = await get(servers[i % 2]!, `/api/v1/items?q=${words}${limit}${where}`);
        durations.push(performance.now() - start);
        if (answer.status !== 200) throw new Error(`search answered ${answer.status}`);
      }
    }),
  );
  const used = process.cpuUsage(cpu);
  return {
    durations,
    clientCpuMs: (used.user + used.system) / 1000 / durations.length,
    seconds: Math.round((performance.now() - started) / 1000),
  };
}

/** Renames an item in the database and times until a search through the other process finds it. */
async function visibility(databaseUrl: string, server: Server, round: number): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const term = `kjcbench${round}x`;
  const { rows } = await client.query(
    `select code from items where status = 'active' order by code limit 1 offset ${round}`,
  );
  const code = rows[0].code as string;
  const changed = performance.now();
  await client.query(`update items set search_keywords = search_keywords || ' ' || $1 where code = $2`, [
    term,
    code,
  ]);
  await client.end();
  for (;;) {
    const answer = await get(server, `/api/v1/items?q=${term}`, true);
    if (answer.body.includes(code)) return performance.now() - changed;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The p95, p50 and count of one load phase (`what` names it after the label; the first has the budget). */
function phaseRows(
  label: string,
  what: string,
  { durations, seconds }: { durations: number[]; seconds: number },
  budgeted = false,
): ResultRow[] {
  const p95 = +percentile(durations, 95).toFixed(1);
  return [
    {
      name: `${label}: search p95${what}`,
      value: p95,
      unit: 'ms',
      ...(budgeted ? { budget: '≤ 20 ms', pass: p95 <= 20 } : {}),
    },
    { name: `${label}: search p50${what}`, value: +percentile(durations, 50).toFixed(1), unit: 'ms' },
    { name: `${label}: searches answered${what}`, value: durations.length, unit: `in ${seconds} s` },
  ];
}

/** Frequent words whose pages run deep: a character, a word, initials, a department. */
const deepWords = ['证', '养老', 'yl', '公安'];

/**
 * One client pages through each of {@link deepWords} to page 25, following each page's cursor, and asks
 * pages 23–25 again by offset alone (what a cursor without a position does); the times of pages 21–25
 * and of those asked by offset. Nineteen to a page: a page size no earlier phase asked for beyond page 1.
 */
async function deepPages(server: Server): Promise<{ byPosition: number[]; byOffset: number[] }> {
  const byPosition: number[] = [];
  const byOffset: number[] = [];
  const timed = async (path: string, into: number[]) => {
    const start = performance.now();
    const answer = await get(server, path, true);
    into.push(performance.now() - start);
    if (answer.status !== 200) throw new Error(`a deep page answered ${answer.status}`);
    return JSON.parse(answer.body) as { nextCursor: string | null };
  };
  for (const words of deepWords) {
    const path = `/api/v1/items?q=${encodeURIComponent(words)}&limit=19`;
    let cursor: string | null = '';
    for (let page = 1; page <= 25 && cursor !== null; page++) {
      const answer = await timed(`${path}${cursor ? `&cursor=${cursor}` : ''}`, page > 20 ? byPosition : []);
      cursor = answer.nextCursor;
    }
    for (const page of [23, 24, 25]) {
      const offset = Buffer.from(JSON.stringify({ o: (page - 1) * 19 })).toString('base64url');
      await timed(`${path}&cursor=${offset}`, byOffset);
    }
  }
  return { byPosition, byOffset };
}

async function measure(label: string, databaseUrl: string, count: number): Promise<ResultRow[]> {
  const servers = [await startServer(databaseUrl), await startServer(databaseUrl)];
  try {
    for (const server of servers) await get(server, `/api/v1/items?q=${encodeURIComponent('证')}`);
    const repeated = await searchLoad(servers, false);
    const firstAsked = await searchLoad(servers, true);
    const siteRepeated = await searchLoad(servers, false, true);
    const siteFirstAsked = await searchLoad(servers, true, true);
    const seen: number[] = [];
    for (let round = 0; round < 5; round++) seen.push(await visibility(databaseUrl, servers[1]!, round));
    const deep = await deepPages(servers[0]!);
    const rows: ResultRow[] = [
      ...phaseRows(label, ', 20 clients, 2 processes', repeated, true),
      {
        name: `${label}: the clients' own CPU per search`,
        value: +repeated.clientCpuMs.toFixed(3),
        unit: 'ms',
      },
      ...phaseRows(label, ', every search asked for the first time', firstAsked),
      ...phaseRows(label, `, a county's site (site=, ${sites.length} counties)`, siteRepeated),
      ...phaseRows(label, ', a site, every search asked for the first time', siteFirstAsked),
      {
        name: `${label}: pages 21–25 of ${deepWords.join(' ')}, following the cursor (median, one client)`,
        value: +percentile(deep.byPosition, 50).toFixed(1),
        unit: 'ms',
      },
      {
        name: `${label}: pages 23–25 of the same, by offset alone (median, one client)`,
        value: +percentile(deep.byOffset, 50).toFixed(1),
        unit: 'ms',
      },
      {
        name: `${label}: change seen through the other process (max of 5)`,
        value: +Math.max(...seen).toFixed(1),
        unit: 'ms',
        budget: '≤ 1000 ms',
        pass: Math.max(...seen) <= 1000,
      },
    ];
    servers.forEach((server, i) => {
      rows.push({
        name: `${label}: process ${i + 1} start-up`,
        value: Math.round(server.startMs),
        unit: 'ms',
      });
      rows.push({
        name: `${label}: process ${i + 1} memory (RSS)`,
        value: rssMiB(server.child.pid!),
        unit: 'MiB',
      });
    });
    console.log(rows.map((row) => `  ${row.name}: ${row.value} ${row.unit}`).join('\n'), `(${count} items)`);
    return rows;
  } finally {
    await Promise.all(servers.map(stop));
  }
}

if (!benchDatabaseUrl) {
  console.log('provincial: no PostgreSQL (BANSHI_BENCH_DATABASE_URL); skipped');
} else {
  // BANSHI_BENCH_PROVINCIAL_DATABASE names a database of an earlier run to measure again as it is.
  const reused = process.env.BANSHI_BENCH_PROVINCIAL_DATABASE;
  const name = reused ?? `banshi_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: benchDatabaseUrl });
  await admin.connect();
  if (!reused) await admin.query(`create database ${name}`);
  const url = new URL(benchDatabaseUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  try {
    const database = await openDatabase({ databaseUrl });
    const rows: ResultRow[] = [];
    let count = 45_800;
    if (!reused) {
      await loadCatalogue(database, 45_800);
      await sql`vacuum analyze items`.execute(database.db);
      rows.push(...(await measure('45,800 items', databaseUrl, 45_800)));
      const growing = performance.now();
      count = await growCatalogue(database, target);
      rows.push({
        name: `${count.toLocaleString('en')} items: copied and indexed in`,
        value: Math.round((performance.now() - growing) / 1000),
        unit: 's',
      });
    } else {
      // A database of an earlier run is measured at the size it has (growing it again takes long).
      count = Number(
        (await sql<{ n: number }>`select count(*)::int as n from items`.execute(database.db)).rows[0]!.n,
      );
    }
    await database.close();
    rows.push(...(await measure(`${count.toLocaleString('en')} items`, databaseUrl, count)));
    writeResult(
      'server-provincial',
      'Provincial scale: PostgreSQL, two server processes',
      rows,
      `Search runs in PostgreSQL; items past 45,800 are copies of the generated catalogue under other codes and regions (a province lists each county's items). Loopback, ${seconds} s of load per size, client and servers on one machine; load average ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' / ')} (1/5/15 min) at the end, the 2 cores shared with other jobs.`,
    );
  } finally {
    if (!reused) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
