import { fn, neg } from '../../src/expr/expr.js';
import { defineMistake } from '../../src/engine/rule.js';

// The signs of sin' and cos' swapped: cos' written sin, sin' written −cos.
export default defineMistake({
  id: 'trig-sign',
  title: 'Sign of a trigonometric derivative',
  variantOf: 'trigonometric',
  to: (body) => (body.kind === 'fn' && body.name === 'cos' ? fn('sin', [...body.args]) : body.kind === 'fn' && body.name === 'sin' ? neg(fn('cos', [...body.args])) : undefined),
  explain: (body) => ({ text: "sin' = cos and cos' = −sin: the sign of the derivative of {f} is wrong", values: { f: body } }),
});
