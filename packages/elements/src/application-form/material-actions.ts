import type { MaterialActions } from './materials-view.js';
import type { Uploader } from './uploader.js';
import type { MaterialState } from './uploads.js';

/** What the materials step changes on the form. */
export interface MaterialsHost {
  readonly itemCode: string;
  readonly uploader: Uploader;
  /** The state of each material, created on first use. */
  stateOf(materialId: string): MaterialState;
  /** A material changed: the step shows again, and the material's error goes unless `keepError`. */
  changed(materialId: string, keepError?: boolean): void;
}

/** The actions of the materials step: choose, retry, cancel, remove and reuse files, or hand in later. */
export function materialActions(host: MaterialsHost): MaterialActions {
  const { uploader } = host;
  return {
    choose: (material, files) => {
      const state = host.stateOf(material.id);
      for (const file of files) uploader.add(host.itemCode, material, state, file);
      host.changed(material.id);
    },
    retry: (material, entry) => uploader.retry(host.itemCode, material.id, entry),
    cancel: (entry) => uploader.cancel(entry),
    canRetry: (entry) => uploader.canRetry(entry),
    remove: (material, entry) => {
      uploader.cancel(entry);
      const state = host.stateOf(material.id);
      state.files = state.files.filter((file) => file !== entry);
      host.changed(material.id, true);
    },
    reuse: (material, entry) => {
      host.stateOf(material.id).files.push({ ...entry, key: Math.random().toString(36).slice(2) });
      host.changed(material.id);
    },
    later: (material, later) => {
      host.stateOf(material.id).later = later;
      host.changed(material.id);
    },
  };
}
