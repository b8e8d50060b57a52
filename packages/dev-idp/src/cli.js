#!/usr/bin/env node
// banshi-dev-idp: the development login for `npm start`. Refuses a production configuration.
import { parseArgs } from 'node:util';
import { startDevIdp } from './provider.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'client-redirect': { type: 'string', multiple: true },
    audience: { type: 'string' },
  },
  strict: true,
});

try {
  const idp = await startDevIdp({
    port: Number(values.port ?? process.env.BANSHI_DEV_IDP_PORT ?? 8081),
    host: values.host ?? '127.0.0.1',
    audience: values.audience ?? 'urn:banshi:api',
    clientRedirectUris: values['client-redirect'] ?? ['http://127.0.0.1:8080/', 'http://localhost:8080/'],
  });
  process.stdout.write(`Development identity provider (personas, no passwords) at ${idp.url}\n`);
  for (const signal of ['SIGINT', 'SIGTERM'])
    process.on(signal, () => idp.close().then(() => process.exit(0)));
} catch (error) {
  process.stderr.write(`banshi-dev-idp: ${error.message}\n`);
  process.exit(2);
}
