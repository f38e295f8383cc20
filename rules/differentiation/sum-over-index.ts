import type { Expr, ExprOf } from '../../src/expr/expr.js';
import { d, fn, sym, withChildren } from '../../src/expr/expr.js';
import { freshIndex, indexedName, indicesIn, renameIndex } from '../../src/expr/indexed.js';
import { defineRule, isConstant } from '../../src/engine/rule.js';
import type { RuleContext } from '../../src/engine/rule.js';

/** sum(f, j) with its index renamed when the variable uses it (by z_j, sum(z_j, j) is sum(z_i, i)). */
function apart(body: ExprOf<'fn'>, ctx: RuleContext): { f: Expr; j: string } {
  const [f, index] = body.args as [Expr, ExprOf<'sym'>];
  const taken = indexedName(ctx.wrt)?.indices ?? [];
  if (!taken.includes(index.name)) return { f, j: index.name };
  const j = freshIndex(new Set([...indicesIn(body), ...taken]));
  return { f: renameIndex(f, index.name, j, { sym, withChildren }), j };
}

// A sum over an index is a sum of K terms: its derivative is the sum of their derivatives.
export default defineRule({
  id: 'sum-over-index',
  title: 'Sum rule over an index',
  law: '\\frac{d}{dx}\\sum_{j} f_j = \\sum_{j} \\frac{d f_j}{dx}',
  on: ['fn'],
  nests: false,
  when: (body, ctx) => body.name === 'sum' && body.args.length === 2 && body.args[1]!.kind === 'sym' && !isConstant(body, ctx),
  to: (body, ctx) => {
    const { f, j } = apart(body, ctx);
    return fn('sum', [d(f, ctx.wrt), sym(j)]);
  },
});
