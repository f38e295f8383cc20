import { fn, mul } from '../../src/expr/expr.js';
import type { Expr, ExprOf } from '../../src/expr/expr.js';
import { defineRule, isConstant, isVariable, lawNote } from '../../src/engine/rule.js';

/** e^x and exp(x) are their own derivative; a^x's is a^x ln a. */
const derivative = (body: ExprOf<'pow' | 'fn'>): Expr =>
  body.kind === 'pow' && !(body.base.kind === 'const' && body.base.name === 'e') ? mul(body, fn('log', [body.base])) : body;

export default defineRule({
  id: 'exponential',
  title: 'Exponential rule',
  law: '\\frac{d}{dx}e^{x} = e^{x}, \\quad \\frac{d}{dx}a^{x} = a^{x}\\ln a',
  on: ['pow', 'fn'],
  nests: false,
  when: (body, ctx) =>
    body.kind === 'fn'
      ? body.name === 'exp' && isVariable(body.args[0]!, ctx)
      : isVariable(body.exp, ctx) && isConstant(body.base, ctx),
  to: derivative,
  note: (body) => lawNote(body, derivative(body)),
});
