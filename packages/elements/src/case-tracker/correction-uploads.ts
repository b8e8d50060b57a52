import type { BanshiApi } from '../base/api.js';
import type { CorrectionUploads } from './correction-view.js';
import type { CorrectionRequest } from './types.js';

/** Uploads the files for one asked-for material; uploads are tied to a form session of the item. */
export async function uploadCorrectionFiles(
  api: BanshiApi,
  itemCode: string,
  materialId: string,
  files: File[],
): Promise<{ names: string[]; ids: string[] }> {
  const formSession = (await api.items.getForm(itemCode)).session?.token;
  const done = await Promise.all(
    files.map((file) => api.uploads.create({ file, itemCode, materialId, formSession })),
  );
  return { names: done.map((u) => u.name), ids: done.map((u) => u.id) };
}

/** The materials the office asked files for. */
export const neededMaterials = (correction: CorrectionRequest): string[] =>
  correction.items.flatMap((item) => (item.materialId ? [item.materialId] : []));

/** The materials of the correction request body, each with its uploads. */
export const correctionMaterials = (needed: string[], uploads: CorrectionUploads) =>
  needed.map((materialId) => ({
    materialId,
    provision: 'upload' as const,
    uploadIds: (uploads[materialId] as { ids: string[] }).ids,
  }));
