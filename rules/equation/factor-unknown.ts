import { eq } from '../../src/expr/expr.js';
import { sumOf, termsOf } from '../../src/engine/algebra.js';
import { coefficientOf, holds, timesUnknown } from '../../src/engine/linear.js';
import { defineEquationRule } from '../../src/engine/rule.js';

// 3y²·y' − 6x·y' = … is (3y² − 6x)·y' = …: one coefficient to divide by.
export default defineEquationRule({
  id: 'factor-unknown',
  title: 'Factor out the derivative',
  law: "a\\,y' + b\\,y' = (a + b)\\,y'",
  apply: (e, u) => {
    const terms = termsOf(e.left);
    if (terms.length < 2 || !terms.every((t) => holds(t.expr, u))) return undefined;
    const coefficient = sumOf(terms.map((t) => ({ negative: t.negative, expr: coefficientOf(t.expr, u) })));
    return eq(timesUnknown(coefficient, u), e.right);
  },
});
