import { zero } from '../../src/expr/expr.js';
import { defineRule, isVariable } from '../../src/engine/rule.js';

// sign is constant on each side of 0 and jumps there: its derivative is 0 wherever it has one.
export default defineRule({
  id: 'sign',
  title: 'Sign rule',
  law: '\\frac{d}{dx}\\operatorname{sgn}(x) = 0 \\quad (x \\neq 0)',
  on: ['fn'],
  nests: false,
  when: (body, ctx) => body.name === 'sign' && isVariable(body.args[0]!, ctx),
  to: () => zero,
  note: (body) => ({ text: 'sign({x}) jumps at {x} = 0, where it has no derivative', values: { x: body.args[0]! } }),
});
