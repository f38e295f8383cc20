import { div, mul, pow } from '../../src/expr/expr.js';
import { hasSeveralTerms } from '../../src/engine/algebra.js';
import { defineRewrite } from '../../src/engine/rule.js';

// Only over factors that are not sums: (2σ²)² = 4σ⁴ lets the factors meet their like, where
// (x(1 + x))² = x²(1 + x)² would only lengthen the expression.
export default defineRewrite({
  id: 'distribute-power',
  title: 'Distribute the power over the factors',
  law: '(a\\,b)^{n} = a^{n} b^{n},\\quad \\left(\\frac{a}{b}\\right)^{n} = \\frac{a^{n}}{b^{n}}',
  on: ['pow'],
  apply: (e) => {
    if (e.kind !== 'pow' || e.exp.kind !== 'num' || e.exp.value.den !== 1n || e.exp.value.num < 2n) return undefined;
    const n = e.exp;
    if (e.base.kind === 'div') return div(pow(e.base.num, n), pow(e.base.den, n));
    if (e.base.kind === 'mul' && !e.base.factors.some(hasSeveralTerms)) return mul(...e.base.factors.map((f) => pow(f, n)));
    return undefined;
  },
});
