/**
 * The SDK's resources, for the widgets' `define.ts` to hand to the client with {@link useResources}: each
 * widget's chunk carries the resources it calls, and the core chunk none (this module stays out of it).
 */
export {
  Appointments,
  Cases,
  Consultations,
  Evaluations,
  Items,
  RatingFigures,
  Reference,
  Uploads,
} from '@banshi/sdk';
export { useResources } from './api.js';
