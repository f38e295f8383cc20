import { div } from '../../src/expr/expr.js';
import { productOf } from '../../src/engine/algebra.js';
import { defineRewrite } from '../../src/engine/rule.js';

export default defineRewrite({
  id: 'multiply-fractions',
  title: 'Multiply the fractions',
  law: 'a \\cdot \\frac{b}{c} = \\frac{ab}{c},\\quad \\frac{a/b}{c} = \\frac{a}{bc},\\quad \\frac{a}{b/c} = \\frac{ac}{b}',
  on: ['mul', 'div'],
  apply: (e) => {
    if (e.kind === 'mul' && e.factors.some((f) => f.kind === 'div')) {
      const tops = e.factors.map((f) => (f.kind === 'div' ? f.num : f));
      const bottoms = e.factors.flatMap((f) => (f.kind === 'div' ? [f.den] : []));
      return div(productOf(tops), productOf(bottoms));
    }
    if (e.kind === 'div' && e.num.kind === 'div') return div(e.num.num, productOf([e.num.den, e.den]));
    if (e.kind === 'div' && e.den.kind === 'div') return div(productOf([e.num, e.den.den]), e.den.num);
    return undefined;
  },
});
