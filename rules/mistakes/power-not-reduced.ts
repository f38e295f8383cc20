import { mul } from '../../src/expr/expr.js';
import { defineMistake } from '../../src/engine/rule.js';

// The power rule without lowering the exponent: (x^n)' written n·x^n.
export default defineMistake({
  id: 'power-not-reduced',
  title: 'Power rule without lowering the exponent',
  variantOf: 'power',
  to: (body) => (body.kind === 'pow' ? mul(body.exp, body) : undefined),
  explain: (body) => ({ text: 'the power rule lowers the exponent of {f} by one', values: { f: body } }),
});
