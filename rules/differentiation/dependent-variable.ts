import { d } from '../../src/expr/expr.js';
import { defineRule } from '../../src/engine/rule.js';

// y is a function of x in implicit differentiation: its derivative is the unknown dy/dx, which the
// rewriter leaves as it is (the chain rule writes it as the inner derivative of y^2, this rule where y stands alone).
export default defineRule({
  id: 'dependent-variable',
  title: 'Dependent variable',
  law: '\\frac{d}{dx}y = \\frac{dy}{dx}',
  on: ['sym'],
  nests: false,
  when: (body, ctx) => body.name === ctx.dependent,
  to: (body, ctx) => d(body, ctx.wrt),
  note: (body) => ({ text: '{y} is a function of {x}', values: { y: body } }),
});
