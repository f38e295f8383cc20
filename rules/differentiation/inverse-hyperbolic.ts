import { add, div, fn, mul, neg, one, pow, sub, two } from '../../src/expr/expr.js';
import { defineTableRule } from '../../src/engine/rule.js';

export default defineTableRule({
  id: 'inverse-hyperbolic',
  title: 'Inverse hyperbolic rule',
  law: "\\operatorname{arsinh}' x = \\frac{1}{\\sqrt{x^2+1}},\\ \\operatorname{arcosh}' x = \\frac{1}{\\sqrt{x^2-1}},\\ \\operatorname{artanh}' x = \\frac{1}{1-x^2},\\ \\operatorname{arsech}' x = -\\frac{1}{x\\sqrt{1-x^2}},\\ \\operatorname{arcsch}' x = -\\frac{1}{|x|\\sqrt{1+x^2}},\\ \\operatorname{arcoth}' x = \\frac{1}{1-x^2}",
  table: {
    asinh: (u) => div(one, fn('sqrt', [add(pow(u, two), one)])),
    acosh: (u) => div(one, fn('sqrt', [sub(pow(u, two), one)])),
    atanh: (u) => div(one, sub(one, pow(u, two))),
    asech: (u) => neg(div(one, mul(u, fn('sqrt', [sub(one, pow(u, two))])))),
    acsch: (u) => neg(div(one, mul(fn('abs', [u]), fn('sqrt', [add(one, pow(u, two))])))),
    acoth: (u) => div(one, sub(one, pow(u, two))),
  },
});
