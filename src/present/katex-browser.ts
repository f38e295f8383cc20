// KaTeX in a browser bundle: an ordinary import, which the page's bundler (or an import map)
// resolves, so the bundle carries no `node:` import. package.json's "#katex" import picks this
// module under the "browser" condition.

import katexModule from 'katex';

/** The KaTeX module. */
export const katex = (): typeof katexModule => katexModule;
