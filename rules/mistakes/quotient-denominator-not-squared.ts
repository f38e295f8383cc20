import { d, div, mul, pow, sub, two } from '../../src/expr/expr.js';
import { defineMistake } from '../../src/engine/rule.js';

// The quotient rule over v instead of v².
export default defineMistake({
  id: 'quotient-denominator-not-squared',
  title: 'Quotient rule without the square',
  variantOf: 'quotient',
  to: (body, ctx) => (body.kind === 'div' ? div(sub(mul(d(body.num, ctx.wrt), body.den), mul(body.num, d(body.den, ctx.wrt))), body.den) : undefined),
  explain: (body) => ({ text: 'in the quotient rule for {f} the denominator is squared: {v}', values: { f: body, v: pow(body.kind === 'div' ? body.den : body, two) } }),
});
