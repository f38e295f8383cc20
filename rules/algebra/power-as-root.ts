import { div, fn, num, one, pow } from '../../src/expr/expr.js';
import { numericValue } from '../../src/engine/algebra.js';
import { rational } from '../../src/expr/rational.js';
import { defineRewrite } from '../../src/engine/rule.js';

// u^{k/2} = (√u)^k, as a textbook writes it (3√x/2, not 3x^{0.5}/2); the same wherever either is
// defined. A third power stays a power: u^{1/3} has no real value for a negative u, ∛u has.
export default defineRewrite({
  id: 'power-as-root',
  title: 'A half-integer power as a root',
  law: 'u^{1/2} = \\sqrt{u},\\quad u^{k/2} = \\left(\\sqrt{u}\\right)^{k},\\quad u^{-k/2} = \\frac{1}{\\left(\\sqrt{u}\\right)^{k}}',
  on: ['pow'],
  apply: (e) => {
    if (e.kind !== 'pow') return undefined;
    const k = numericValue(e.exp);
    if (k === undefined || k.den !== 2n) return undefined;
    const root = fn('sqrt', [e.base]);
    const magnitude = k.num < 0n ? -k.num : k.num;
    const positive = magnitude === 1n ? root : pow(root, num(rational(magnitude)));
    return k.num < 0n ? div(one, positive) : positive;
  },
});
