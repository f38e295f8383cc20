import { d, div, mul } from '../../src/expr/expr.js';
import { defineRule, isConstant, isNumeric } from '../../src/engine/rule.js';

// A constant denominator, numeric or not (σ√(2π) in the normal density), is a constant multiple:
// the quotient rule would square it. Only numeric constant factors are pulled out of a product; a
// symbolic one such as t goes through the product rule, where the constant rule says why its
// derivative is 0 (as the cross-entropy tutorial shows it).
export default defineRule({
  id: 'constant-multiple',
  title: 'Constant multiple rule',
  law: "(c\\,u)' = c\\,u', \\quad \\left(\\frac{u}{c}\\right)' = \\frac{u'}{c}",
  on: ['mul', 'div'],
  nests: false,
  when: (body, ctx) =>
    body.kind === 'div' ? isConstant(body.den, ctx) : body.factors.some(isNumeric) && !body.factors.every(isNumeric),
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
