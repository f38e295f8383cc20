import type { Expr } from '../../src/expr/expr.js';
import { equals } from '../../src/expr/expr.js';
import { fromMonomial, fromPower, isRational, monomialOf, powerOf, productOf, type Power } from '../../src/engine/algebra.js';
import { eqQ, ONE, subQ, ZERO } from '../../src/expr/rational.js';
import { defineRewrite, type Note } from '../../src/engine/rule.js';

interface Cancelled {
  readonly result: Expr;
  /** The factors cancelled, each assumed non-zero. */
  readonly factors: readonly Expr[];
}

const sameExponent = (a: Power, b: Power): boolean =>
  isRational(a.exp) && isRational(b.exp) ? true : !isRational(a.exp) && !isRational(b.exp) && equals(a.exp, b.exp);

/** Cancels what a quotient's numerator and denominator share: equal bases (powers subtracted) and numbers. */
function cancel(e: Expr): Cancelled | undefined {
  if (e.kind !== 'div') return undefined;
  const m = monomialOf(e);
  const top = m.factors.map(powerOf);
  const bottom = m.divisors.map(powerOf);
  // Each factor of the numerator paired with the first unused factor of the denominator it cancels
  // against (−1 for none), found before anything is built: most quotients cancel nothing.
  const used = new Set<number>();
  const partner = top.map((t) => {
    const j = bottom.findIndex((b, i) => !used.has(i) && equals(b.base, t.base) && sameExponent(t, b));
    if (j >= 0) used.add(j);
    return j;
  });
  // Numbers cancel too (12x/2 = 6x): the written denominator's number is not the reduced one.
  const writtenBottom = monomialOf(e.den).coef;
  const numeric = !eqQ(writtenBottom, ONE) && m.coef.den !== (writtenBottom.num < 0n ? -writtenBottom.num : writtenBottom.num);
  if (used.size === 0 && !numeric) return undefined;
  const cancelled: Expr[] = [];
  const keptTop: Expr[] = [];
  const extraBottom: Expr[] = [];
  top.forEach((t, i) => {
    const j = partner[i]!;
    if (j < 0) {
      keptTop.push(fromPower(t.base, t.exp));
      return;
    }
    cancelled.push(t.base);
    const b = bottom[j]!;
    if (!isRational(t.exp) || !isRational(b.exp)) return;
    const rest = subQ(t.exp, b.exp);
    if (rest.num > 0n) keptTop.push(fromPower(t.base, rest));
    else if (rest.num < 0n) extraBottom.push(fromPower(t.base, subQ(ZERO, rest)));
  });
  const keptBottom = [...bottom.filter((_, i) => !used.has(i)).map((b) => fromPower(b.base, b.exp)), ...extraBottom];
  const result = fromMonomial({ coef: m.coef, factors: keptTop, divisors: keptBottom });
  return equals(result, e) ? undefined : { result, factors: cancelled };
}

export default defineRewrite({
  id: 'cancel',
  title: 'Cancel the common factors',
  law: '\\frac{a\\,c}{b\\,c} = \\frac{a}{b} \\quad (c \\neq 0)',
  on: ['div'],
  apply: (e) => cancel(e)?.result,
  note: (e): Note | undefined => {
    const c = cancel(e);
    if (c === undefined || c.factors.length === 0) return undefined;
    return { text: 'assuming {c} ≠ 0', values: { c: productOf(c.factors) } };
  },
});
