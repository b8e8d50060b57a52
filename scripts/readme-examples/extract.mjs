// The code blocks of the READMEs that promise to run: a fence whose info string is the language and the word
// `test` (```ts test, ```sh test, ```html test). Other blocks are sketches and are left alone.
import { readFileSync } from 'node:fs';

/** The READMEs an integrator reads first. */
export const READMES = [
  'README.md',
  'packages/sdk/README.md',
  'packages/elements/README.md',
  'packages/server/README.md',
];

const MARKED = /^```(ts|sh|html) test\n([\s\S]*?)^```$/gm;

/**
 * @param {URL} root the repository
 * @returns {Array<{ readme: string, line: number, language: 'ts' | 'sh' | 'html', code: string }>}
 */
export function markedBlocks(root) {
  return READMES.flatMap((readme) => {
    const text = readFileSync(new URL(readme, root), 'utf8');
    return [...text.matchAll(MARKED)].map((match) => ({
      readme,
      line: text.slice(0, match.index).split('\n').length,
      language: match[1],
      code: match[2],
    }));
  });
}
