import { fileTypeFromBuffer } from 'file-type';
import { listZip } from './inspect.js';

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
    return listZip(bytes)?.some((entry) => entry.name === 'OFD.xml') ? 'application/ofd' : undefined;
  return (acceptedMediaTypes as readonly string[]).includes(detected.mime)
    ? (detected.mime as AcceptedMediaType)
    : undefined;
}
