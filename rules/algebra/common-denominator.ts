import type { Expr } from '../../src/expr/expr.js';
import { div, equals, one } from '../../src/expr/expr.js';
import { productOf, sumOf, termsOf } from '../../src/engine/algebra.js';
import { defineRewrite } from '../../src/engine/rule.js';

export default defineRewrite({
  id: 'common-denominator',
  title: 'Bring to a common denominator',
  law: '\\frac{a}{b} + \\frac{c}{d} = \\frac{a\\,d + c\\,b}{b\\,d}',
  on: ['add', 'sub'],
  apply: (e) => {
    if (e.kind !== 'add' && e.kind !== 'sub') return undefined;
    const signed = termsOf(e);
    let fractions = 0;
    for (const t of signed) if (t.expr.kind === 'div') fractions++;
    // Beyond a few fractions the common denominator only grows; leave such sums as they are.
    if (fractions === 0 || fractions > 8) return undefined;
    // Literals, not spreads: a spread gave V8 a new hidden class per call (and every reader a cache miss).
    const terms = signed.map((t) => ({ negative: t.negative, expr: t.expr, top: t.expr.kind === 'div' ? t.expr.num : t.expr, bottom: t.expr.kind === 'div' ? t.expr.den : one }));
    const denominators: Expr[] = [];
    for (const t of terms) if (t.expr.kind === 'div' && !denominators.some((d) => equals(d, t.bottom))) denominators.push(t.bottom);
    const numerator = sumOf(
      terms.map((t) => ({
        negative: t.negative,
        expr: productOf([t.top, ...denominators.filter((d) => t.expr.kind !== 'div' || !equals(d, t.bottom))]),
      })),
    );
    return div(numerator, productOf(denominators));
  },
});
