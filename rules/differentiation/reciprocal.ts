import { d, div, neg, pow, two } from '../../src/expr/expr.js';
import { defineRule, isConstant, times } from '../../src/engine/rule.js';

export default defineRule({
  id: 'reciprocal',
  title: 'Reciprocal rule',
  law: "\\left(\\frac{c}{v}\\right)' = -\\frac{c\\,v'}{v^2}",
  on: ['div'],
  nests: true,
  when: (body, ctx) => ctx.method === 'reciprocal' && isConstant(body.num, ctx),
  to: (body, ctx) => neg(div(times(body.num, d(body.den, ctx.wrt)), pow(body.den, two))),
  note: (body) => ({ text: 'c = {c} and v = {v}', values: { c: body.num, v: body.den }, parts: [{ of: body.den, text: 'v′: derivative of the denominator {e}' }] }),
});
