// Completes cdn/ after the Rollup builds: the manifest of the elements (custom-elements.json, for editors
// and tools, served at /cdn/<version>/custom-elements.json) and release.json, which names the release the
// folder holds, so the server knows which /cdn/<version>/ path is this one.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';

const here = new URL('../', import.meta.url);
const { version } = JSON.parse(readFileSync(new URL('package.json', here), 'utf8'));

copyFileSync(new URL('custom-elements.json', here), new URL('cdn/custom-elements.json', here));
writeFileSync(new URL('cdn/release.json', here), `${JSON.stringify({ version }, null, 2)}\n`);
