import type { Expr } from '../src/expr.js';
import { key } from '../src/expr.js';
import { fromMonomial, fromPower, isRational, monomialOf, powerOf, productOf, sumOf, termsOf } from '../src/algebra.js';
import type { Rational } from '../src/rational.js';
import { addQ, negQ, ONE, subQ } from '../src/rational.js';
import { defineRewrite } from '../src/rule.js';

/** A term's factors as base key → (base, exponent); a factor of the denominator has a negative exponent. */
function powers(e: Expr): { coef: Rational; map: Map<string, { base: Expr; exp: Rational }>; other: Expr[] } {
  const m = monomialOf(e);
  const map = new Map<string, { base: Expr; exp: Rational }>();
  const other: Expr[] = [];
  const put = (f: Expr, sign: 1 | -1): void => {
    const p = powerOf(f);
    if (!isRational(p.exp)) return void other.push(sign === 1 ? f : fromMonomial({ coef: ONE, factors: [], divisors: [f] }));
    const k = key(p.base);
    const exp = sign === 1 ? p.exp : negQ(p.exp);
    const seen = map.get(k);
    map.set(k, { base: p.base, exp: seen === undefined ? exp : addQ(seen.exp, exp) });
  };
  m.factors.forEach((f) => put(f, 1));
  m.divisors.forEach((f) => put(f, -1));
  return { coef: m.coef, map, other };
}

const magnitude = (q: Rational): number => Math.abs(Number(q.num) / Number(q.den));

/** The factor common to every term, at its smallest power: 1/D − 1/D² has the common factor 1/D. */
function factorOut(e: Expr): Expr | undefined {
  if (e.kind !== 'add' && e.kind !== 'sub') return undefined;
  const terms = termsOf(e);
  const views = terms.map((t) => powers(t.expr));
  const common = new Map<string, { base: Expr; exp: Rational }>();
  for (const [k, first] of views[0]!.map) {
    let exp = first.exp;
    const everywhere = views.every((v) => {
      const p = v.map.get(k);
      if (p === undefined || (p.exp.num > 0n) !== (exp.num > 0n)) return false;
      if (magnitude(p.exp) < magnitude(exp)) exp = p.exp;
      return true;
    });
    if (everywhere) common.set(k, { base: first.base, exp });
  }
  if (common.size === 0) return undefined;
  const split = (map: ReadonlyMap<string, { base: Expr; exp: Rational }>, take: (k: string, exp: Rational) => Rational) => {
    const factors: Expr[] = [];
    const divisors: Expr[] = [];
    for (const [k, { base, exp }] of map) {
      const left = take(k, exp);
      if (left.num === 0n) continue;
      if (left.num > 0n) factors.push(fromPower(base, left));
      else divisors.push(fromPower(base, negQ(left)));
    }
    return { factors, divisors };
  };
  const commonParts = split(common, (_, exp) => exp);
  const factor = fromMonomial({ coef: ONE, ...commonParts });
  const rests = terms.map((t, i) => {
    const parts = split(views[i]!.map, (k, exp) => (common.has(k) ? subQ(exp, common.get(k)!.exp) : exp));
    return { negative: t.negative, expr: fromMonomial({ coef: views[i]!.coef, factors: [...parts.factors, ...views[i]!.other], divisors: parts.divisors }) };
  });
  return productOf([factor, sumOf(rests)]);
}

export default defineRewrite({
  id: 'factor',
  title: 'Factor out the common factor',
  law: 'a\\,b + a\\,c = a\\,(b + c)',
  apply: factorOut,
});
