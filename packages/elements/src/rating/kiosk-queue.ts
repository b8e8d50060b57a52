import {
  existingEvaluation,
  isTransientFailure,
  type BanshiApi,
  type Evaluation,
  type EvaluationInput,
} from '../base/api.js';
import { Outbox } from '../base/outbox.js';

/** Kiosk ratings waiting on this device: one IndexedDB database per origin, shared by every kiosk element. */
export const kioskQueue = new Outbox<EvaluationInput>('banshi-rating-outbox');

/** Keys being delivered right now by any element on this page, so two elements never race on one entry. */
const delivering = new Set<string>();

/**
 * Sends every waiting rating, oldest first, each with the idempotency key it was queued with, so a
 * delivery repeated after a reload or a lost answer is recorded once. Stops at the first transient
 * failure (still offline). A rating the server answers and refuses (already rated, invalid) is dropped:
 * sending it again could never succeed.
 *
 * @returns the evaluations recorded by this call.
 */
export async function deliverKioskQueue(api: BanshiApi): Promise<Evaluation[]> {
  const delivered: Evaluation[] = [];
  for (const entry of await kioskQueue.all()) {
    if (delivering.has(entry.key)) continue;
    delivering.add(entry.key);
    try {
      delivered.push(await api.evaluations.create(entry.body, { idempotencyKey: entry.key }));
      await kioskQueue.remove(entry.key);
    } catch (error) {
      if (isTransientFailure(error)) break;
      await kioskQueue.remove(entry.key);
      if (!existingEvaluation(error)) console.warn('[banshi] the server refused a queued rating', error);
    } finally {
      delivering.delete(entry.key);
    }
  }
  return delivered;
}
