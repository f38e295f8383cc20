import { div, pow } from '../../src/expr/expr.js';
import { productOf } from '../../src/engine/algebra.js';
import { defineRewrite } from '../../src/engine/rule.js';

export default defineRewrite({
  id: 'multiply-fractions',
  title: 'Multiply the fractions',
  law: 'a \\cdot \\frac{b}{c} = \\frac{ab}{c},\\quad \\left(\\frac{a}{b}\\right)^{n} = \\frac{a^{n}}{b^{n}},\\quad \\frac{a/b}{c} = \\frac{a}{bc},\\quad \\frac{a}{b/c} = \\frac{ac}{b}',
  on: ['mul', 'div', 'pow'],
  apply: (e) => {
    if (e.kind === 'mul' && e.factors.some((f) => f.kind === 'div')) {
      const tops = e.factors.map((f) => (f.kind === 'div' ? f.num : f));
      const bottoms = e.factors.flatMap((f) => (f.kind === 'div' ? [f.den] : []));
      return div(productOf(tops), productOf(bottoms));
    }
    // A whole power of a fraction is a product of fractions: (a/b)^n = a^n/b^n.
    if (e.kind === 'pow' && e.base.kind === 'div' && e.exp.kind === 'num' && e.exp.value.den === 1n && e.exp.value.num > 1n) {
      return div(pow(e.base.num, e.exp), pow(e.base.den, e.exp));
    }
    if (e.kind === 'div' && e.num.kind === 'div') return div(e.num.num, productOf([e.num.den, e.den]));
    if (e.kind === 'div' && e.den.kind === 'div') return div(productOf([e.num, e.den.den]), e.den.num);
    return undefined;
  },
});
