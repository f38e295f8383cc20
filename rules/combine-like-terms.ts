import { fromMonomial, likeMap, likeOf, monomialOf, sumOf, termsOf, type Monomial } from '../src/algebra.js';
import { addQ, negQ } from '../src/rational.js';
import { defineRewrite } from '../src/rule.js';

export default defineRewrite({
  id: 'combine-like-terms',
  title: 'Combine like terms',
  law: 'a\\,u + b\\,u = (a + b)\\,u',
  apply: (e) => {
    if (e.kind !== 'add' && e.kind !== 'sub') return undefined;
    const terms = termsOf(e);
    const groups = likeMap<Monomial>();
    for (const t of terms) {
      const m = monomialOf(t.expr);
      const signed: Monomial = t.negative ? { ...m, coef: negQ(m.coef) } : m;
      const k = likeOf(signed);
      const seen = groups.get(k);
      groups.set(k, seen === undefined ? signed : { ...seen, coef: addQ(seen.coef, signed.coef) });
    }
    if (groups.size === terms.length) return undefined;
    return sumOf(
      groups
        .values()
        .filter((m) => m.coef.num !== 0n)
        .map((m) => ({ negative: m.coef.num < 0n, expr: fromMonomial({ ...m, coef: m.coef.num < 0n ? negQ(m.coef) : m.coef }) })),
      true,
    );
  },
});
