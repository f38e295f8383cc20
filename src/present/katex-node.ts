// KaTeX in Node, loaded when the first formula is rendered rather than when stepdiff is imported:
// importing it costs more than the rest of the library, and a caller that only derives never needs
// it. Node caches the module, so each call after the first is a lookup. package.json's "#katex"
// import picks this module everywhere but in a browser bundle.

import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/** The KaTeX module. */
export const katex = (): typeof import('katex').default => load('katex') as typeof import('katex').default;
