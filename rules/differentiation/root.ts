import { div, mul, num, one, pow } from '../../src/expr/expr.js';
import type { Expr, ExprOf } from '../../src/expr/expr.js';
import { decrement, defineRule, isConstant, isVariable, lawNote } from '../../src/engine/rule.js';

// Written with the root itself, not as x^{1/n − 1}: that power is complex for a negative x in
// mathjs (and undefined in stepdiff), where an odd root and its derivative are real.
function derivative(body: ExprOf<'fn'>): Expr {
  if (body.name === 'sqrt') return div(one, mul(num(2), body));
  const n = body.name === 'cbrt' ? num(3) : body.args[1]!;
  return div(one, mul(n, pow(body, decrement(n))));
}

export default defineRule({
  id: 'root',
  title: 'Root rule',
  law: '\\frac{d}{dx}\\sqrt{x} = \\frac{1}{2\\sqrt{x}},\\quad \\frac{d}{dx}\\sqrt[n]{x} = \\frac{1}{n\\left(\\sqrt[n]{x}\\right)^{n-1}}',
  on: ['fn'],
  nests: false,
  when: (body, ctx) =>
    ['sqrt', 'cbrt', 'nthRoot'].includes(body.name) && isVariable(body.args[0]!, ctx) && body.args.slice(1).every((a) => isConstant(a, ctx)),
  to: derivative,
  note: (body) => lawNote(body, derivative(body)),
});
