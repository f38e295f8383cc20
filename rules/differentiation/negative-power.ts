import { d, isNum, mul, num, pow } from '../../src/expr/expr.js';
import { defineRule, isConstant } from '../../src/engine/rule.js';

export default defineRule({
  id: 'negative-power',
  title: 'Rewrite as a negative power',
  law: '\\frac{c}{v} = c\\,v^{-1}',
  on: ['div'],
  nests: false,
  when: (body, ctx) => ctx.method === 'chain' && isConstant(body.num, ctx),
  to: (body, ctx) => {
    const power = pow(body.den, num(-1));
    return d(isNum(body.num, 1) ? power : mul(body.num, power), ctx.wrt);
  },
});
