import { readFileSync } from 'node:fs';
import type { Context } from 'hono';
import { serveFile } from './static.js';

/** A year: the longest lifetime caches honour, for files whose URL changes with every release. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** A release's folder name in a CDN path: `/cdn/0.1.0/…`, `/cdn/1.2.0-rc.1/…`. */
const VERSION_SEGMENT = /^\/cdn\/(\d+\.\d+\.\d+(?:[-+][\w.-]+)?)\//;

/**
 * The release the CDN folder holds, from the `release.json` its build writes; undefined when there is none
 * (then only the unversioned paths are served).
 */
export function cdnRelease(cdnDir: string): string | undefined {
  try {
    const { version } = JSON.parse(readFileSync(`${cdnDir}/release.json`, 'utf8')) as { version?: unknown };
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serves the widgets' CDN folder: `/cdn/<version>/<file>` is the release that folder holds, cached by
 * anyone for a year and never revalidated (a new release has a new path); `/cdn/<file>` is an alias of the
 * current release that caches revalidate by ETag. A path naming another release is not found, never the
 * current files under an old name.
 */
export function serveCdn(
  c: Context,
  cdnDir: string,
  version: string | undefined,
): Promise<Response | undefined> {
  const requested = VERSION_SEGMENT.exec(new URL(c.req.url).pathname)?.[1];
  if (requested === undefined) return serveFile(c, cdnDir, '/cdn/');
  if (requested !== version) return Promise.resolve(undefined);
  return serveFile(c, cdnDir, `/cdn/${version}/`, { cacheControl: IMMUTABLE });
}
