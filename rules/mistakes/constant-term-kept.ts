import { defineMistake } from '../../src/engine/rule.js';

// A constant term kept as it is: its derivative is 0.
export default defineMistake({
  id: 'constant-term-kept',
  title: 'Constant term kept',
  variantOf: 'constant',
  to: (body) => (body.kind === 'num' || body.kind === 'const' || body.kind === 'sym' ? body : undefined),
  explain: (body) => ({ text: 'the derivative of the constant {c} is 0', values: { c: body } }),
});
