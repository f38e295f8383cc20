import { expandedCount, expandProduct, isExpandable, MAX_EXPANDED_TERMS, multiplicands, sumOf, termsOf } from '../../src/engine/algebra.js';
import { defineRewrite } from '../../src/engine/rule.js';

export default defineRewrite({
  id: 'expand',
  title: 'Expand the products',
  law: 'a\\,(b + c) = a\\,b + a\\,c,\\quad (a + b)^{2} = a^{2} + 2ab + b^{2}',
  on: ['add', 'sub'],
  apply: (e) => {
    // In a sum, every term that is a product over a sum, or a power of a sum, is multiplied out, in
    // one step; a lone product (a denominator such as ŷ(1 − ŷ)) is left factored.
    if (e.kind !== 'add' && e.kind !== 'sub') return undefined;
    const terms = termsOf(e);
    if (!terms.some((t) => isExpandable(t.expr))) return undefined;
    const total = terms.reduce((n, t) => n + (isExpandable(t.expr) ? expandedCount(multiplicands(t.expr)) : 1), 0);
    if (total > MAX_EXPANDED_TERMS) return undefined;
    return sumOf(
      terms.flatMap((t) =>
        isExpandable(t.expr) ? expandProduct(multiplicands(t.expr)).map((x) => ({ negative: x.negative !== t.negative, expr: x.expr })) : [t],
      ),
    );
  },
});
