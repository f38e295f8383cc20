import type { Expr } from '../../src/expr/expr.js';
import { mul } from '../../src/expr/expr.js';
import { sumOf, termsOf } from '../../src/engine/algebra.js';
import { defineRewrite } from '../../src/engine/rule.js';

/** The index of the one factor that is a difference of two terms, if exactly one is. */
function difference(factors: readonly Expr[]): number | undefined {
  const found = factors.flatMap((f, i) => (f.kind === 'sub' || (f.kind === 'add' && termsOf(f).length === 2 && termsOf(f).some((t) => t.negative)) ? [i] : []));
  return found.length === 1 && termsOf(factors[found[0]!]!).length === 2 ? found[0] : undefined;
}

// −x·(t − s) is x·(s − t): a minus sign alone before a product is taken into its one difference,
// as a teacher writes the gradient (p_k − t_k)·x_l rather than −x_l·(t_k − p_k). With a number in
// the product the sign stays on it (−2 tanh(x)(1 − tanh(x)²)).
export default defineRewrite({
  id: 'absorb-minus',
  title: 'Take the minus sign into the difference',
  law: '-a\\,(b - c) = a\\,(c - b)',
  on: ['neg'],
  apply: (e) => {
    if (e.kind !== 'neg' || e.arg.kind !== 'mul') return undefined;
    const factors = e.arg.factors;
    if (factors.some((f) => f.kind === 'num')) return undefined;
    const at = difference(factors);
    if (at === undefined) return undefined;
    const flipped = sumOf(termsOf(factors[at]!).map((t) => ({ negative: !t.negative, expr: t.expr })), true);
    return mul(...factors.slice(0, at), flipped, ...factors.slice(at + 1));
  },
});
