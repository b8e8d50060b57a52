// `npm start`: the development identity provider (seeded personas, no passwords) next to the server with
// the seed catalogue, the server trusting the provider's tokens. Either exiting stops both.
import { spawn } from 'node:child_process';

const idpPort = process.env.BANSHI_DEV_IDP_PORT ?? '8081';
const issuer = `http://127.0.0.1:${idpPort}`;
const children = [
  spawn(process.execPath, ['packages/dev-idp/src/cli.js', '--port', idpPort], { stdio: 'inherit' }),
  spawn(
    process.execPath,
    [
      'packages/server/dist/cli.js',
      '--seed',
      '--development',
      '--oidc-issuer',
      issuer,
      '--oidc-audience',
      'urn:banshi:api',
    ],
    { stdio: 'inherit' },
  ),
];
let stopping = false;
function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
for (const child of children) child.on('exit', (code) => stopAll(code ?? 1));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(0));
