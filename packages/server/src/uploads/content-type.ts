import { fileTypeFromBuffer } from 'file-type';

/** The media types an upload may have, decided by its bytes (never by its name or declared type). */
export const acceptedMediaTypes = ['application/pdf', 'image/jpeg', 'image/png', 'application/ofd'] as const;
export type AcceptedMediaType = (typeof acceptedMediaTypes)[number];

/**
 * Sniffs the content. OFD (GB/T 33190) is a zip package whose root holds `OFD.xml`; a zip without it
 * is rejected like any other unaccepted type.
 */
export async function detectMediaType(bytes: Uint8Array): Promise<AcceptedMediaType | undefined> {
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected) return undefined;
  if (detected.mime === 'application/zip')
    return zipHasEntry(bytes, 'OFD.xml') ? 'application/ofd' : undefined;
  return (acceptedMediaTypes as readonly string[]).includes(detected.mime)
    ? (detected.mime as AcceptedMediaType)
    : undefined;
}

/** Reads a zip's central directory and looks for an entry by exact name. */
export function zipHasEntry(bytes: Uint8Array, name: string): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 + 65535 bytes.
  const floor = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= floor; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return false;
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  for (let n = 0; n < entries && offset + 46 <= bytes.length; n++) {
    if (view.getUint32(offset, true) !== 0x02014b50) return false;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const entryName = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    if (entryName === name) return true;
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return false;
}
