import { ClientCore, type ClientOptions } from './client-core.js';
import { CalendarResource } from './resources/calendar/calendar.js';
import { Appointments } from './resources/appointments/appointments.js';
import { Consultations } from './resources/consultations/consultations.js';
import { Cases } from './resources/cases/cases.js';
import { Evaluations } from './resources/evaluations/evaluations.js';
import { RatingFigures } from './resources/rating-figures/rating-figures.js';
import { Items } from './resources/items/items.js';
import { Reference } from './resources/reference/reference.js';
import { Uploads } from './resources/uploads/uploads.js';

/** The Banshi API client. Create one per API and reuse it: it keeps a small ETag cache of item reads. */
export class BanshiClient extends ClientCore {
  /** Service items and their guides and forms. */
  readonly items: Items;
  /** Applications (办件): submit, track, correct, withdraw; staff transitions. */
  readonly cases: Cases;
  /** File uploads for application forms. */
  readonly uploads: Uploads;
  /** 好差评 ratings, published figures and rectification. */
  readonly evaluations: Evaluations;
  /** Departments, themes and regions. */
  readonly reference: Reference;
  /** The working-day calendar (staff). */
  readonly calendar: CalendarResource;
  /** 预约: slots, bookings, check-in and the window's queue. */
  readonly appointments: Appointments;
  /** 好差评 figures per department, window and member of staff, and the 红黑榜. */
  readonly ratingFigures: RatingFigures;
  /** 我要问: questions, answers, the follow-up, ratings and published questions and answers. */
  readonly consultations: Consultations;

  constructor(options: ClientOptions) {
    super(options);
    this.items = new Items(this.transport);
    this.cases = new Cases(this.transport);
    this.uploads = new Uploads(this.transport);
    this.evaluations = new Evaluations(this.transport);
    this.reference = new Reference(this.transport);
    this.calendar = new CalendarResource(this.transport);
    this.appointments = new Appointments(this.transport);
    this.ratingFigures = new RatingFigures(this.transport);
    this.consultations = new Consultations(this.transport);
  }
}

/** Creates a {@link BanshiClient}. */
export function createClient(options: ClientOptions): BanshiClient {
  return new BanshiClient(options);
}
