import type { Expr } from '../../src/expr/expr.js';
import { equals } from '../../src/expr/expr.js';
import { exprMap, exprSet } from '../../src/expr/expr-map.js';
import { fromMonomial, isPolynomial, monomialOf, productOf, sumOf, termsOf, type Term } from '../../src/engine/algebra.js';
import { defineRewrite } from '../../src/engine/rule.js';

/** The terms of a sum that share the factor most of them have (but not all of them: that is factor's job). */
function group(e: Expr): Expr | undefined {
  if (e.kind !== 'add' && e.kind !== 'sub') return undefined;
  // A polynomial stays expanded: x²(12x − 15) + 2 is the half-factored form no textbook prints.
  if (isPolynomial(e)) return undefined;
  const terms = termsOf(e);
  // A factor in at least two terms but not in all of them needs three terms or more.
  if (terms.length < 3) return undefined;
  const monomials = terms.map((t) => monomialOf(t.expr));
  const counts = exprMap<{ factor: Expr; members: number[] }>();
  monomials.forEach((m, i) => {
    for (const f of exprSet(m.factors).keys()) {
      const entry = counts.get(f) ?? { factor: f, members: [] };
      entry.members.push(i);
      counts.set(f, entry);
    }
  });
  const best = [...counts.values()]
    .filter((c) => c.members.length >= 2 && c.members.length < terms.length)
    .sort((a, b) => b.members.length - a.members.length)[0];
  if (best === undefined) return undefined;
  const inner: Term[] = best.members.map((i) => {
    const m = monomials[i]!;
    const at = m.factors.findIndex((f) => equals(f, best.factor));
    return { negative: terms[i]!.negative, expr: fromMonomial({ coef: m.coef, factors: m.factors.filter((_, j) => j !== at), divisors: m.divisors }) };
  });
  const grouped: Term = { negative: false, expr: productOf([best.factor, sumOf(inner)]) };
  const first = best.members[0]!;
  return sumOf(terms.flatMap((t, i) => (i === first ? [grouped] : best.members.includes(i) ? [] : [t])));
}

export default defineRewrite({
  id: 'group-terms',
  title: 'Group the terms that share a factor',
  law: 'a\\,u + b\\,u + c = (a + b)\\,u + c',
  on: ['add', 'sub'],
  apply: group,
});
