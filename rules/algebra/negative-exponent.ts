import { div, fn, neg, num, one, pow } from '../../src/expr/expr.js';
import { numericValue } from '../../src/engine/algebra.js';
import { negQ } from '../../src/expr/rational.js';
import { defineRewrite } from '../../src/engine/rule.js';

// Negative integer exponents become fractions (u^{-2} = 1/u^2, as a textbook writes them), and the
// reciprocal of an exponential becomes a negative exponent (1/e^{x} = e^{-x}); the two never undo
// each other because e^{-x} has a symbolic exponent.
export default defineRewrite({
  id: 'negative-exponent',
  title: 'Negative exponent as a fraction',
  law: 'u^{-n} = \\frac{1}{u^{n}},\\quad \\frac{1}{e^{u}} = e^{-u}',
  on: ['pow', 'div'],
  apply: (e) => {
    if (e.kind === 'pow') {
      const n = numericValue(e.exp);
      // Only integer exponents: x^{-2/3}/3 is already the compact form of a root's derivative.
      if (n !== undefined && n.num < 0n && n.den === 1n) return div(one, pow(e.base, num(negQ(n))));
    }
    if (e.kind === 'div' && e.num.kind === 'num' && e.num.value.num === 1n && e.num.value.den === 1n) {
      const den = e.den;
      if (den.kind === 'fn' && den.name === 'exp') return fn('exp', [neg(den.args[0]!)]);
      if (den.kind === 'pow' && den.base.kind === 'const' && den.base.name === 'e' && numericValue(den.exp) === undefined) {
        return pow(den.base, neg(den.exp));
      }
    }
    return undefined;
  },
});
