/**
 * The synthetic catalogue and ratings: generators that scale the demo catalogue to benchmark size
 * (tens of thousands of items, hundreds of thousands of ratings), deterministic for a given seed
 * number. Tooling for benchmarks, tests and the demo's sample ratings; not part of the server.
 * @packageDocumentation
 */
export { generateItems, generatedItemCapacity } from './generate-items.js';
export {
  generateEvaluations,
  type EvaluationOptions,
  type GeneratedEvaluation,
} from './generate-evaluations.js';
export { storeSampleRatings, type SampleRatingsOptions } from './sample-ratings.js';
