import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { Context } from 'hono';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
  '.pdf': 'application/pdf',
};

/** The content type for a file name; binary when unknown. */
export function contentTypeFor(path: string): string {
  return contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The compressed copies the build writes beside a file (`x.js.br`, `x.js.gz`), best first. They are served
 * in place of the file to a client that accepts them, never under their own names.
 */
const encodings = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
const COMPRESSED_SUFFIX = /\.(br|gz)$/i;

/** Options of {@link serveFile}. */
export interface ServeOptions {
  /** The answer's Cache-Control. Default `no-cache`: a cache keeps the file and revalidates it by ETag. */
  cacheControl?: string;
}

/** The encodings `accept-encoding` allows (a q of 0 refuses one). */
function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.split(';').map((piece) => piece.trim());
    const q = params.find((param) => param.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  return accepted;
}

/** Content hashes by path, kept while the file's size and time are unchanged. */
const hashes = new Map<string, { stamp: string; hash: string }>();

/** A strong validator of the file's content, computed once per version of the file. */
async function contentHash(path: string, size: number, mtimeMs: number): Promise<string> {
  const stamp = `${size}:${mtimeMs}`;
  const known = hashes.get(path);
  if (known?.stamp === stamp) return known.hash;
  const hash = createHash('sha256')
    .update(await readFile(path))
    .digest('base64url')
    .slice(0, 27);
  hashes.set(path, { stamp, hash });
  return hash;
}

/** Whether `If-None-Match` names `etag` (weak comparison, as RFC 9110 asks for GET). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * Serves a file below `root` for the request path after `prefix`; `index.html` for folders.
 * A precompressed copy (brotli, then gzip) written by the build beside the file, and no older than it, is
 * sent to a client that accepts it, with `Vary: Accept-Encoding`. Every answer carries a strong ETag (one
 * per encoding), and a matching `If-None-Match` gets 304.
 * Returns undefined (so the caller answers 404) when the root or the file is missing, or when the
 * path tries to leave the root.
 */
export async function serveFile(
  c: Context,
  root: string,
  prefix: string,
  options: ServeOptions = {},
): Promise<Response | undefined> {
  let relative: string;
  try {
    relative = decodeURIComponent(new URL(c.req.url).pathname.slice(prefix.length));
  } catch {
    return undefined;
  }
  if (relative.includes('\0') || COMPRESSED_SUFFIX.test(relative)) return undefined;
  const base = normalize(root + sep);
  let path = normalize(join(base, relative));
  if (!path.startsWith(base) && path !== normalize(root)) return undefined;
  let info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) {
    path = join(path, 'index.html');
    info = await stat(path).catch(() => undefined);
  }
  if (!info?.isFile()) return undefined;

  const accepted = acceptedEncodings(c.req.header('accept-encoding'));
  let sent = { path, size: info.size, encoding: undefined as string | undefined };
  let compressible = false;
  for (const encoding of encodings) {
    const copy = await stat(path + encoding.suffix).catch(() => undefined);
    if (!copy?.isFile() || copy.mtimeMs < info.mtimeMs) continue;
    compressible = true;
    if (!sent.encoding && accepted.has(encoding.name))
      sent = { path: path + encoding.suffix, size: copy.size, encoding: encoding.name };
  }
  const hash = await contentHash(path, info.size, info.mtimeMs);
  const headers: Record<string, string> = {
    'content-type': contentTypeFor(path),
    'cache-control': options.cacheControl ?? 'no-cache',
    etag: `"${hash}${sent.encoding ? `-${sent.encoding}` : ''}"`,
    'x-content-type-options': 'nosniff',
  };
  if (compressible) headers.vary = 'Accept-Encoding';
  if (matches(c.req.header('if-none-match'), headers.etag!)) {
    const { 'content-type': _type, ...validators } = headers;
    return new Response(null, { status: 304, headers: validators });
  }
  headers['content-length'] = String(sent.size);
  if (sent.encoding) headers['content-encoding'] = sent.encoding;
  if (c.req.method === 'HEAD') return new Response(null, { status: 200, headers });
  const stream = Readable.toWeb(createReadStream(sent.path)) as ReadableStream<Uint8Array>;
  return new Response(stream, { status: 200, headers });
}
