import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
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
 * Serves a file below `root` for the request path after `prefix`; `index.html` for folders.
 * Returns undefined (so the caller answers 404) when the root or the file is missing, or when the
 * path tries to leave the root.
 */
export async function serveFile(c: Context, root: string, prefix: string): Promise<Response | undefined> {
  let relative: string;
  try {
    relative = decodeURIComponent(new URL(c.req.url).pathname.slice(prefix.length));
  } catch {
    return undefined;
  }
  if (relative.includes('\0')) return undefined;
  const base = normalize(root + sep);
  let path = normalize(join(base, relative));
  if (!path.startsWith(base) && path !== normalize(root)) return undefined;
  let info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) {
    path = join(path, 'index.html');
    info = await stat(path).catch(() => undefined);
  }
  if (!info?.isFile()) return undefined;
  const headers: Record<string, string> = {
    'content-type': contentTypeFor(path),
    'content-length': String(info.size),
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  };
  if (c.req.method === 'HEAD') return new Response(null, { status: 200, headers });
  const stream = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
  return new Response(stream, { status: 200, headers });
}
