import cluster from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';

// A worker asks the primary for a scrape; the primary gathers every worker's registry and answers.
const scrapeRequest = 'banshi:metrics-scrape';
const scrapeAnswer = 'banshi:metrics-scraped';

interface ScrapeMessage {
  type?: string;
  id?: number;
  text?: string;
  error?: string;
}

/**
 * In the primary of `--workers N`: answers a worker's scrape with the metrics of all workers, combined by
 * prom-client's AggregatorRegistry (counters and histograms summed; gauges that read the shared database
 * taken once). Without this a scrape would show whichever worker the connection reached.
 */
export function aggregateWorkerMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: ScrapeMessage) => {
    if (message?.type !== scrapeRequest) return;
    const reply = (answer: ScrapeMessage) => {
      if (worker.isConnected()) worker.send({ type: scrapeAnswer, id: message.id, ...answer });
    };
    aggregator.clusterMetrics().then(
      (text) => reply({ text }),
      (error: Error) => reply({ error: error.message }),
    );
  });
}

/**
 * In a worker: offers `registry` to the primary's aggregation and returns the scrape of all workers,
 * asked of the primary over the cluster's channel.
 */
export function workerScrape(registry: Registry, timeoutMs = 10_000): () => Promise<string> {
  // Constructing one installs prom-client's answer to the primary's request for this worker's metrics.
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([registry]);
  const pending = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void }>();
  let next = 0;
  process.on('message', (message: ScrapeMessage) => {
    if (message?.type !== scrapeAnswer || message.id === undefined) return;
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.error !== undefined) waiting?.reject(new Error(message.error));
    else waiting?.resolve(message.text ?? '');
  });
  return () =>
    new Promise<string>((resolve, reject) => {
      const id = next++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error('The primary did not answer the metrics scrape'));
      }, timeoutMs);
      pending.set(id, {
        resolve: (text) => (clearTimeout(timer), resolve(text)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
      process.send!({ type: scrapeRequest, id });
    });
}
