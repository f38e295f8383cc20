import { freeSymbols, zero } from '../../src/expr/expr.js';
import { type Note, defineRule, isConstant } from '../../src/engine/rule.js';

export default defineRule({
  id: 'constant',
  title: 'Constant rule',
  law: '\\frac{d}{dx}c = 0',
  on: ['num', 'sym', 'const', 'add', 'sub', 'mul', 'div', 'pow', 'neg', 'fn', 'cond'],
  nests: false,
  when: (body, ctx) => isConstant(body, ctx),
  to: () => zero,
  note: (body): Note =>
    freeSymbols(body).length === 0
      ? { text: 'the derivative of a constant is 0', values: {} }
      : { text: '{c} does not depend on {x}, so it is a constant and its derivative is 0', values: { c: body } },
});
