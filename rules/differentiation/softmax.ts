import type { Expr, ExprOf } from '../../src/expr/expr.js';
import { d, div, fn, sym, withChildren } from '../../src/expr/expr.js';
import { freeIndices, freshIndex, indexedName, indicesIn, renameIndex } from '../../src/expr/indexed.js';
import { defineRule, isConstant } from '../../src/engine/rule.js';
import type { RuleContext } from '../../src/engine/rule.js';

/**
 * softmax(u_i) by its definition, exp(u_i) / sum(exp(u_j), j): u is z_i, or the logits of a layer
 * (sum(w_ij * x_j, j) + b_i), with one index i left free; j is an index neither it nor the variable uses.
 */
function definition(body: ExprOf<'fn'>, ctx: RuleContext): Expr | undefined {
  const arg = body.args[0];
  const free = arg === undefined ? [] : [...freeIndices(arg)];
  if (arg === undefined || free.length !== 1) return undefined;
  const j = freshIndex(new Set([...indicesIn(body), ...(indexedName(ctx.wrt)?.indices ?? [])]));
  return div(fn('exp', [arg]), fn('sum', [fn('exp', [renameIndex(arg, free[0]!, j, { sym, withChildren })]), sym(j)]));
}

// Softmax is differentiated through its definition, as σ is; the simplifier writes the result
// back in softmax (softmax(z_i)·(δ(i, k) − softmax(z_k))).
export default defineRule({
  id: 'softmax',
  title: 'Definition of softmax',
  law: '\\operatorname{softmax}(z_i) = \\frac{e^{z_i}}{\\sum_{j} e^{z_j}}',
  on: ['fn'],
  nests: false,
  when: (body, ctx) => body.name === 'softmax' && !isConstant(body, ctx) && definition(body, ctx) !== undefined,
  to: (body, ctx) => d(definition(body, ctx)!, ctx.wrt),
  note: (body, ctx) => ({ text: '{f} is defined as {g}', values: { f: body, g: definition(body, ctx)! } }),
});
