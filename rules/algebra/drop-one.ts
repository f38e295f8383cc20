import { isNum, one } from '../../src/expr/expr.js';
import { productOf } from '../../src/engine/algebra.js';
import { defineRewrite } from '../../src/engine/rule.js';

export default defineRewrite({
  id: 'drop-one',
  title: 'Drop the factors 1',
  law: '1 \\cdot u = u,\\quad \\frac{u}{1} = u,\\quad u^{1} = u,\\quad 1^{u} = 1',
  on: ['mul', 'div', 'pow'],
  apply: (e) => {
    if (e.kind === 'mul' && e.factors.some((f) => isNum(f, 1))) return productOf(e.factors);
    if (e.kind === 'div' && isNum(e.den, 1)) return e.num;
    if (e.kind === 'pow' && isNum(e.exp, 1)) return e.base;
    if (e.kind === 'pow' && isNum(e.base, 1)) return one;
    return undefined;
  },
});
