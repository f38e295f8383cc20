import type { Expr, ExprOf } from '../../src/expr/expr.js';
import { fn, mul, one, sym } from '../../src/expr/expr.js';
import { indexedName } from '../../src/expr/indexed.js';
import { defineRule } from '../../src/engine/rule.js';
import type { RuleContext } from '../../src/engine/rule.js';

/** δ for each index where z_j and z_k differ: ∂z_j/∂z_k = δ(j, k), ∂w_ij/∂w_kl = δ(i, k)·δ(j, l). */
function deltas(body: ExprOf<'sym'>, ctx: RuleContext): Expr[] | undefined {
  const z = indexedName(body.name);
  const w = indexedName(ctx.wrt);
  if (z === undefined || w === undefined || z.base !== w.base || z.indices.length !== w.indices.length || body.name === ctx.wrt) return undefined;
  return z.indices.flatMap((i, n) => (i === w.indices[n] ? [] : [fn('δ', [sym(i), sym(w.indices[n]!)])]));
}

// z_j is z_k where j = k and another variable elsewhere, never simply a constant: its derivative
// by z_k is the Kronecker delta, 1 where the indices agree and 0 where they do not.
export default defineRule({
  id: 'kronecker',
  title: 'Kronecker delta',
  law: '\\frac{\\partial z_j}{\\partial z_k} = \\delta_{jk}',
  on: ['sym'],
  nests: false,
  when: (body, ctx) => deltas(body, ctx) !== undefined,
  to: (body, ctx) => {
    const found = deltas(body, ctx)!;
    return found.length === 0 ? one : found.length === 1 ? found[0]! : mul(...found);
  },
  note: (body, ctx) => ({ text: '{z} is {w} where their indices agree: δ is 1 there and 0 elsewhere', values: { z: body, w: sym(ctx.wrt) } }),
});
