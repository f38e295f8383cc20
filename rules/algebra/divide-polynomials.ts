import type { Expr } from '../../src/expr/expr.js';
import { div, equals, num, pow, sym } from '../../src/expr/expr.js';
import { fromMonomial, hasSeveralTerms, isPolynomial, isRational, monomialOf, powerOf, productOf, sumOf, type Term } from '../../src/engine/algebra.js';
import { freeSymbols } from '../../src/expr/expr.js';
import { addQ, divQ, mulQ, negQ, ONE, rational, subQ, ZERO, type Rational } from '../../src/expr/rational.js';
import { defineRewrite } from '../../src/engine/rule.js';

/** A polynomial in one variable: coefficients by degree, the last non-zero. */
type Poly = Rational[];

/** Past this degree a polynomial is not read (its powers would be multiplied out). */
const MAX_DEGREE = 32;

const trim = (p: Poly): Poly => {
  const out = [...p];
  while (out.length > 0 && out[out.length - 1]!.num === 0n) out.pop();
  return out;
};
const plus = (a: Poly, b: Poly): Poly => trim(Array.from({ length: Math.max(a.length, b.length) }, (_, i) => addQ(a[i] ?? ZERO, b[i] ?? ZERO)));
const times = (a: Poly, b: Poly): Poly | undefined => {
  if (a.length + b.length - 1 > MAX_DEGREE + 1) return undefined;
  const out: Poly = Array.from({ length: Math.max(0, a.length + b.length - 1) }, () => ZERO);
  a.forEach((x, i) => b.forEach((y, j) => (out[i + j] = addQ(out[i + j]!, mulQ(x, y)))));
  return trim(out);
};

/** `e` as a polynomial in `x`, or undefined. */
function polyOf(e: Expr, x: string): Poly | undefined {
  switch (e.kind) {
    case 'num': return trim([e.value]);
    case 'sym': return e.name === x ? [ZERO, ONE] : undefined;
    case 'neg': {
      const p = polyOf(e.arg, x);
      return p?.map(negQ);
    }
    case 'add': {
      let acc: Poly = [];
      for (const t of e.terms) {
        const p = polyOf(t, x);
        if (p === undefined) return undefined;
        acc = plus(acc, p);
      }
      return acc;
    }
    case 'sub': {
      const [a, b] = [polyOf(e.left, x), polyOf(e.right, x)];
      return a === undefined || b === undefined ? undefined : plus(a, b.map(negQ));
    }
    case 'mul': {
      let acc: Poly | undefined = [ONE];
      for (const f of e.factors) {
        const p = polyOf(f, x);
        acc = p === undefined || acc === undefined ? undefined : times(acc, p);
      }
      return acc;
    }
    case 'pow': {
      const base = polyOf(e.base, x);
      if (base === undefined || e.exp.kind !== 'num' || e.exp.value.den !== 1n || e.exp.value.num < 0n || e.exp.value.num > BigInt(MAX_DEGREE)) return undefined;
      let acc: Poly | undefined = [ONE];
      for (let i = 0n; i < e.exp.value.num && acc !== undefined; i++) acc = times(acc, base);
      return acc;
    }
    default: return undefined;
  }
}

/** n / d when d divides n exactly (d of degree at least 1), else undefined. */
function divide(n: Poly, d: Poly): Poly | undefined {
  if (d.length < 2 || n.length < d.length) return undefined;
  const rest = [...n];
  const quotient: Poly = Array.from({ length: n.length - d.length + 1 }, () => ZERO);
  for (let i = n.length - d.length; i >= 0; i--) {
    const c = divQ(rest[i + d.length - 1]!, d[d.length - 1]!);
    quotient[i] = c;
    d.forEach((y, j) => (rest[i + j] = subQ(rest[i + j]!, mulQ(c, y))));
  }
  return rest.every((c) => c.num === 0n) ? trim(quotient) : undefined;
}

/** A polynomial as a textbook writes it: descending powers, a positive lead where the highest is positive. */
function exprOf(p: Poly, x: string): Expr {
  const terms: Term[] = [];
  for (let k = p.length - 1; k >= 0; k--) {
    const c = p[k]!;
    if (c.num === 0n) continue;
    const magnitude = c.num < 0n ? negQ(c) : c;
    const power = k === 0 ? [] : [k === 1 ? sym(x) : pow(sym(x), num(rational(BigInt(k))))];
    terms.push({ negative: c.num < 0n, expr: fromMonomial({ coef: magnitude, factors: power, divisors: [] }) });
  }
  return sumOf(terms, true);
}

/** N/(D^k …) with N a polynomial in one variable that a polynomial factor D divides: N = D·Q. */
function found(e: Expr): { result: Expr; numerator: Expr; divisor: Expr; quotient: Expr } | undefined {
  if (e.kind !== 'div' || !isPolynomial(e.num) || !hasSeveralTerms(e.num)) return undefined;
  const names = freeSymbols(e.num);
  if (names.length !== 1) return undefined;
  const x = names[0]!;
  const n = polyOf(e.num, x);
  if (n === undefined) return undefined;
  const bottom = monomialOf(e.den);
  for (let i = 0; i < bottom.factors.length; i++) {
    const p = powerOf(bottom.factors[i]!);
    if (!isRational(p.exp) || p.exp.den !== 1n || p.exp.num < 1n || !hasSeveralTerms(p.base) || !isPolynomial(p.base)) continue;
    const d = polyOf(p.base, x);
    const q = d === undefined ? undefined : divide(n, d);
    if (q === undefined) continue;
    const quotient = exprOf(q, x);
    // N/D^k = D·Q/D^k: written so that cancel takes D out next, and says what it assumes.
    const result = div(productOf([p.base, quotient]), e.den);
    return { result, numerator: e.num, divisor: p.base, quotient };
  }
  return undefined;
}

export default defineRewrite({
  id: 'divide-polynomials',
  title: 'Factor the numerator by polynomial division',
  law: 'N(x) = D(x)\\,Q(x) \\;\\Rightarrow\\; \\frac{N(x)}{D(x)^{k}} = \\frac{D(x)\\,Q(x)}{D(x)^{k}}',
  on: ['div'],
  apply: (e) => {
    const f = found(e);
    return f === undefined || equals(f.result, e) ? undefined : f.result;
  },
  note: (e) => {
    const f = found(e);
    return f === undefined ? undefined : { text: '{N} = {D} · {Q}', values: { N: f.numerator, D: f.divisor, Q: f.quotient } };
  },
});

