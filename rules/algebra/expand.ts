import type { Expr } from '../../src/expr/expr.js';
import { hasSeveralTerms, productOf, sumOf, termsOf, type Term } from '../../src/engine/algebra.js';
import { defineRewrite } from '../../src/engine/rule.js';

/** The signed terms of a product of sums, multiplied out. */
function expandProduct(factors: readonly Expr[]): Term[] {
  let acc: Term[] = [{ negative: false, expr: productOf([]) }];
  for (const f of factors) {
    const terms = termsOf(f);
    acc = acc.flatMap((a) => terms.map((t) => ({ negative: a.negative !== t.negative, expr: productOf([a.expr, t.expr]) })));
  }
  return acc;
}

/** Most terms one expansion may produce: multiplying out (x+1)(x+2)…(x+100) would never end. */
export const MAX_EXPANDED_TERMS = 64;

/** How many terms multiplying out `factors` gives. */
const expandedCount = (factors: readonly Expr[]): number => factors.reduce((n, f) => n * termsOf(f).length, 1);

export default defineRewrite({
  id: 'expand',
  title: 'Expand the products',
  law: 'a\\,(b + c) = a\\,b + a\\,c',
  on: ['add', 'sub'],
  apply: (e) => {
    // In a sum, every term that is a product over a sum is multiplied out, in one step; a lone
    // product (a denominator such as ŷ(1 − ŷ)) is left factored.
    if (e.kind !== 'add' && e.kind !== 'sub') return undefined;
    const terms = termsOf(e);
    if (!terms.some((t) => t.expr.kind === 'mul' && t.expr.factors.some(hasSeveralTerms))) return undefined;
    const total = terms.reduce((n, t) => n + (t.expr.kind === 'mul' ? Math.min(expandedCount(t.expr.factors), MAX_EXPANDED_TERMS + 1) : 1), 0);
    if (total > MAX_EXPANDED_TERMS) return undefined;
    return sumOf(
      terms.flatMap((t) =>
        t.expr.kind === 'mul' && t.expr.factors.some(hasSeveralTerms)
          ? expandProduct(t.expr.factors).map((x) => ({ negative: x.negative !== t.negative, expr: x.expr }))
          : [t],
      ),
    );
  },
});
