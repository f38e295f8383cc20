import { cond, d } from '../../src/expr/expr.js';
import { defineRule } from '../../src/engine/rule.js';

// Where its condition holds a piecewise function is its first case, elsewhere its second: away from
// the boundary each case is differentiated on its own, as a sub-derivation. What happens at the
// boundary (a kink, a jump) the derivation says once the cases' derivatives are known.
export default defineRule({
  id: 'piecewise',
  title: 'Piecewise rule',
  law: "\\frac{d}{dx}\\begin{cases} f & \\text{if } c \\\\ g & \\text{otherwise} \\end{cases} = \\begin{cases} f' & \\text{if } c \\\\ g' & \\text{otherwise} \\end{cases}",
  on: ['cond'],
  nests: true,
  when: () => true,
  to: (body, ctx) => cond(body.test, d(body.yes, ctx.wrt), d(body.no, ctx.wrt)),
  note: (body) => ({
    text: 'each case differentiated where it holds: where {c}, and otherwise',
    values: { c: body.test },
    parts: [{ of: body.yes, text: 'Derivative of the first case, {e}' }, { of: body.no, text: 'Derivative of the other case, {e}' }],
  }),
});
