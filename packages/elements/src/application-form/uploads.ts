import type { Material } from '@banshi/sdk/forms';
import type { FilePreview } from './file-preview.js';

/** One file chosen for a material, from choosing to the server's content check. */
export interface FileEntry {
  key: string;
  name: string;
  size: number;
  /** `invalid`: refused before upload; `failed`: the upload did not complete; then the content check. */
  status: 'uploading' | 'invalid' | 'failed' | 'pending' | 'passed' | 'rejected';
  percent?: number;
  /** The upload id once the server has the file. */
  id?: string;
  /** Message key and params of what went wrong. */
  problem?: [string, Record<string, string | number>];
  /** A photo's thumbnail or a PDF's page count, once read. */
  preview?: FilePreview;
}

/** The text of a file's problem in the current language (a content check's reason is a message key). */
export function problemMessage(
  msg: (key: string, params?: Record<string, string | number>) => string,
  [key, params]: NonNullable<FileEntry['problem']>,
): string {
  return msg(key, { ...params, ...(params.reason ? { reason: msg(String(params.reason)) } : {}) });
}

/** Whether a file was refused (before uploading or by the content check): its row goes, its message stays. */
export const isRefused = (entry: FileEntry): boolean =>
  entry.status === 'invalid' || entry.status === 'rejected';

/** How one material is provided: files, or handed in later (容缺后补). */
export interface MaterialState {
  files: FileEntry[];
  later?: boolean;
}

/** Media types the server accepts, and the file name endings that stand for them. */
export const DEFAULT_ACCEPT = ['application/pdf', 'application/ofd', 'image/jpeg', 'image/png'];
const BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  ofd: 'application/ofd',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};
/** The server's limit for any file (20 MiB). */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export const megabytes = (bytes: number): string => `${Math.round((bytes / 1048576) * 10) / 10} MB`;
export const typeNames = (accept: string[]): string =>
  [...new Set(accept.map((type) => (type.split('/')[1] ?? type).replace('jpeg', 'JPG').toUpperCase()))].join(
    '、',
  );

/** What limits a file: a material's own types and size, if it has any. */
export type Limits = Pick<Material, 'accept' | 'maxBytes'>;

/**
 * A file attached to no material of a form (a question's attachment): the server's own types and size,
 * uploaded without an item or material.
 */
export const ATTACHMENT: Pick<Material, 'id'> = { id: '' };

/** The types and the largest size a material takes: its own limits within the server's. */
export function fileLimits(material: Limits): { accept: string[]; max: number } {
  return {
    accept: material.accept ?? DEFAULT_ACCEPT,
    max: Math.min(material.maxBytes ?? DEFAULT_MAX_BYTES, DEFAULT_MAX_BYTES),
  };
}

/** A file's media type as the browser says, else as its name's ending says. */
export function mediaTypeOf(file: File): string | undefined {
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return file.type && file.type !== 'application/octet-stream' ? file.type : BY_EXTENSION[extension];
}

/** Why a file cannot be uploaded for a material before trying, or undefined. */
export function fileProblem(file: File, material: Limits): FileEntry['problem'] {
  const name = file.name;
  const { accept, max } = fileLimits(material);
  const type = mediaTypeOf(file);
  if (!file.size) return ['apply.file.empty', { name }];
  if (!type || !accept.includes(type)) return ['apply.file.wrongType', { name, types: typeNames(accept) }];
  if (file.size > max) return ['apply.file.tooBig', { name, max: megabytes(max) }];
  return undefined;
}

/** Whether a file uploaded for another material is of a type and size this material takes. */
export function fitsMaterial(entry: Pick<FileEntry, 'name' | 'size'>, material: Material): boolean {
  const { accept, max } = fileLimits(material);
  const type = BY_EXTENSION[entry.name.split('.').pop()?.toLowerCase() ?? ''];
  return entry.size <= max && !!type && accept.includes(type);
}

/** The `accept` attribute of a material's file input. */
export const acceptAttribute = (material: Limits): string => {
  const accept = material.accept ?? DEFAULT_ACCEPT;
  return [
    ...accept,
    ...Object.keys(BY_EXTENSION)
      .filter((ext) => accept.includes(BY_EXTENSION[ext]!))
      .map((ext) => '.' + ext),
  ].join(',');
};
