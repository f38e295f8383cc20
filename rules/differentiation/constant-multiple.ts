import { d, div, mul } from '../../src/expr/expr.js';
import { defineRule, isNumeric } from '../../src/engine/rule.js';

// Only numeric constants are pulled out; a symbolic constant factor such as t goes through the
// product rule, where the constant rule says why its derivative is 0 (as the tutorials show it).
export default defineRule({
  id: 'constant-multiple',
  title: 'Constant multiple rule',
  law: "(c\\,u)' = c\\,u', \\quad \\left(\\frac{u}{c}\\right)' = \\frac{u'}{c}",
  on: ['mul', 'div'],
  nests: false,
  when: (body) =>
    body.kind === 'div' ? isNumeric(body.den) : body.factors.some(isNumeric) && !body.factors.every(isNumeric),
  to: (body, ctx) => {
    if (body.kind === 'div') return div(d(body.num, ctx.wrt), body.den);
    const constants = body.factors.filter(isNumeric);
    const rest = body.factors.filter((f) => !isNumeric(f));
    return mul(...constants, d(rest.length === 1 ? rest[0]! : mul(...rest), ctx.wrt));
  },
  note: (body) => {
    const constants = body.kind === 'div' ? [body.den] : body.factors.filter(isNumeric);
    return { text: 'the constant factor {c} stays as it is', values: { c: constants.length === 1 ? constants[0]! : mul(...constants) } };
  },
});
