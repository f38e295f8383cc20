import { add, div, fn, mul, neg, one, pow, sub, two } from '../../src/expr/expr.js';
import type { Expr } from '../../src/expr/expr.js';
import { defineTableRule } from '../../src/engine/rule.js';

const oneMinusSquare = (u: Expr): Expr => sub(one, pow(u, two));
const onePlusSquare = (u: Expr): Expr => add(one, pow(u, two));
const absTimesRoot = (u: Expr): Expr => mul(fn('abs', [u]), fn('sqrt', [sub(pow(u, two), one)]));

export default defineTableRule({
  id: 'inverse-trigonometric',
  title: 'Inverse trigonometric rule',
  law: "\\arcsin' x = \\frac{1}{\\sqrt{1-x^2}},\\ \\arccos' x = -\\frac{1}{\\sqrt{1-x^2}},\\ \\arctan' x = \\frac{1}{1+x^2},\\ \\operatorname{arcsec}' x = \\frac{1}{|x|\\sqrt{x^2-1}},\\ \\operatorname{arccsc}' x = -\\frac{1}{|x|\\sqrt{x^2-1}},\\ \\operatorname{arccot}' x = -\\frac{1}{1+x^2}",
  table: {
    asin: (u) => div(one, fn('sqrt', [oneMinusSquare(u)])),
    acos: (u) => neg(div(one, fn('sqrt', [oneMinusSquare(u)]))),
    atan: (u) => div(one, onePlusSquare(u)),
    asec: (u) => div(one, absTimesRoot(u)),
    acsc: (u) => neg(div(one, absTimesRoot(u))),
    acot: (u) => neg(div(one, onePlusSquare(u))),
  },
});
