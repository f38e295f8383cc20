import { add, d, div, mul, pow, sub, two } from '../../src/expr/expr.js';
import { defineMistake } from '../../src/engine/rule.js';

// A sign error in the quotient rule's numerator: the wrong way round, (uv' − u'v)/v², or added,
// (u'v + uv')/v².
export default defineMistake({
  id: 'quotient-sign',
  title: 'Quotient rule with the numerator reversed',
  variantOf: 'quotient',
  forms: 2,
  to: (body, ctx, form) => {
    if (body.kind !== 'div') return undefined;
    const [du, dv] = [mul(d(body.num, ctx.wrt), body.den), mul(body.num, d(body.den, ctx.wrt))];
    return div(form === 0 ? sub(dv, du) : add(du, dv), pow(body.den, two));
  },
  explain: (body) => ({ text: "in the quotient rule for {f} the numerator is u'v − uv'", values: { f: body } }),
});
