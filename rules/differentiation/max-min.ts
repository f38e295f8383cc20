import { cond, d } from '../../src/expr/expr.js';
import { comparisonOn } from '../../src/engine/algebra.js';
import { defineRule, isConstant } from '../../src/engine/rule.js';
import type { Expr, ExprOf } from '../../src/expr/expr.js';
import type { RuleContext } from '../../src/engine/rule.js';

/** max(a, b) as a where a > b and b elsewhere, min(a, b) as a where a < b; the test read as x against a number where it can be. */
const cases = (body: ExprOf<'fn'>, ctx: RuleContext): Expr => {
  const [a, b] = body.args as [Expr, Expr];
  return cond(comparisonOn(body.name === 'max' ? '>' : '<', a, b, ctx.wrt), a, b);
};

export default defineRule({
  id: 'max-min',
  title: 'Maximum and minimum as cases',
  law: '\\max(a, b) = \\begin{cases} a & \\text{if } a > b \\\\ b & \\text{otherwise} \\end{cases}',
  on: ['fn'],
  nests: false,
  when: (body, ctx) => (body.name === 'max' || body.name === 'min') && body.args.length === 2 && !isConstant(body, ctx),
  to: (body, ctx) => d(cases(body, ctx), ctx.wrt),
  note: (body, ctx) => ({ text: '{f} is {g}', values: { f: body, g: cases(body, ctx) } }),
});
