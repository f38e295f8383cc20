import { equals, freeSymbols } from '../../src/expr/expr.js';
import { comparisonOn } from '../../src/engine/algebra.js';
import { defineRewrite } from '../../src/engine/rule.js';

// A piecewise test in one variable, linear in it, written as that variable against a number
// (2x − 1 < 0 is x < 1/2): where the cases meet is then read off the test.
export default defineRewrite({
  id: 'solve-comparison',
  title: 'Solve the condition for the variable',
  law: 'a x + c < 0 \\iff x < -\\tfrac{c}{a} \\quad (a > 0)',
  on: ['cmp'],
  usable: (ctx) => ctx.holds?.cases ?? true,
  apply: (e) => {
    if (e.kind !== 'cmp') return undefined;
    const names = freeSymbols(e);
    if (names.length !== 1) return undefined;
    const solved = comparisonOn(e.op, e.left, e.right, names[0]!);
    return equals(solved, e) ? undefined : solved;
  },
});
