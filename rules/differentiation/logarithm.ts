import type { Expr } from '../../src/expr/expr.js';
import { div, E, fn, num, one } from '../../src/expr/expr.js';
import { defineRule, isConstant, isVariable } from '../../src/engine/rule.js';

/** The base of a logarithm call, or undefined for the natural logarithm. */
function base(name: string, args: readonly Expr[]): Expr | undefined {
  if (name === 'log2') return num(2);
  if (name === 'log10') return num(10);
  return args[1];
}

export default defineRule({
  id: 'logarithm',
  title: 'Logarithm rule',
  law: '\\frac{d}{dx}\\ln x = \\frac{1}{x}, \\quad \\frac{d}{dx}\\log_{b} x = \\frac{\\log_{b} e}{x} = \\frac{1}{x\\ln b}',
  on: ['fn'],
  nests: false,
  when: (body, ctx) =>
    ['log', 'ln', 'log2', 'log10'].includes(body.name) &&
    isVariable(body.args[0]!, ctx) &&
    body.args.slice(1).every((a) => isConstant(a, ctx)),
  // log_b(e)/x rather than 1/(x ln b): the same number, without a constant in the denominator.
  to: (body) => {
    const b = base(body.name, body.args);
    if (b === undefined) return div(one, body.args[0]!);
    const logOfE = body.name === 'log' ? fn('log', [E, b]) : fn(body.name, [E]);
    return div(logOfE, body.args[0]!);
  },
});
