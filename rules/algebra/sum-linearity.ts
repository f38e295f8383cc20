import type { Expr } from '../../src/expr/expr.js';
import { fn } from '../../src/expr/expr.js';
import { expandProduct, hasSeveralTerms, sumOf, termsOf } from '../../src/engine/algebra.js';
import { defineRewrite } from '../../src/engine/rule.js';

// A sum over an index of several terms is the sum of their sums: each can then be collapsed by a δ
// or have its constant factors taken out on its own. A product over a sum of terms (t_i·(δ_ik − p_k))
// is multiplied out first, for the same reason.
export default defineRewrite({
  id: 'sum-linearity',
  title: 'Split the sum over the index',
  law: '\\sum_{j} (a_j + b_j) = \\sum_{j} a_j + \\sum_{j} b_j',
  on: ['fn'],
  usable: (ctx) => ctx.holds?.sums ?? true,
  apply: (e) => {
    if (e.kind !== 'fn' || e.name !== 'sum' || e.args.length !== 2) return undefined;
    const [body, index] = e.args as [Expr, Expr];
    const terms = body.kind === 'mul' && body.factors.some(hasSeveralTerms) ? expandProduct(body.factors) : termsOf(body);
    if (terms.length < 2 && !(terms.length === 1 && terms[0]!.negative)) return undefined;
    return sumOf(terms.map((t) => ({ negative: t.negative, expr: fn('sum', [t.expr, index]) })));
  },
});
