import type { Expr } from '../../src/expr/expr.js';
import { equals } from '../../src/expr/expr.js';
import { baseOf, exactExponentOf, isPolynomial, monomialOf, sumOf, termsOf, type Term } from '../../src/engine/algebra.js';
import { defineRewrite } from '../../src/engine/rule.js';

/** The degree of a term c·x^k in its one symbol (0 for a number), with the symbol; undefined for any other term. */
function degreeOf(t: Term): { symbol?: string; degree: bigint } | undefined {
  const m = monomialOf(t.expr);
  if (m.divisors.length > 0 || m.factors.length > 1) return undefined;
  if (m.factors.length === 0) return { degree: 0n };
  const f = m.factors[0]!;
  const base = baseOf(f);
  const k = exactExponentOf(f);
  return base.kind === 'sym' && k !== undefined && k.den === 1n && k.num > 0n ? { symbol: base.name, degree: k.num } : undefined;
}

/**
 * A polynomial in one variable of three terms or more in descending powers (12x³ − 15x² + 2), when
 * its leading term is positive, else in ascending powers when that leads with a positive term
 * (1 − 3x − x²); any other sum that opens with a minus opens with its first positive term instead
 * (3x − 8, not −8 + 3x; 1 − e^{x+8}, not −e^{x+8} + 1), and otherwise keeps its order (1 + x and
 * x + 1 are both what a textbook prints).
 * Tried as a strategy, on whole sums only: a run of a sum's terms, which sumOf writes as a sum of its
 * own, may want another order than the whole.
 */
function order(e: Expr): Expr | undefined {
  if (e.kind !== 'add' && e.kind !== 'sub') return undefined;
  const terms = termsOf(e);
  const degrees = terms.map(degreeOf);
  const symbols = new Set(degrees.map((d) => d?.symbol).filter((s) => s !== undefined));
  let out: Expr | undefined;
  if (terms.length >= 3 && !degrees.includes(undefined) && symbols.size === 1 && isPolynomial(e)) {
    const indexed = terms.map((t, i) => ({ t, d: degrees[i]!.degree, i }));
    const descending = [...indexed].sort((a, b) => (a.d === b.d ? a.i - b.i : a.d > b.d ? -1 : 1));
    const ascending = [...indexed].sort((a, b) => (a.d === b.d ? a.i - b.i : a.d < b.d ? -1 : 1));
    const pick = [descending, ascending].find((xs) => !xs[0]!.t.negative);
    if (pick !== undefined) out = sumOf(pick.map((x) => x.t));
  }
  if (out === undefined && terms[0]!.negative && terms.some((t) => !t.negative)) out = sumOf(terms, true);
  return out === undefined || equals(out, e) ? undefined : out;
}

export default defineRewrite({
  id: 'order-terms',
  title: 'Order the terms',
  law: 'a_0 + a_1 x + a_2 x^2 = a_2 x^2 + a_1 x + a_0,\\quad -a + b = b - a',
  on: ['add', 'sub'],
  apply: order,
});
