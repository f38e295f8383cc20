import type { Expr } from '../../src/expr/expr.js';
import { equals, fn, isNum, neg } from '../../src/expr/expr.js';
import { exponentOfE, fromMonomial, monomialOf, termsOf, withCoef } from '../../src/engine/algebra.js';
import { negQ } from '../../src/expr/rational.js';
import { defineRewrite } from '../../src/engine/rule.js';

/** −u as a monomial: −x for x, x for −x, −2x for 2x. */
const negated = (u: Expr): Expr => {
  const m = monomialOf(u);
  return fromMonomial(withCoef(m, negQ(m.coef)));
};

// (e^u + e^{−u})/2 = cosh u and (e^u − e^{−u})/2 = sinh u: the definitions, read backwards.
export default defineRewrite({
  id: 'hyperbolic-definition',
  title: 'The definition of cosh or sinh',
  law: '\\frac{e^{u} + e^{-u}}{2} = \\cosh u,\\quad \\frac{e^{u} - e^{-u}}{2} = \\sinh u',
  on: ['div'],
  apply: (e) => {
    if (e.kind !== 'div' || !isNum(e.den, 2)) return undefined;
    const terms = termsOf(e.num);
    if (terms.length !== 2) return undefined;
    const [a, b] = terms.map((t) => exponentOfE(t.expr));
    if (a === undefined || b === undefined || !equals(negated(a), b) && !equals(negated(b), a)) return undefined;
    const [first, second] = terms;
    if (!first!.negative && !second!.negative) return fn('cosh', [a]);
    if (first!.negative && second!.negative) return neg(fn('cosh', [a]));
    // e^u − e^{−u} = 2 sinh u, whichever is written first.
    return first!.negative ? fn('sinh', [b]) : fn('sinh', [a]);
  },
});
