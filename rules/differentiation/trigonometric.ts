import { fn, mul, neg, pow, two } from '../../src/expr/expr.js';
import { defineTableRule } from '../../src/engine/rule.js';

export default defineTableRule({
  id: 'trigonometric',
  title: 'Trigonometric rule',
  law: "\\sin' = \\cos,\\ \\cos' = -\\sin,\\ \\tan' = \\sec^2,\\ \\sec' = \\sec\\tan,\\ \\csc' = -\\csc\\cot,\\ \\cot' = -\\csc^2",
  table: {
    sin: (u) => fn('cos', [u]),
    cos: (u) => neg(fn('sin', [u])),
    tan: (u) => pow(fn('sec', [u]), two),
    sec: (u) => mul(fn('sec', [u]), fn('tan', [u])),
    csc: (u) => neg(mul(fn('csc', [u]), fn('cot', [u]))),
    cot: (u) => neg(pow(fn('csc', [u]), two)),
  },
});
