import type { Values } from './form-data.js';
import type { CaseCreate } from './types.js';
import type { MaterialState } from './uploads.js';

/** What a draft holds (sealed on the device, see drafts.ts). */
export interface Draft {
  version: string;
  step: string;
  situation: Record<string, string | string[]>;
  data: Values;
  raw: Record<string, string>;
  materials: Record<string, MaterialState>;
  commitment: boolean;
  idempotencyKey: string;
  /** The exact request sent, kept so a reload after submitting replays it with the same key. */
  sent?: CaseCreate;
}

/** Drops the uploads a reload cut short: their files are no longer in memory, so they cannot continue. */
export function keepFinishedUploads(states: Record<string, MaterialState>): void {
  for (const state of Object.values(states))
    state.files = state.files.filter((file) => file.id || file.status === 'invalid');
}
