import { pow } from '../../src/expr/expr.js';
import { numericValue } from '../../src/engine/algebra.js';
import { defineRewrite } from '../../src/engine/rule.js';

export default defineRewrite({
  id: 'even-power-of-abs',
  title: 'An even power of an absolute value',
  law: '|u|^{2k} = u^{2k}',
  on: ['pow'],
  apply: (e) => {
    if (e.kind !== 'pow' || e.base.kind !== 'fn' || e.base.name !== 'abs' || e.base.primes !== 0) return undefined;
    const n = numericValue(e.exp);
    return n !== undefined && n.den === 1n && n.num % 2n === 0n && n.num !== 0n ? pow(e.base.args[0]!, e.exp) : undefined;
  },
});
