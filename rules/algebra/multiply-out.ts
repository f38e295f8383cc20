import { expandedCount, expandProduct, isExpandable, isPolynomial, MAX_EXPANDED_TERMS, multiplicands, sumOf } from '../../src/engine/algebra.js';
import { defineRewrite } from '../../src/engine/rule.js';

// A product of polynomials multiplied out, 2(x³ + 2x)(3x² + 2) = 12x⁵ + …: a strategy keeps it only
// when, like terms combined, it is smaller, so ŷ(1 − ŷ) and x(x − 1)²(5x − 2) stay factored.
export default defineRewrite({
  id: 'multiply-out',
  title: 'Multiply out the polynomial',
  law: 'a\\,(b + c)\\,(d + f) = a\\,b\\,d + a\\,b\\,f + a\\,c\\,d + a\\,c\\,f',
  on: ['mul', 'pow'],
  apply: (e) => {
    if (!isExpandable(e) || !isPolynomial(e)) return undefined;
    const factors = multiplicands(e);
    return expandedCount(factors) > MAX_EXPANDED_TERMS ? undefined : sumOf(expandProduct(factors));
  },
});
