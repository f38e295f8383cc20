import type { Expr } from '../../src/expr/expr.js';
import { div, equals, num, one } from '../../src/expr/expr.js';
import { exprMap } from '../../src/expr/expr-map.js';
import { fromPower, isRational, monomialOf, powerOf, productOf, sumOf, termsOf } from '../../src/engine/algebra.js';
import { gcd, rational, subQ, type Rational } from '../../src/expr/rational.js';
import { defineRewrite } from '../../src/engine/rule.js';

/** A denominator as a whole-number coefficient and its factors base → exponent (a factor with a symbolic exponent is a base of its own). */
interface Denominator {
  readonly coef: bigint;
  readonly powers: ReadonlyArray<{ readonly base: Expr; readonly exp: Rational }>;
}

function denominatorOf(d: Expr): Denominator | undefined {
  const m = monomialOf(d);
  // A denominator with a fraction of its own, or a fractional or negative coefficient, is left as one factor.
  if (m.divisors.length > 0 || m.coef.den !== 1n || m.coef.num <= 0n) return { coef: 1n, powers: [{ base: d, exp: rational(1n) }] };
  return {
    coef: m.coef.num,
    powers: m.factors.map((f) => {
      const p = powerOf(f);
      return isRational(p.exp) && p.exp.num > 0n ? { base: p.base, exp: p.exp } : { base: f, exp: rational(1n) };
    }),
  };
}

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
    // The least common denominator: each base at the highest power any denominator has it, and the
    // least common multiple of the numbers (4/x² − 3/x is over x², not x³).
    const denominators = signed.map((t) => (t.expr.kind === 'div' ? denominatorOf(t.expr.den) : undefined));
    const highest = exprMap<Rational>();
    const order: Expr[] = [];
    let lcm = 1n;
    for (const d of denominators) {
      if (d === undefined) continue;
      lcm = (lcm * d.coef) / gcd(lcm, d.coef);
      for (const { base, exp } of d.powers) {
        const seen = highest.get(base);
        if (seen === undefined) order.push(base);
        if (seen === undefined || subQ(exp, seen).num > 0n) highest.set(base, exp);
      }
    }
    const common = (d: Denominator | undefined): Expr[] => {
      const factors: Expr[] = [];
      const coef = lcm / (d?.coef ?? 1n);
      if (coef !== 1n) factors.push(num(coef));
      for (const base of order) {
        const own = d?.powers.find((p) => equals(p.base, base))?.exp;
        const rest = own === undefined ? highest.get(base)! : subQ(highest.get(base)!, own);
        if (rest.num !== 0n) factors.push(fromPower(base, rest));
      }
      return factors;
    };
    const numerator = sumOf(
      signed.map((t, i) => ({
        negative: t.negative,
        expr: productOf([t.expr.kind === 'div' ? t.expr.num : t.expr, ...common(denominators[i])]),
      })),
    );
    const whole = common(undefined);
    return div(numerator, whole.length === 0 ? one : productOf(whole));
  },
});
