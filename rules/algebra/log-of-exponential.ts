import { exponentOfE } from '../../src/engine/algebra.js';
import { defineRewrite } from '../../src/engine/rule.js';

// The natural logarithm undoes e^u for every real u, so this needs no assumption (its converse,
// e^(ln u) = u, holds only for u > 0 and is not a move of this rule).
export default defineRewrite({
  id: 'log-of-exponential',
  title: 'Logarithm of an exponential',
  law: '\\ln e^{u} = u',
  on: ['fn'],
  apply: (e) => (e.kind === 'fn' && e.name === 'log' && e.primes === 0 && e.args.length === 1 ? exponentOfE(e.args[0]!) : undefined),
});
