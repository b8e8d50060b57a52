import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);

/** Scalar's standalone browser bundle, read from node_modules once (served at /docs/scalar.js). */
export function loadScalarBundle(): string | undefined {
  try {
    const entry = require.resolve('@scalar/api-reference');
    const bundle = entry.replace(/dist[\\/].*$/, 'dist/browser/standalone.js');
    return readFileSync(bundle, 'utf8');
  } catch {
    return undefined;
  }
}

/** The /docs page: no inline script, so it runs under the same strict policy as everything else. */
export const docsHtml = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Banshi API</title>
</head>
<body>
<div id="app"></div>
<script src="/docs/scalar.js"></script>
<script src="/docs/init.js"></script>
</body>
</html>
`;

/** Starts Scalar on the document served by this server, offline (no fonts or proxies from the web). */
export const docsInitScript = `Scalar.createApiReference('#app', {
  url: '/openapi.yaml',
  withDefaultFonts: false,
  hideClientButton: true,
  telemetry: false,
});
`;
