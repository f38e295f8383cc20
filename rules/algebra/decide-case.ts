import { numericValue } from '../../src/engine/algebra.js';
import { defineRewrite } from '../../src/engine/rule.js';
import { cmpQ } from '../../src/expr/rational.js';

// A piecewise expression whose test compares two numbers is the case the test picks (at x = 2,
// 2 < 0 ? 0 : 1 is 1): what evaluating a piecewise derivative at a point comes to.
export default defineRewrite({
  id: 'decide-case',
  title: 'Pick the case that holds',
  law: '\\begin{cases} a & \\text{if } c \\\\ b & \\text{otherwise} \\end{cases} = a \\text{ where } c \\text{ holds}',
  on: ['cond'],
  usable: (ctx) => ctx.holds?.cases ?? true,
  apply: (e) => {
    if (e.kind !== 'cond' || e.test.kind !== 'cmp') return undefined;
    const [left, right] = [numericValue(e.test.left), numericValue(e.test.right)];
    if (left === undefined || right === undefined) return undefined;
    const order = cmpQ(left, right);
    const holds = e.test.op === '<' ? order < 0 : e.test.op === '<=' ? order <= 0 : e.test.op === '>' ? order > 0 : order >= 0;
    return holds ? e.yes : e.no;
  },
});
