import { div, eq, equals, neg, one } from '../../src/expr/expr.js';
import type { Expr, ExprOf } from '../../src/expr/expr.js';
import { termsOf } from '../../src/engine/algebra.js';
import { coefficientOf, holds } from '../../src/engine/linear.js';
import { defineEquationRule } from '../../src/engine/rule.js';

/** The coefficient c of c·u = r, when the left side is that one term (c = 1 is left alone). */
function coefficient(e: ExprOf<'eq'>, u: Expr): Expr | undefined {
  const terms = termsOf(e.left);
  if (terms.length !== 1 || !holds(terms[0]!.expr, u) || holds(e.right, u)) return undefined;
  const c = coefficientOf(terms[0]!.expr, u);
  if (equals(c, one) && !terms[0]!.negative) return undefined;
  return terms[0]!.negative ? neg(c) : c;
}

// The step that assumes: dividing by the coefficient is allowed only where it is not zero (y ≠ 0
// for the circle), said in the note as cancel says it.
export default defineEquationRule({
  id: 'divide-by-coefficient',
  title: 'Divide by the coefficient of the derivative',
  law: "c\\,y' = r \\Rightarrow y' = \\frac{r}{c}",
  apply: (e, u) => {
    const c = coefficient(e, u);
    return c === undefined ? undefined : eq(u, equals(c, neg(one)) ? neg(e.right) : div(e.right, c));
  },
  note: (e, u) => {
    const c = coefficient(e, u);
    return c === undefined ? undefined : { text: 'assuming {c} ≠ 0', values: { c } };
  },
});
