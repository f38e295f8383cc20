import { fromMonomial, likeMap, likeOf, monomialOf, sameLike, sumOf, termsOf, withCoef, type Like, type Monomial } from '../src/algebra.js';
import { addQ, negQ } from '../src/rational.js';
import { defineRewrite } from '../src/rule.js';

/** Whether two of the terms are alike: most sums have none, and a short one is told so without a map. */
function anyAlike(likes: readonly Like[]): boolean {
  if (likes.length > 8) {
    // A long sum (a polynomial) is checked through a map, so the check stays linear in its terms.
    const seen = likeMap<true>();
    for (const like of likes) {
      if (seen.has(like)) return true;
      seen.set(like, true);
    }
    return false;
  }
  for (let i = 1; i < likes.length; i++) for (let j = 0; j < i; j++) if (sameLike(likes[i]!, likes[j]!)) return true;
  return false;
}

export default defineRewrite({
  id: 'combine-like-terms',
  title: 'Combine like terms',
  law: 'a\\,u + b\\,u = (a + b)\\,u',
  apply: (e) => {
    if (e.kind !== 'add' && e.kind !== 'sub') return undefined;
    const terms = termsOf(e);
    const monomials = terms.map((t) => monomialOf(t.expr));
    const likes = monomials.map(likeOf);
    if (!anyAlike(likes)) return undefined;
    const groups = likeMap<Monomial>();
    terms.forEach((t, i) => {
      const m = monomials[i]!;
      const signed = t.negative ? withCoef(m, negQ(m.coef)) : m;
      const seen = groups.get(likes[i]!);
      groups.set(likes[i]!, seen === undefined ? signed : withCoef(seen, addQ(seen.coef, signed.coef)));
    });
    return sumOf(
      groups
        .values()
        .filter((m) => m.coef.num !== 0n)
        .map((m) => ({ negative: m.coef.num < 0n, expr: fromMonomial(withCoef(m, m.coef.num < 0n ? negQ(m.coef) : m.coef)) })),
      true,
    );
  },
});
