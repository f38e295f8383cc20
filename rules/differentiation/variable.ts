import { one } from '../../src/expr/expr.js';
import { defineRule, isVariable } from '../../src/engine/rule.js';

export default defineRule({
  id: 'variable',
  title: 'Variable rule',
  law: '\\frac{d}{dx}x = 1',
  on: ['sym'],
  nests: false,
  when: (body, ctx) => isVariable(body, ctx),
  to: () => one,
});
