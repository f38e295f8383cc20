import type { Expr } from '../../src/expr/expr.js';
import { exprMap, type HashMap } from '../../src/expr/expr-map.js';
import { baseHashes, fromMonomial, fromPower, isRational, monomialOf, powerOf, productOf, sumOf, termsOf, type Term } from '../../src/engine/algebra.js';
import type { Rational } from '../../src/expr/rational.js';
import { addQ, divQ, gcd, negQ, ONE, rational, subQ } from '../../src/expr/rational.js';
import { defineRewrite } from '../../src/engine/rule.js';

/** A term's factors as base → exponent; a factor of the denominator has a negative exponent. */
function powers(e: Expr): { coef: Rational; map: HashMap<Expr, Rational>; other: Expr[] } {
  const m = monomialOf(e);
  const map = exprMap<Rational>();
  const other: Expr[] = [];
  const put = (f: Expr, sign: 1 | -1): void => {
    const p = powerOf(f);
    if (!isRational(p.exp)) return void other.push(sign === 1 ? f : fromMonomial({ coef: ONE, factors: [], divisors: [f] }));
    const exp = sign === 1 ? p.exp : negQ(p.exp);
    const seen = map.get(p.base);
    map.set(p.base, seen === undefined ? exp : addQ(seen, exp));
  };
  m.factors.forEach((f) => put(f, 1));
  m.divisors.forEach((f) => put(f, -1));
  return { coef: m.coef, map, other };
}

const magnitude = (q: Rational): number => Math.abs(Number(q.num) / Number(q.den));

/** Whether some base may be a factor of every term, by hashes: false is certain, and most sums are. */
function mayShareBase(terms: readonly Term[]): boolean {
  let common = baseHashes(terms[0]!.expr);
  for (let i = 1; i < terms.length && common.length > 0; i++) {
    const here = baseHashes(terms[i]!.expr);
    common = common.filter((h) => here.includes(h));
  }
  return common.length > 0;
}

/** The greatest common divisor of the terms' coefficients when they are all whole numbers (2 + 2x² has 2), else 1. */
function numericContent(terms: readonly Term[]): bigint {
  let g = 0n;
  for (const t of terms) {
    const c = monomialOf(t.expr).coef;
    if (c.den !== 1n) return 1n;
    g = gcd(g, c.num < 0n ? -c.num : c.num);
    if (g === 1n) return 1n;
  }
  return g === 0n ? 1n : g;
}

/** The factor common to every term, at its smallest power: 1/D − 1/D² has the common factor 1/D. */
function factorOut(e: Expr): Expr | undefined {
  if (e.kind !== 'add' && e.kind !== 'sub') return undefined;
  const terms = termsOf(e);
  if (terms.length < 2) return undefined;
  const content = numericContent(terms);
  if (!mayShareBase(terms) && content === 1n) return undefined;
  const views = terms.map((t) => powers(t.expr));
  const common = exprMap<Rational>();
  const firstExps = views[0]!.map.values();
  views[0]!.map.keys().forEach((base, i) => {
    let exp = firstExps[i]!;
    const everywhere = views.every((v) => {
      const p = v.map.get(base);
      if (p === undefined || (p.num > 0n) !== (exp.num > 0n)) return false;
      if (magnitude(p) < magnitude(exp)) exp = p;
      return true;
    });
    if (everywhere) common.set(base, exp);
  });
  if (common.size === 0 && content === 1n) return undefined;
  const split = (map: HashMap<Expr, Rational>, take: (base: Expr, exp: Rational) => Rational) => {
    const factors: Expr[] = [];
    const divisors: Expr[] = [];
    const exps = map.values();
    for (const [i, base] of map.keys().entries()) {
      const left = take(base, exps[i]!);
      if (left.num === 0n) continue;
      if (left.num > 0n) factors.push(fromPower(base, left));
      else divisors.push(fromPower(base, negQ(left)));
    }
    return { factors, divisors };
  };
  const commonParts = split(common, (_, exp) => exp);
  const g = rational(content);
  const factor = fromMonomial({ coef: g, ...commonParts });
  const rests = terms.map((t, i) => {
    const parts = split(views[i]!.map, (base, exp) => {
      const shared = common.get(base);
      return shared === undefined ? exp : subQ(exp, shared);
    });
    return { negative: t.negative, expr: fromMonomial({ coef: divQ(views[i]!.coef, g), factors: [...parts.factors, ...views[i]!.other], divisors: parts.divisors }) };
  });
  return productOf([factor, sumOf(rests)]);
}

export default defineRewrite({
  id: 'factor',
  title: 'Factor out the common factor',
  law: 'a\\,b + a\\,c = a\\,(b + c)',
  on: ['add', 'sub'],
  apply: factorOut,
});
