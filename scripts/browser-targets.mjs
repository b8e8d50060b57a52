// The browsers Banshi supports, from package.json's browserslist, as esbuild and lightningcss targets: the
// CDN build lowers any syntax (and CSS) newer than they understand (its own or a dependency's), and the test
// server compiles the widgets for them too. The lint checks (es-check, eslint-plugin-compat, stylelint) read the same list.
import { fileURLToPath } from 'node:url';
import browserslist from 'browserslist';
import browserslistToEsbuild from 'browserslist-to-esbuild';
import { browserslistToTargets } from 'lightningcss';

const root = fileURLToPath(new URL('..', import.meta.url));

/** e.g. ['chrome86', 'firefox140', 'safari15', 'ios15'] */
export const esbuildTargets = browserslistToEsbuild(browserslist(undefined, { path: root }));

/** The same browsers as lightningcss targets, for the CSS of the components' templates. */
export const cssTargets = browserslistToTargets(browserslist(undefined, { path: root }));
