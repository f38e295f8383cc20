import { fromMonomial, likeMap, likeOf, likeSignature, monomialOf, sameLike, sumOf, termsOf, withCoef, type Like, type Monomial, type Term } from '../../src/engine/algebra.js';
import { addQ, negQ } from '../../src/expr/rational.js';
import { defineRewrite } from '../../src/engine/rule.js';

/** Up to this many terms, a sum is checked pair by pair for like terms before any map is built. */
const PAIRWISE = 8;

/** Whether two of the few terms are alike: most sums have none, and are told so without a map. */
function anyAlike(likes: readonly Like[]): boolean {
  for (let i = 1; i < likes.length; i++) for (let j = 0; j < i; j++) if (sameLike(likes[i]!, likes[j]!)) return true;
  return false;
}

/**
 * Whether two terms may be alike, by their like signatures: most sums are told they have no like
 * terms before any monomial is built (an unknown signature may be alike to anything). A short sum
 * compares them pair by pair; a long one (a polynomial) through a set, in linear time.
 */
function mayBeAlike(terms: readonly Term[]): boolean {
  const signatures = terms.map((t) => likeSignature(t.expr));
  if (signatures.includes(undefined)) return true;
  if (terms.length > PAIRWISE) return new Set(signatures).size < signatures.length;
  for (let i = 1; i < signatures.length; i++) for (let j = 0; j < i; j++) if (signatures[i] === signatures[j]) return true;
  return false;
}

export default defineRewrite({
  id: 'combine-like-terms',
  title: 'Combine like terms',
  law: 'a\\,u + b\\,u = (a + b)\\,u',
  on: ['add', 'sub'],
  apply: (e) => {
    if (e.kind !== 'add' && e.kind !== 'sub') return undefined;
    const terms = termsOf(e);
    if (!mayBeAlike(terms)) return undefined;
    const monomials = terms.map((t) => monomialOf(t.expr));
    const likes = monomials.map(likeOf);
    // A long sum (a polynomial) goes straight to the map, which finds like terms in linear time.
    if (likes.length <= PAIRWISE && !anyAlike(likes)) return undefined;
    const groups = likeMap<Monomial>();
    terms.forEach((t, i) => {
      const m = monomials[i]!;
      const signed = t.negative ? withCoef(m, negQ(m.coef)) : m;
      const seen = groups.get(likes[i]!);
      groups.set(likes[i]!, seen === undefined ? signed : withCoef(seen, addQ(seen.coef, signed.coef)));
    });
    if (groups.size === terms.length) return undefined;
    return sumOf(
      groups
        .values()
        .filter((m) => m.coef.num !== 0n)
        .map((m) => ({ negative: m.coef.num < 0n, expr: fromMonomial(withCoef(m, m.coef.num < 0n ? negQ(m.coef) : m.coef)) })),
      true,
    );
  },
});
