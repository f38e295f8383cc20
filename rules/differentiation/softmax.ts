import type { Expr, ExprOf } from '../../src/expr/expr.js';
import { d, div, fn, sym } from '../../src/expr/expr.js';
import { freshIndex, indexedName, indicesIn } from '../../src/expr/indexed.js';
import { defineRule, isConstant } from '../../src/engine/rule.js';
import type { RuleContext } from '../../src/engine/rule.js';

/** softmax(z_i) by its definition, exp(z_i) / sum(exp(z_j), j), j an index neither it nor the variable uses. */
function definition(body: ExprOf<'fn'>, ctx: RuleContext): Expr | undefined {
  const arg = body.args[0];
  const z = arg?.kind === 'sym' ? indexedName(arg.name) : undefined;
  if (z === undefined || z.indices.length !== 1) return undefined;
  const j = freshIndex(new Set([...indicesIn(body), ...(indexedName(ctx.wrt)?.indices ?? [])]));
  return div(fn('exp', [arg!]), fn('sum', [fn('exp', [sym(`${z.base}_${j}`)]), sym(j)]));
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
