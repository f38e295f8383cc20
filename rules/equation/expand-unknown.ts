import { eq, equals } from '../../src/expr/expr.js';
import { sumOf } from '../../src/engine/algebra.js';
import { linearTerms } from '../../src/engine/linear.js';
import { defineEquationRule } from '../../src/engine/rule.js';
import type { Expr } from '../../src/expr/expr.js';

// e^{xy}(y + x·y') = 1 + y' has y' inside a product, 2x − (y + x·y') inside parentheses: expanded,
// every term either holds y' as a factor or is free of it, and the terms can be gathered (and each
// simplified on its own, not the side as a whole, which would factor them again).
const expanded = (side: Expr, u: Expr): Expr | undefined => {
  const terms = linearTerms(side, u);
  return terms === undefined ? undefined : sumOf(terms);
};

export default defineEquationRule({
  id: 'expand-unknown',
  title: 'Expand the terms with the derivative',
  law: 'c\\,(a + b\\,y\') = ca + cb\\,y\'',
  apply: (e, u) => {
    const left = expanded(e.left, u);
    const right = expanded(e.right, u);
    if (left === undefined || right === undefined || (equals(left, e.left) && equals(right, e.right))) return undefined;
    return eq(left, right);
  },
});
