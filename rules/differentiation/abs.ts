import { div } from '../../src/expr/expr.js';
import { defineRule, isVariable } from '../../src/engine/rule.js';

export default defineRule({
  id: 'abs',
  title: 'Absolute value rule',
  law: '\\frac{d}{dx}|x| = \\frac{x}{|x|} \\quad (x \\neq 0)',
  on: ['fn'],
  nests: false,
  when: (body, ctx) => body.name === 'abs' && isVariable(body.args[0]!, ctx),
  to: (body) => div(body.args[0]!, body),
  note: (body) => ({ text: '|{x}| is not differentiable at {x} = 0', values: { x: body.args[0]! } }),
});
