import { d, fn, mul } from '../../src/expr/expr.js';
import { defineRule, isConstant } from '../../src/engine/rule.js';

export default defineRule({
  id: 'general-power',
  title: 'General power rule (logarithmic differentiation)',
  law: "\\frac{d}{dx}u^{v} = u^{v}\\,\\frac{d}{dx}\\left(v\\ln u\\right)",
  on: ['pow'],
  nests: true,
  when: (body, ctx) => !isConstant(body.base, ctx) && !isConstant(body.exp, ctx),
  to: (body, ctx) => mul(body, d(mul(body.exp, fn('log', [body.base])), ctx.wrt)),
  note: (body) => ({ text: 'u = {u} > 0 and v = {v}', values: { u: body.base, v: body.exp }, parts: [{ of: mul(body.exp, fn('log', [body.base])), text: 'Derivative of the exponent times the log of the base, {e}' }] }),
});
