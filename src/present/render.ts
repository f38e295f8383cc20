// KaTeX, the one place LaTeX becomes HTML. Options are fixed and passed as own properties of a
// fresh object, so nothing inherited (a polluted Object.prototype) can switch on `trust`; every
// KaTeX failure becomes a StepdiffError.

import type { KatexOptions } from 'katex';
import { katex } from '#katex';
import { StepdiffError } from '../expr/errors.js';

/** Renders LaTeX to HTML with MathML for screen readers (or MathML alone); throws StepdiffError('render-error') when KaTeX cannot. */
export function renderMath(latex: string, displayMode: boolean, output: 'htmlAndMathml' | 'mathml' = 'htmlAndMathml'): string {
  const options: KatexOptions = Object.assign(Object.create(null) as object, {
    displayMode,
    output,
    throwOnError: true,
    trust: false,
    strict: 'ignore' as const,
    maxSize: 20,
    // Finite, but large enough for long products: every \, is a macro expansion to KaTeX.
    maxExpand: 100_000,
    globalGroup: false,
    leqno: false,
    fleqn: false,
    colorIsTextColor: false,
    macros: Object.create(null) as Record<string, string>,
    errorColor: '#cc0000',
    minRuleThickness: 0.04,
  });
  try {
    return katex().renderToString(latex, options);
  } catch (error) {
    // KaTeX's own ParseError, and the RangeError deep nesting raises inside it.
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new StepdiffError('render-error', `KaTeX could not render the formula: ${reason}`);
  }
}
