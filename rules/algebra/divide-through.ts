import { div, one } from '../../src/expr/expr.js';
import { numericValue, termsOf } from '../../src/engine/algebra.js';
import { defineRewrite } from '../../src/engine/rule.js';

export default defineRewrite({
  id: 'divide-through',
  title: 'Divide the numerator and the denominator by the numerator',
  law: '\\frac{N}{D} = \\frac{1}{D / N} \\quad (N \\neq 0)',
  on: ['div'],
  apply: (e) =>
    e.kind === 'div' && numericValue(e.num) === undefined && termsOf(e.num).length === 1 && termsOf(e.den).length > 1
      ? div(one, div(e.den, e.num))
      : undefined,
  note: (e) => (e.kind === 'div' ? { text: 'dividing by {N}, assuming {N} ≠ 0', values: { N: e.num } } : undefined),
});
