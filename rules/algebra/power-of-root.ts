import { fromPower, numericValue, rootOf } from '../../src/engine/algebra.js';
import { divQ, isIntegerQ } from '../../src/expr/rational.js';
import { defineRewrite } from '../../src/engine/rule.js';

// (ⁿ√u)^{kn} = u^k wherever the root is defined (an even root only where u ≥ 0, an odd one everywhere).
export default defineRewrite({
  id: 'power-of-root',
  title: 'A power of a root',
  law: '\\left(\\sqrt[n]{u}\\right)^{kn} = u^{k}',
  on: ['pow'],
  apply: (e) => {
    if (e.kind !== 'pow') return undefined;
    const root = rootOf(e.base);
    const n = numericValue(e.exp);
    if (root === undefined || n === undefined) return undefined;
    const k = divQ(n, root.index);
    if (!isIntegerQ(k)) return undefined;
    return fromPower(root.radicand, k);
  },
});
