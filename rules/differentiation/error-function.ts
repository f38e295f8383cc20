import { constant, div, fn, mul, neg, num, pow, two } from '../../src/expr/expr.js';
import { defineTableRule } from '../../src/engine/rule.js';

// erf(x) = 2/√π ∫₀ˣ e^{−t²} dt, so its derivative is the integrand: GELU's derivative comes from here.
export default defineTableRule({
  id: 'error-function',
  title: 'Error function rule',
  law: "\\operatorname{erf}'(x) = \\frac{2}{\\sqrt{\\pi}}\\,e^{-x^{2}}",
  table: {
    erf: (u) => mul(div(num(2), fn('sqrt', [constant('pi')])), fn('exp', [neg(pow(u, two))])),
  },
});
