import { Inflate, unzipSync } from 'fflate';
import { ProblemError } from '../http/problem.js';

/** One entry of a zip's central directory. */
export interface ZipEntry {
  name: string;
  /** Compressed size in bytes. */
  size: number;
  /** Size once unpacked, as the directory states it. */
  originalSize: number;
}

/** What a zip-based upload (OFD) may hold. */
export interface ArchiveLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
  /** Unpacked size over packed size, of the whole archive. */
  maxRatio: number;
}

/** Generous for real OFD documents (a few hundred entries, ratios of XML around 10), tight for bombs. */
export const defaultArchiveLimits: ArchiveLimits = {
  maxEntries: 5000,
  maxUncompressedBytes: 256 * 1024 * 1024,
  maxRatio: 100,
};

/**
 * The entries of a zip, read from its central directory only: nothing is unpacked, in memory or on
 * disk. Undefined when the bytes are not a readable zip.
 */
export function listZip(bytes: Uint8Array): ZipEntry[] | undefined {
  const entries: ZipEntry[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries.push({ name: file.name, size: file.size, originalSize: file.originalSize });
        return false;
      },
    });
  } catch {
    return undefined;
  }
  return entries;
}

function rejected(code: string, detailKey: string, params: Record<string, string | number> = {}) {
  return new ProblemError(422, code, {
    titleKey: 'problem.uploadRejected',
    detailKey,
    params,
    errors: [{ pointer: '/file', code, messageKey: detailKey, params }],
  });
}

/** Refuses a zip whose directory promises too many entries, too many bytes or a bomb's ratio. */
export function checkArchive(entries: ZipEntry[], packedBytes: number, limits = defaultArchiveLimits): void {
  const unpacked = entries.reduce((sum, entry) => sum + entry.originalSize, 0);
  const unsafeName = entries.find((entry) => /^[\\/]|^[a-z]:|(^|[\\/])\.\.([\\/]|$)/i.test(entry.name));
  if (
    entries.length > limits.maxEntries ||
    unpacked > limits.maxUncompressedBytes ||
    unpacked / Math.max(packedBytes, 1) > limits.maxRatio ||
    unsafeName
  )
    throw rejected('upload_archive_limits', 'problem.uploadArchiveLimits', {
      entries: limits.maxEntries,
      megabytes: Math.round(limits.maxUncompressedBytes / 1048576),
      ratio: limits.maxRatio,
    });
}

// Markup a browser would run if the file were ever served or opened as HTML: the mark of a polyglot.
const markup =
  /<(?:script|html|!doctype\s+html|body|iframe|svg|object|embed|meta\s+http-equiv)\b|javascript:/i;
// PDF names that run code, act on opening or carry other files (ISO 32000-1 §12.6, §7.11.4, §12.7.8).
const activeName =
  /\/(?:JS|JavaScript|OpenAction|AA|Launch|EmbeddedFiles?|RichMedia|XFA|SubmitForm|ImportData|GoToE)(?=[\s/<>[\]()%]|$)/;
const maxInflatedBytes = 32 * 1024 * 1024;

/** A PDF name with its `#xx` escapes decoded (`/J#53` is `/JS`). */
const decodeNames = (text: string) =>
  text.replace(/\/[^\s/<>[\]()%]*/g, (name) =>
    name.replace(/#([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
  );

/** The text of the compressed object streams (`/Type /ObjStm`), where action dictionaries may hide. */
function objectStreamTexts(text: string, bytes: Uint8Array): string[] {
  const texts: string[] = [];
  let budget = maxInflatedBytes;
  const streams = /stream\r?\n/g;
  for (let match = streams.exec(text); match && budget > 0; match = streams.exec(text)) {
    const dictionary = text.slice(Math.max(0, match.index - 400), match.index);
    const opened = dictionary.lastIndexOf('<<');
    const head = decodeNames(dictionary.slice(opened));
    if (!/\/ObjStm\b/.test(head) || !/\/FlateDecode\b/.test(head)) continue;
    const end = text.indexOf('endstream', match.index);
    if (end < 0) break;
    const chunks: string[] = [];
    const inflate = new Inflate((chunk) => {
      budget -= chunk.length;
      if (budget >= 0) chunks.push(Buffer.from(chunk).toString('latin1'));
    });
    try {
      // zlib wrapper: two header bytes, then raw deflate.
      inflate.push(bytes.subarray(match.index + match[0].length + 2, end), true);
    } catch {
      // A damaged stream holds nothing a viewer could run either; its raw bytes were scanned already.
    }
    texts.push(chunks.join(''));
  }
  return texts;
}

/**
 * Looks inside an upload whose type is already known: refuses markup that makes it a polyglot, a PDF
 * with active content (JavaScript, actions on opening, launches, embedded files) and a zip-based
 * document beyond the archive limits. Throws a 422 ProblemError with a specific code.
 */
export function inspectUpload(bytes: Uint8Array, mediaType: string, limits = defaultArchiveLimits): void {
  if (mediaType === 'application/ofd') {
    const entries = listZip(bytes);
    if (!entries) throw rejected('upload_archive_limits', 'problem.uploadDamaged');
    checkArchive(entries, bytes.length, limits);
    return;
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (markup.test(text) || (mediaType === 'application/pdf' && !text.startsWith('%PDF-')))
    throw rejected('upload_polyglot', 'problem.uploadPolyglot');
  if (mediaType !== 'application/pdf') return;
  for (const part of [text, ...objectStreamTexts(text, bytes)]) {
    if (activeName.test(decodeNames(part)))
      throw rejected('upload_active_content', 'problem.uploadActiveContent');
  }
}
