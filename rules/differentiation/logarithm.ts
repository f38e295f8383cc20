import type { Expr, ExprOf } from '../../src/expr/expr.js';
import { div, fn, mul, num, one } from '../../src/expr/expr.js';
import { defineRule, isConstant, isVariable, lawNote } from '../../src/engine/rule.js';

/** The base of a logarithm call, or undefined for the natural logarithm. */
function base(name: string, args: readonly Expr[]): Expr | undefined {
  if (name === 'log2') return num(2);
  if (name === 'log10') return num(10);
  return args[1];
}

/** 1/x, or 1/(x ln b) for the logarithm to the base b. */
function derivative(body: ExprOf<'fn'>): Expr {
  const b = base(body.name, body.args);
  const x = body.args[0]!;
  return b === undefined ? div(one, x) : div(one, mul(x, fn('log', [b])));
}

export default defineRule({
  id: 'logarithm',
  title: 'Logarithm rule',
  law: '\\frac{d}{dx}\\ln x = \\frac{1}{x}, \\quad \\frac{d}{dx}\\log_{b} x = \\frac{1}{x\\ln b}',
  on: ['fn'],
  nests: false,
  when: (body, ctx) =>
    ['log', 'ln', 'log2', 'log10'].includes(body.name) &&
    isVariable(body.args[0]!, ctx) &&
    body.args.slice(1).every((a) => isConstant(a, ctx)),
  to: derivative,
  note: (body) => lawNote(body, derivative(body)),
});
