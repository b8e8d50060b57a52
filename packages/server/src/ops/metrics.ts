import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import { workerScrape } from './cluster-metrics.js';

/** What a request contributes to the metrics. */
export interface RequestObservation {
  operation: string;
  status: number;
  seconds: number;
  replayed: boolean;
}

/**
 * The process's Prometheus metrics: requests by operation and status, latency, idempotency replays,
 * rate-limit refusals, database pool use, rating and case counts, and Node's own (event-loop lag, heap,
 * CPU). Each process has its own registry; separate processes are scraped one by one, while the
 * workers of `--workers N` share a port, so there a scrape reports all of them (see `aggregateWorkerMetrics`).
 */
export class ServerMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'operation' | 'status'>;
  private readonly latency: Histogram<'operation'>;
  private readonly replays: Counter<'operation'>;
  private readonly refusals: Counter<'operation'>;
  private readonly scrapeWorkers?: () => Promise<string>;

  /** `inWorker`: this process is a worker of `--workers N`, whose primary combines the workers' metrics. */
  constructor(database: Database, inWorker = false) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'banshi_', eventLoopMonitoringPrecision: 20 });
    this.requests = new Counter({
      name: 'banshi_http_requests_total',
      help: 'Requests answered, by operation and status',
      labelNames: ['operation', 'status'],
      registers,
    });
    this.latency = new Histogram({
      name: 'banshi_http_request_duration_seconds',
      help: 'Time from request to response headers, by operation',
      labelNames: ['operation'],
      buckets: [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
      registers,
    });
    this.replays = new Counter({
      name: 'banshi_idempotency_replays_total',
      help: 'Answers replayed for a repeated Idempotency-Key',
      labelNames: ['operation'],
      registers,
    });
    this.refusals = new Counter({
      name: 'banshi_rate_limit_refusals_total',
      help: 'Requests refused by a rate limit or quota (429)',
      labelNames: ['operation'],
      registers,
    });
    const pool = database.pool;
    if (pool) {
      new Gauge({
        name: 'banshi_db_pool_connections',
        help: 'Database pool connections by state',
        labelNames: ['state'],
        registers,
        collect() {
          this.set({ state: 'total' }, pool.totalCount);
          this.set({ state: 'idle' }, pool.idleCount);
          this.set({ state: 'waiting' }, pool.waitingCount);
        },
      });
    }
    const db = database.db;
    new Gauge({
      name: 'banshi_evaluations',
      help: 'Ratings (好差评) stored',
      registers,
      // Every worker counts the same table: a combined scrape shows the count once, not once per worker.
      aggregator: 'max',
      async collect() {
        const row = await sql<{ n: number }>`select count(*)::int as n from evaluations`.execute(db);
        this.set(row.rows[0]?.n ?? 0);
      },
    });
    new Gauge({
      name: 'banshi_cases',
      help: 'Cases stored, by status',
      labelNames: ['status'],
      registers,
      aggregator: 'max',
      async collect() {
        const rows = await sql<{
          status: string;
          n: number;
        }>`select status, count(*)::int as n from cases group by status`.execute(db);
        this.reset();
        for (const row of rows.rows) this.set({ status: row.status }, row.n);
      },
    });
    if (inWorker) this.scrapeWorkers = workerScrape(this.registry);
  }

  /** The Prometheus text of this process, or of all workers when it is one of them. */
  async scrape(): Promise<string> {
    return this.scrapeWorkers ? this.scrapeWorkers() : this.registry.metrics();
  }

  /** Counts one answered request. */
  observe({ operation, status, seconds, replayed }: RequestObservation): void {
    this.requests.inc({ operation, status: String(status) });
    this.latency.observe({ operation }, seconds);
    if (replayed) this.replays.inc({ operation });
    if (status === 429) this.refusals.inc({ operation });
  }
}
