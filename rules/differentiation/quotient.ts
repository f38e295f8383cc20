import { d, div, mul, pow, sub, two } from '../../src/expr/expr.js';
import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  id: 'quotient',
  title: 'Quotient rule',
  law: "\\left(\\frac{u}{v}\\right)' = \\frac{u'v - uv'}{v^2}",
  on: ['div'],
  nests: true,
  when: () => true,
  to: (body, ctx) =>
    div(sub(mul(d(body.num, ctx.wrt), body.den), mul(body.num, d(body.den, ctx.wrt))), pow(body.den, two)),
  note: (body) => ({
    text: 'u = {u} and v = {v}',
    values: { u: body.num, v: body.den },
    parts: [{ of: body.num, text: 'u′: derivative of the numerator {e}' }, { of: body.den, text: 'v′: derivative of the denominator {e}' }],
  }),
});
