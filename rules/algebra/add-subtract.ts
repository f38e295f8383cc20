import { add, div, num, sub } from '../../src/expr/expr.js';
import { constantDifference, numericValue } from '../../src/engine/algebra.js';
import { negQ, type Rational } from '../../src/expr/rational.js';
import { defineRewrite } from '../../src/engine/rule.js';
import type { Expr } from '../../src/expr/expr.js';

/** For N over a power of D with D − N a non-zero number c: D and c. */
function trick(e: Expr): { base: Expr; c: Rational } | undefined {
  if (e.kind !== 'div' || numericValue(e.num) !== undefined) return undefined;
  const base = e.den.kind === 'pow' && numericValue(e.den.exp) !== undefined ? e.den.base : e.den;
  const c = constantDifference(base, e.num);
  return c === undefined || c.num === 0n ? undefined : { base, c };
}

export default defineRewrite({
  id: 'add-subtract',
  title: 'Add and subtract a constant in the numerator',
  law: 'N = D - (D - N) \\text{ when } D - N \\text{ is a constant}',
  on: ['div'],
  apply: (e) => {
    const t = trick(e);
    if (t === undefined || e.kind !== 'div') return undefined;
    const numerator = t.c.num > 0n ? sub(t.base, num(t.c)) : add(t.base, num(negQ(t.c)));
    return div(numerator, e.den);
  },
  note: (e) => {
    const t = trick(e);
    return t === undefined || e.kind !== 'div' ? undefined : { text: '{D} − {N} = {c}', values: { D: t.base, N: e.num, c: num(t.c) } };
  },
});
