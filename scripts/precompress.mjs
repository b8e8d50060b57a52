// `node scripts/precompress.mjs <folder>…`: writes a brotli (`.br`, quality 11) and a gzip (`.gz`, level 9)
// copy beside every text file in the folders, so the server sends compressed bytes without compressing
// on each request. A copy newer than its file is kept; the server ignores a copy older than its file.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TEXT = /\.(js|mjs|css|html|json|svg|txt|yaml|map)$/;

/** Every text file below `dir`. */
function textFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return textFiles(path);
    return TEXT.test(entry.name) ? [path] : [];
  });
}

const fresh = (copy, source) => {
  try {
    return statSync(copy).mtimeMs >= statSync(source).mtimeMs;
  } catch {
    return false;
  }
};

/** Compresses every text file below each folder; returns how many copies were written. */
export function precompress(folders) {
  let written = 0;
  for (const file of folders.flatMap(textFiles)) {
    const source = readFileSync(file);
    const copies = {
      '.br': () =>
        brotliCompressSync(source, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          },
        }),
      '.gz': () => gzipSync(source, { level: 9 }),
    };
    for (const [suffix, compress] of Object.entries(copies)) {
      if (fresh(file + suffix, file)) continue;
      writeFileSync(file + suffix, compress());
      written++;
    }
  }
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = precompress(process.argv.slice(2));
  console.log(`precompress: ${count} brotli and gzip copies written`);
}
