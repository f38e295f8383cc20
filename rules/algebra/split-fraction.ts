import { add, div, sub } from '../../src/expr/expr.js';
import { defineRewrite } from '../../src/engine/rule.js';

// Splits over the numerator's own terms as written, so (D − 1)/D² becomes D/D² − 1/D² with D kept whole.
export default defineRewrite({
  id: 'split-fraction',
  title: 'Split the fraction',
  law: '\\frac{a \\pm b}{c} = \\frac{a}{c} \\pm \\frac{b}{c}',
  on: ['div'],
  apply: (e) => {
    if (e.kind !== 'div') return undefined;
    if (e.num.kind === 'sub') return sub(div(e.num.left, e.den), div(e.num.right, e.den));
    if (e.num.kind === 'add') return add(...e.num.terms.map((t) => div(t, e.den)));
    return undefined;
  },
});
