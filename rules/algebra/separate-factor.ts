import type { Expr } from '../../src/expr/expr.js';
import { div } from '../../src/expr/expr.js';
import { fromMonomial, monomialOf, productOf, termFactors } from '../../src/engine/algebra.js';
import { divQ, eqQ, ONE } from '../../src/expr/rational.js';
import { defineRewrite } from '../../src/engine/rule.js';

/**
 * Splits N/D into (what does not take part) · (the fraction whose numerator is made of the
 * denominator's own terms): 2x·e^{-x²}/(2·(1 + e^{-x²})²) = x · e^{-x²}/(1 + e^{-x²})².
 */
function separate(e: Expr): Expr | undefined {
  if (e.kind !== 'div') return undefined;
  const top = monomialOf(e.num);
  const bottom = monomialOf(e.den);
  if (top.divisors.length > 0 || bottom.divisors.length > 0) return undefined;
  // Settled before any factor's terms are listed: with no factor on a side, nothing takes part; with
  // one on each side and the same number, nothing is left outside (e^{-x}/(1 + e^{-x})², sigmoid's).
  if (top.factors.length === 0 || bottom.factors.length === 0) return undefined;
  if (top.factors.length === 1 && bottom.factors.length === 1 && eqQ(top.coef, bottom.coef)) return undefined;
  const related = bottom.factors.map((f) => ({ f, parts: termFactors(f) }));
  const inside = top.factors.filter((f) => related.some((r) => r.parts.has(f)));
  const keptBottom = related.filter((r) => inside.some((f) => r.parts.has(f))).map((r) => r.f);
  if (inside.length === 0 || keptBottom.length === 0) return undefined;
  const outsideTop = top.factors.filter((f) => !inside.includes(f));
  const outsideBottom = bottom.factors.filter((f) => !keptBottom.includes(f));
  // A zero number below goes to the divisors, so bottom.coef is never 0.
  const coef = divQ(top.coef, bottom.coef);
  const numeric = !eqQ(coef, ONE);
  if (outsideTop.length === 0 && outsideBottom.length === 0 && !numeric) return undefined;
  const rest = fromMonomial({ coef, factors: outsideTop, divisors: outsideBottom });
  return productOf([rest, div(productOf(inside), productOf(keptBottom))]);
}

export default defineRewrite({
  id: 'separate-factor',
  title: 'Take the factors that do not take part out of the fraction',
  law: '\\frac{c\\,N}{k\\,D} = \\frac{c}{k} \\cdot \\frac{N}{D}',
  on: ['div'],
  apply: separate,
});
