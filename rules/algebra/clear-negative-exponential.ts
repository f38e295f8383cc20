import type { Expr } from '../../src/expr/expr.js';
import { div, mul, num } from '../../src/expr/expr.js';
import { exponentialLike, exponentOfE, fromMonomial, fromPower, hasSeveralTerms, isRational, monomialOf, powerOf, productOf, sumOf, termsOf, withCoef } from '../../src/engine/algebra.js';
import { negQ } from '../../src/expr/rational.js';
import { defineRewrite } from '../../src/engine/rule.js';

/** e^{−u} as u, with the factor itself (written exp(·) or e^·): a factor with a negative exponent. */
function negativeExponential(f: Expr): { u: Expr; like: Expr } | undefined {
  const exponent = exponentOfE(f);
  if (exponent === undefined || hasSeveralTerms(exponent)) return undefined;
  const m = monomialOf(exponent);
  return m.coef.num < 0n ? { u: fromMonomial(withCoef(m, negQ(m.coef))), like: f } : undefined;
}

/** The first e^{−u} among the factors of a sum's terms. */
function inTerms(s: Expr): { u: Expr; like: Expr } | undefined {
  for (const t of termsOf(s)) {
    for (const f of monomialOf(t.expr).factors) {
      const found = negativeExponential(f);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * N/(… S^n) with a term e^{−u} in the sum S: both multiplied by e^{nu}, S^n·e^{nu} written as
 * (S·e^{u})^n, so that e^{−u}·e^{u} = 1 leaves S without the negative exponent:
 * e^{−x}/(1 + e^{−x}) = 1/(e^{x} + 1).
 */
function clear(e: Expr): { result: Expr; by: Expr } | undefined {
  if (e.kind !== 'div') return undefined;
  const bottom = monomialOf(e.den);
  if (bottom.divisors.length > 0) return undefined;
  for (let i = 0; i < bottom.factors.length; i++) {
    const p = powerOf(bottom.factors[i]!);
    const n = p.exp;
    if (!isRational(n) || n.den !== 1n || n.num < 1n || !hasSeveralTerms(p.base)) continue;
    const found = inTerms(p.base);
    if (found === undefined) continue;
    const exponential = (x: Expr): Expr => exponentialLike(found.like, x);
    const scaled = sumOf(termsOf(p.base).map((t) => ({ negative: t.negative, expr: productOf([t.expr, exponential(found.u)]) })));
    const factors = bottom.factors.map((f, j) => (j === i ? fromPower(scaled, n) : f));
    const times = n.num === 1n ? found.u : mul(num(n.num), found.u);
    const by = exponential(times);
    return { result: div(productOf([e.num, by]), fromMonomial({ coef: bottom.coef, factors, divisors: [] })), by };
  }
  return undefined;
}

export default defineRewrite({
  id: 'clear-negative-exponential',
  title: 'Multiply the numerator and the denominator by an exponential',
  law: '\\frac{N}{\\left(a + b\\,e^{-u}\\right)^{n}} = \\frac{N\\,e^{nu}}{\\left(a\\,e^{u} + b\\right)^{n}}',
  on: ['div'],
  apply: (e) => clear(e)?.result,
  note: (e) => {
    const c = clear(e);
    return c === undefined ? undefined : { text: 'both multiplied by {f}', values: { f: c.by } };
  },
});
