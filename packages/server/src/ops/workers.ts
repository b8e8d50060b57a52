import cluster, { type Worker } from 'node:cluster';
import { aggregateWorkerMetrics } from './cluster-metrics.js';

/** Options of {@link runWorkers}. */
export interface WorkersOptions {
  count: number;
  /** Writes a line for the operator. */
  out: (line: string) => void;
  /** Time a worker gets to drain after SIGTERM before it is killed. */
  drainTimeoutMs: number;
}

/**
 * The primary of `banshi-server --workers N`: forks N workers of the same command (node:cluster; they
 * share the listening port), replaces one that dies, and on SIGTERM or SIGINT passes the signal on so
 * each drains its requests, then exits when all have. Each worker is a whole server with its own pool
 * and caches, exactly as on separate machines.
 */
export function runWorkers(options: WorkersOptions): void {
  let stopping = false;
  let announced = false;
  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.on('listening', (address) => {
      if (announced) return;
      announced = true;
      const host = address.address && address.address !== '0.0.0.0' ? address.address : '127.0.0.1';
      options.out(`Banshi server listening on http://${host}:${address.port} (${options.count} workers)`);
    });
    return worker;
  };
  aggregateWorkerMetrics();
  for (let i = 0; i < options.count; i++) fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    options.out(`Worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    fork();
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
      if (workers.length === 0) process.exit(0);
      for (const worker of workers) worker.process.kill('SIGTERM');
      // A worker stuck past its drain limit is not waited for forever.
      setTimeout(() => {
        for (const worker of workers) worker.process.kill('SIGKILL');
      }, options.drainTimeoutMs + 5_000).unref();
    });
  }
}
