/** What the applicant sees of a chosen file before it is checked: a photo's thumbnail, a PDF's pages. */
export interface FilePreview {
  /** A small JPEG of an image (a `data:` URL, so pages with a strict `img-src` show it too). */
  thumbnail?: string;
  /** The pages of a PDF, when its page tree says so in plain text. */
  pages?: number;
}

/** The longer side of a thumbnail, in CSS pixels (twice that in image pixels, for sharp screens). */
const THUMBNAIL = 64;

/** A thumbnail of an image file, or undefined when the browser cannot decode it. */
async function thumbnailOf(file: Blob): Promise<string | undefined> {
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, (THUMBNAIL * 2) / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    return canvas.toDataURL('image/jpeg', 0.8);
  } catch {
    return undefined;
  }
}

/**
 * The page count of a PDF, read from its page tree's root (`/Type /Pages … /Count n`, the largest count
 * in the file): no PDF library. A PDF that keeps its page tree in a compressed object stream gives none.
 */
export async function pdfPages(file: Blob): Promise<number | undefined> {
  const text = await file.text();
  let pages = 0;
  for (const [object] of text.matchAll(/<<(?:[^<>]|<<[^<>]*>>)*>>/g)) {
    if (!/\/Type\s*\/Pages\b/.test(object)) continue;
    const count = Number(/\/Count\s+(\d+)/.exec(object)?.[1] ?? 0);
    pages = Math.max(pages, count);
  }
  return pages || undefined;
}

/** The preview of a file of media type `type` (images and PDFs; nothing for others). */
export async function previewOf(file: Blob, type: string): Promise<FilePreview> {
  if (type.startsWith('image/')) return { thumbnail: await thumbnailOf(file) };
  if (type === 'application/pdf') return { pages: await pdfPages(file) };
  return {};
}
