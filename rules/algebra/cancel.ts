import type { Expr } from '../../src/expr/expr.js';
import { E, equals, fn, num, pow } from '../../src/expr/expr.js';
import { exponentialLike, exponentOfE, fromMonomial, fromPower, hasSeveralTerms, isRational, monomialOf, powerOf, productOf, rootOf, termsOf, type Power } from '../../src/engine/algebra.js';
import { divQ, eqQ, mulQ, negQ, ONE, rational, subQ, ZERO, type Rational } from '../../src/expr/rational.js';
import { defineRewrite, type Note } from '../../src/engine/rule.js';

interface Cancelled {
  readonly result: Expr;
  /** The factors cancelled, each assumed non-zero. */
  readonly factors: readonly Expr[];
}

/**
 * A factor as the pairing reads it; `root` when a root √u was read as u^{1/2} to meet a u, `flip`
 * when a sum was read as −1 times the sum on the other side (−s − 1 as −(1 + s)).
 */
interface View extends Power {
  readonly root: boolean;
  readonly flip?: boolean;
}

const sameExponent = (a: Power, b: Power): boolean =>
  isRational(a.exp) && isRational(b.exp) ? true : !isRational(a.exp) && !isRational(b.exp) && equals(a.exp, b.exp);

const isAbsOf = (e: Expr, u: Expr): boolean => e.kind === 'fn' && e.name === 'abs' && e.primes === 0 && equals(e.args[0]!, u);

/**
 * A factor read so that it can meet a base on the other side of the fraction: e^{ku} as (e^u)^k
 * where e^{lu} stands there, a sum as the other side's sum in another order or negated, ⁿ√u^k as
 * u^{k/n} where u stands there (x/√x = √x), and u^{2k} as |u|^{2k} where |u| does (x²/|x| = |x|).
 */
function viewOf(p: Power, others: readonly Power[], above: boolean): View {
  // e^{ku} as (e^u)^k where the other side has e^{lu}: e^x(1 − x)/e^{2x} = (1 − x)/e^x.
  const exponential = asExponential(p);
  if (exponential !== undefined && others.some((o) => { const other = asExponential(o); return other !== undefined && equals(other.unit, exponential.unit) && !eqQ(other.k, exponential.k); })) {
    return { base: exponential.unit, exp: exponential.k, root: false };
  }
  if (!isRational(p.exp)) return { base: p.base, exp: p.exp, root: false };
  if (above && hasSeveralTerms(p.base) && !others.some((o) => equals(o.base, p.base))) {
    // The same sum in another order, or negated: 1 + x against x + 1, −s − 1 against 1 + s (the
    // numerator's sum is read as the denominator's, which keeps its own form).
    for (const o of others) {
      const relation = hasSeveralTerms(o.base) ? sumRelation(p.base, o.base) : undefined;
      if (relation === 1) return { base: o.base, exp: p.exp, root: false };
      if (relation === -1 && p.exp.den === 1n) return { base: o.base, exp: p.exp, root: false, flip: true };
    }
  }
  const root = rootOf(p.base);
  if (root !== undefined && others.some((o) => equals(o.base, root.radicand) || (rootOf(o.base) !== undefined && equals(rootOf(o.base)!.radicand, root.radicand) && !equals(o.base, p.base)))) {
    return { base: root.radicand, exp: divQ(p.exp, root.index), root: true };
  }
  if (p.exp.den === 1n && p.exp.num % 2n === 0n) {
    const abs = others.find((o) => isAbsOf(o.base, p.base));
    if (abs !== undefined) return { base: abs.base, exp: p.exp, root: false };
  }
  return { base: p.base, exp: p.exp, root: false };
}

/**
 * A factor e^{k·m} (or exp(k·m), or a whole power of one) as the number k (times that power) and
 * the unit e^m, written as the factor writes it; undefined for any other factor.
 */
function asExponential(p: Power): { k: Rational; unit: Expr } | undefined {
  // powerOf reads e^u as the base e with a symbolic exponent u; exp(u)^n as exp(u) to the n.
  const e = p.base.kind === 'const' && p.base.name === 'e' && !isRational(p.exp) ? pow(E, p.exp) : p.base;
  const u = exponentOfE(e);
  const times = e === p.base ? p.exp : ONE;
  if (u === undefined || !isRational(times)) return undefined;
  const m = hasSeveralTerms(u) ? { coef: ONE, factors: [u], divisors: [] } : monomialOf(u);
  const rest = fromMonomial({ coef: ONE, factors: m.factors, divisors: m.divisors });
  return { k: mulQ(m.coef, times), unit: exponentialLike(e, rest) };
}

/** 1 when two sums have the same terms in some order, −1 when one is the other negated term by term. */
function sumRelation(a: Expr, b: Expr): 1 | -1 | undefined {
  const ta = termsOf(a);
  const tb = termsOf(b);
  if (ta.length !== tb.length) return undefined;
  for (const sign of [1, -1] as const) {
    const used = tb.map(() => false);
    const all = ta.every((t) => {
      const j = tb.findIndex((u, i) => !used[i] && (u.negative === t.negative) === (sign === 1) && equals(u.expr, t.expr));
      if (j >= 0) used[j] = true;
      return j >= 0;
    });
    if (all) return sign;
  }
  return undefined;
}

/** base^exp for a view: a fractional power of a root's radicand is written as a power of the root again. */
function fromView(base: Expr, exp: Rational, root: boolean): Expr {
  if (!root || exp.den === 1n) return fromPower(base, exp);
  const radical = exp.den === 2n ? fn('sqrt', [base]) : exp.den === 3n ? fn('cbrt', [base]) : fn('nthRoot', [base, num(rational(exp.den))]);
  return exp.num === 1n ? radical : pow(radical, num(rational(exp.num)));
}

/** Cancels what a quotient's numerator and denominator share: equal bases (powers subtracted) and numbers. */
function cancel(e: Expr): Cancelled | undefined {
  if (e.kind !== 'div') return undefined;
  const m = monomialOf(e);
  const plainTop = m.factors.map(powerOf);
  const plainBottom = m.divisors.map(powerOf);
  const top = plainTop.map((p) => viewOf(p, plainBottom, true));
  const bottom = plainBottom.map((p) => viewOf(p, plainTop, false));
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
  let negative = false;
  top.forEach((t, i) => {
    const j = partner[i]!;
    if (j < 0) {
      keptTop.push(fromPower(plainTop[i]!.base, plainTop[i]!.exp));
      return;
    }
    cancelled.push(t.base);
    const b = bottom[j]!;
    if (!isRational(t.exp) || !isRational(b.exp)) return;
    const rest = subQ(t.exp, b.exp);
    const root = t.root || b.root;
    // (−s)^a over s^b: s^{min(a, b)} cancels. An even a is s^a, sign and all; an odd one leaves
    // (−1)^{min(a, b)} and the rest of the numerator's power in its own form.
    const evenFlip = t.flip === true && t.exp.num % 2n === 0n;
    const ownForm = t.flip === true && !evenFlip;
    if (ownForm && (rest.num > 0n ? b.exp : t.exp).num % 2n !== 0n) negative = !negative;
    if (rest.num > 0n) keptTop.push(ownForm ? fromPower(plainTop[i]!.base, rest) : fromView(t.base, rest, root));
    else if (rest.num < 0n) extraBottom.push(fromView(t.base, subQ(ZERO, rest), root));
  });
  const keptBottom = [...plainBottom.filter((_, i) => !used.has(i)).map((b) => fromPower(b.base, b.exp)), ...extraBottom];
  const result = fromMonomial({ coef: negative ? negQ(m.coef) : m.coef, factors: keptTop, divisors: keptBottom });
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
