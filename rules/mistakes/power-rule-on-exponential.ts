import { mul, one, pow, sub } from '../../src/expr/expr.js';
import { defineMistake } from '../../src/engine/rule.js';

// The power rule used on an exponential: (a^x)' written x·a^(x−1).
export default defineMistake({
  id: 'power-rule-on-exponential',
  title: 'Power rule on an exponential',
  variantOf: 'exponential',
  to: (body) => (body.kind === 'pow' ? mul(body.exp, pow(body.base, sub(body.exp, one))) : undefined),
  explain: (body) => ({ text: '{f} has the variable in its exponent: it is an exponential, not a power', values: { f: body } }),
});
