import { isNum, one, pow } from '../../src/expr/expr.js';
import { decrement, defineRule, isConstant, isVariable, times } from '../../src/engine/rule.js';

export default defineRule({
  id: 'power',
  title: 'Power rule',
  law: '\\frac{d}{dx}x^{n} = n\\,x^{n-1}',
  on: ['pow'],
  nests: false,
  when: (body, ctx) => isVariable(body.base, ctx) && isConstant(body.exp, ctx),
  to: (body) => {
    const m = decrement(body.exp);
    return times(body.exp, isNum(m, 0) ? one : isNum(m, 1) ? body.base : pow(body.base, m));
  },
  note: (body) => ({ text: 'n = {n}', values: { n: body.exp } }),
});
