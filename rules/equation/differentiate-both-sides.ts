import { d, eq, sym } from '../../src/expr/expr.js';
import { defineEquationRule } from '../../src/engine/rule.js';

// Equal functions of x have equal derivatives: the first move of implicit differentiation, with y
// standing for a function of x that the equation defines.
export default defineEquationRule({
  id: 'differentiate-both-sides',
  title: 'Differentiate both sides',
  law: 'F = G \\Rightarrow \\frac{d}{dx}F = \\frac{d}{dx}G',
  apply: (e, u) => (e.left.kind === 'd' && e.right.kind === 'd' ? undefined : eq(d(e.left, u.wrt), d(e.right, u.wrt))),
  note: (_e, u) => ({ text: '{y} is a function of {x}', values: { y: u.body, x: sym(u.wrt) } }),
});
