// Builds every package: each package describes its own outputs, this file only gathers them.
import sdk from './packages/sdk/rollup.parts.mjs';
import elements from './packages/elements/rollup.parts.mjs';

export default [...sdk, ...elements];
