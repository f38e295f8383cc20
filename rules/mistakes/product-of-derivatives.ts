import { d, mul } from '../../src/expr/expr.js';
import { defineMistake } from '../../src/engine/rule.js';

// (uv)' written u'v', the derivative of each factor multiplied.
export default defineMistake({
  id: 'product-of-derivatives',
  title: 'Product of the derivatives',
  variantOf: 'product',
  to: (body, ctx) => (body.kind === 'mul' ? mul(...body.factors.map((f) => d(f, ctx.wrt))) : undefined),
  explain: (body) => ({ text: "the derivative of {f} is not the product of its factors' derivatives: the product rule gives u'v + uv'", values: { f: body } }),
});
