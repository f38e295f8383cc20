import { fn, mul, neg, one, pow, sub, two } from '../../src/expr/expr.js';
import { defineTableRule } from '../../src/engine/rule.js';

export default defineTableRule({
  id: 'hyperbolic',
  title: 'Hyperbolic rule',
  law: "\\sinh' = \\cosh,\\ \\cosh' = \\sinh,\\ \\tanh' = 1 - \\tanh^2,\\ \\operatorname{sech}' = -\\operatorname{sech}\\tanh,\\ \\operatorname{csch}' = -\\operatorname{csch}\\coth,\\ \\coth' = -\\operatorname{csch}^2",
  table: {
    sinh: (u) => fn('cosh', [u]),
    cosh: (u) => fn('sinh', [u]),
    tanh: (u) => sub(one, pow(fn('tanh', [u]), two)),
    sech: (u) => neg(mul(fn('sech', [u]), fn('tanh', [u]))),
    csch: (u) => neg(mul(fn('csch', [u]), fn('coth', [u]))),
    coth: (u) => neg(pow(fn('csch', [u]), two)),
  },
});
