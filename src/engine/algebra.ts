// Views of an expression that algebraic rules share: a sum as signed terms, a product as an exact
// coefficient times factors, a factor as base^exponent. Builders turn the views back into Exprs in
// the form a textbook writes (positive term first, x/2 rather than 0.5·x, 1/u^n rather than u^-n).

import type { Comparison, Expr, ExprOf } from '../expr/expr.js';
import { add, childAt, childCount, cmp, div, E, equals, fn, isNum, mul, neg, num, one, pow, sub, substitute, sym, zero } from '../expr/expr.js';
import { exprMap, exprSet, HashMap } from '../expr/expr-map.js';
import { KIND_BIT, hashOf, mix, shapeOf } from '../expr/shape.js';
import { ONE, ZERO, addQ, divQ, eqQ, isIntegerQ, mulQ, negQ, rational, type Rational } from '../expr/rational.js';

/** A term of a sum, with its sign kept apart. */
export interface Term {
  readonly negative: boolean;
  readonly expr: Expr;
}

/** Whether termsOf(e) has more than one term, found without listing them. */
export function hasSeveralTerms(e: Expr): boolean {
  if (e.kind === 'neg') return hasSeveralTerms(e.arg);
  if (e.kind === 'sub') return true;
  return e.kind === 'add' && (e.terms.length > 1 || (e.terms.length === 1 && hasSeveralTerms(e.terms[0]!)));
}

/** The signed terms of a sum or difference, flattening nested sums and negations. */
export function termsOf(e: Expr): Term[] {
  const out: Term[] = [];
  const visit = (node: Expr, negative: boolean): void => {
    if (node.kind === 'add') for (let i = 0; i < node.terms.length; i++) visit(node.terms[i]!, negative);
    else if (node.kind === 'sub') {
      visit(node.left, negative);
      visit(node.right, !negative);
    } else if (node.kind === 'neg') visit(node.arg, !negative);
    else if (node.kind === 'num' && node.value.num < 0n) out.push({ negative: !negative, expr: num(negQ(node.value)) });
    else out.push({ negative, expr: node });
  };
  visit(e, false);
  return out;
}

/** A sum built from signed terms in their order; with `leadPositive`, a positive term first (ŷ − t, not −t + ŷ). */
export function sumOf(terms: readonly Term[], leadPositive = false): Expr {
  if (terms.length === 0) return zero;
  const lead = leadPositive ? terms.findIndex((t) => !t.negative) : 0;
  const ordered = lead <= 0 ? [...terms] : [terms[lead]!, ...terms.slice(0, lead), ...terms.slice(lead + 1)];
  // A run of added terms is one n-ary sum; a subtracted term closes it: ((a + b) - c) + d.
  let run: Expr[] = [ordered[0]!.negative ? neg(ordered[0]!.expr) : ordered[0]!.expr];
  const close = (): Expr => (run.length === 1 ? run[0]! : add(...run));
  for (const t of ordered.slice(1)) {
    if (t.negative) run = [sub(close(), t.expr)];
    else run.push(t.expr);
  }
  return close();
}

// What numericValue cannot evaluate: a symbol, a derivative or a call anywhere settles it at once.
const NOT_NUMERIC = KIND_BIT.sym | KIND_BIT.d | KIND_BIT.fn;

/** The exact value of a number literal or of arithmetic on number literals, if it is one. */
export function numericValue(e: Expr): Rational | undefined {
  // A symbol or a call anywhere below settles it without walking (rules ask this of every node).
  if ((shapeOf(e).kinds & NOT_NUMERIC) !== 0) return undefined;
  switch (e.kind) {
    case 'num': return e.value;
    case 'neg': {
      const v = numericValue(e.arg);
      return v === undefined ? undefined : negQ(v);
    }
    case 'add': case 'sub': case 'mul': case 'div': {
      let acc: Rational | undefined;
      for (let i = 0, n = childCount(e); i < n; i++) {
        const v = numericValue(childAt(e, i));
        if (v === undefined) return undefined;
        if (i === 0) acc = v;
        else if (e.kind === 'add') acc = addQ(acc!, v);
        else if (e.kind === 'sub') acc = addQ(acc!, negQ(v));
        else if (e.kind === 'mul') acc = mulQ(acc!, v);
        else if (v.num === 0n) return undefined;
        else acc = divQ(acc!, v);
      }
      return acc;
    }
    case 'pow': {
      const base = numericValue(e.base);
      const exponent = numericValue(e.exp);
      if (base === undefined || exponent === undefined || !isIntegerQ(exponent)) return undefined;
      const n = exponent.num < 0n ? -exponent.num : exponent.num;
      if (n > 64n || (base.num === 0n && exponent.num < 0n)) return undefined;
      let acc = ONE;
      for (let i = 0n; i < n; i++) acc = mulQ(acc, base);
      return exponent.num < 0n ? divQ(ONE, acc) : acc;
    }
    default: return undefined;
  }
}

/** A product seen as an exact coefficient times non-numeric factors (numerator and denominator). */
export interface Monomial {
  readonly coef: Rational;
  readonly factors: readonly Expr[];
  readonly divisors: readonly Expr[];
}

/**
 * What walkMonomial meets: a factor (a zero below the line is one), a number, or a negation. Each
 * reader is a small class: one object per walk, where a literal of closures was five (the walks
 * run on every term of every new sum).
 */
interface MonomialParts {
  factor(f: Expr, below: boolean): void;
  number(value: Rational, below: boolean): void;
  negation(): void;
}

/** Walks the product, quotient and negation spine of a term, as monomialOf reads it. */
function walkMonomial(e: Expr, below: boolean, parts: MonomialParts): void {
  const value = numericValue(e);
  if (value !== undefined) {
    if (value.num === 0n && below) parts.factor(e, below);
    else parts.number(value, below);
  } else if (e.kind === 'mul') for (let i = 0; i < e.factors.length; i++) walkMonomial(e.factors[i]!, below, parts);
  else if (e.kind === 'neg') {
    parts.negation();
    walkMonomial(e.arg, below, parts);
  } else if (e.kind === 'div') {
    walkMonomial(e.num, below, parts);
    walkMonomial(e.den, !below, parts);
  } else parts.factor(e, below);
}

/** Reads a term into its coefficient, factors and divisors. */
class MonomialReader implements MonomialParts {
  coef = ONE;
  readonly factors: Expr[] = [];
  readonly divisors: Expr[] = [];

  factor(f: Expr, below: boolean): void {
    (below ? this.divisors : this.factors).push(f);
  }

  number(value: Rational, below: boolean): void {
    this.coef = below ? divQ(this.coef, value) : mulQ(this.coef, value);
  }

  negation(): void {
    this.coef = negQ(this.coef);
  }
}

/** The monomial view of a term: 3·x·y/(2z) is 3/2 · [x, y] / [z]. */
export function monomialOf(e: Expr): Monomial {
  const m = new MonomialReader();
  walkMonomial(e, false, m);
  return { coef: m.coef, factors: m.factors, divisors: m.divisors };
}

/** Sums a term's like signature (see likeSignature). */
class SignatureReader implements MonomialParts {
  sum = 0;
  exact = true;

  factor(f: Expr, below: boolean): void {
    const exp = exactExponentOf(f);
    const side = below ? -1 : 1;
    if (exp === undefined) this.sum = (this.sum + mix(hashOf(f), side)) | 0;
    else if (exp.den !== 1n || exp.num > SMALL_EXPONENT || exp.num < -SMALL_EXPONENT) this.exact = false;
    else this.sum = (this.sum + Math.imul(hashOf(baseOf(f)), side * Number(exp.num))) | 0;
  }

  number(): void {}

  negation(): void {}
}

/**
 * A number that like terms share, found without building their monomials or likes: the sum over
 * factors of hash(base) × exponent (so x·x and x² agree, and y/y adds nothing) and of a hash of each
 * symbolic power, modulo 2^32. Undefined where an exponent is not a small integer.
 */
export function likeSignature(e: Expr): number | undefined {
  const s = new SignatureReader();
  walkMonomial(e, false, s);
  return s.exact ? s.sum : undefined;
}

/** Lists the hashes of a term's bases with exact exponents. */
class BaseHashReader implements MonomialParts {
  readonly hashes: number[] = [];

  factor(f: Expr): void {
    if (exactExponentOf(f) !== undefined) this.hashes.push(hashOf(baseOf(f)));
  }

  number(): void {}

  negation(): void {}
}

/** The hashes of the bases of a term's factors with exact exponents, above and below the line (factor's view). */
export function baseHashes(e: Expr): number[] {
  const r = new BaseHashReader();
  walkMonomial(e, false, r);
  return r.hashes;
}

// Exponents up to this size are exact as Numbers in likeSignature's products.
const SMALL_EXPONENT = 1n << 20n;

/** The monomial with another coefficient (a literal of the Monomial layout, not a spread: see contextFor in rewrite.ts). */
export const withCoef = (m: Monomial, coef: Rational): Monomial => ({ coef, factors: m.factors, divisors: m.divisors });

/** A product of factors, flattened, without 1s; one factor stands alone, none is 1. */
export function productOf(factors: readonly Expr[]): Expr {
  const flat: Expr[] = [];
  const keep = (f: Expr): void => void (isNum(f, 1) || flat.push(f));
  for (const f of factors) {
    if (f.kind === 'mul') f.factors.forEach(keep);
    else keep(f);
  }
  return flat.length === 0 ? one : flat.length === 1 ? flat[0]! : mul(...flat);
}

/** A monomial as a textbook writes it: c·x/y, −x, x/2, 3x/(2y). */
export function fromMonomial(m: Monomial): Expr {
  if (m.coef.num === 0n) return zero;
  const negative = m.coef.num < 0n;
  const magnitude = negative ? negQ(m.coef) : m.coef;
  const top = productOf([...(magnitude.num === 1n ? [] : [num(magnitude.num)]), ...m.factors]);
  const bottom = productOf([...(magnitude.den === 1n ? [] : [num(magnitude.den)]), ...m.divisors]);
  const body = isNum(bottom, 1) ? top : div(top, bottom);
  return negative ? neg(body) : body;
}

/** What like terms share: each base with its total exact exponent, and the factors with other exponents. */
export interface Like {
  /** Bases (each once) with non-zero total exponents, and those totals, index for index. */
  readonly bases: readonly Expr[];
  readonly exponents: readonly Rational[];
  /** Factors whose exponent is not a number, and the side of the fraction each is on (1 above, −1 below). */
  readonly symbolic: readonly Expr[];
  readonly sides: readonly number[];
  /** Independent of the order of the parts, as two like terms may list their factors in any order. */
  readonly hash: number;
}

// Number() of a bigint is exact below 2^53 and deterministic above, which is all a hash needs
// (BigInt.asIntN would allocate two bigints per exponent, on every term of every new sum).
const rationalHash = (q: Rational): number => mix(Number(q.num) | 0, Number(q.den) | 0);

const NO_EXPRS: readonly Expr[] = Object.freeze([]);
const NO_SIDES: readonly number[] = Object.freeze([]);

/** The part of a monomial like terms share: base^exponent of each factor, so 2·x·x and x² are alike. */
export function likeOf(m: Monomial): Like {
  // Asked of every term of every new sum, so it builds only the lists it returns.
  const above = m.factors.length;
  const count = above + m.divisors.length;
  // Most terms have a few factors: a list searched in place beats a map until there are many.
  const index = count > 8 ? exprMap<number>() : undefined;
  const bases: Expr[] = [];
  const exponents: Rational[] = [];
  let symbolic: Expr[] | undefined;
  let sides: number[] | undefined;
  for (let i = 0; i < count; i++) {
    const f = i < above ? m.factors[i]! : m.divisors[i - above]!;
    const side = i < above ? 1 : -1;
    // As powerOf reads the factor, without building its pair.
    const base = baseOf(f);
    const exp = exactExponentOf(f);
    if (exp === undefined) {
      (symbolic ??= []).push(f);
      (sides ??= []).push(side);
      continue;
    }
    const signed = side === 1 ? exp : negQ(exp);
    const at = index !== undefined ? (index.get(base) ?? -1) : indexOfEqual(bases, base);
    if (at >= 0) exponents[at] = addQ(exponents[at]!, signed);
    else {
      index?.set(base, bases.length);
      bases.push(base);
      exponents.push(signed);
    }
  }
  // A base whose exponents cancel (y in x·y/y) is no part of the class: dropped in place.
  let kept = 0;
  let hash = 0;
  for (let i = 0; i < bases.length; i++) {
    const q = exponents[i]!;
    if (q.num === 0n) continue;
    hash = (hash + mix(hashOf(bases[i]!), rationalHash(q))) | 0;
    bases[kept] = bases[i]!;
    exponents[kept++] = q;
  }
  bases.length = kept;
  exponents.length = kept;
  if (symbolic !== undefined) for (let i = 0; i < symbolic.length; i++) hash = (hash + mix(hashOf(symbolic[i]!), sides![i]!)) | 0;
  return { bases, exponents, symbolic: symbolic ?? NO_EXPRS, sides: sides ?? NO_SIDES, hash };
}

/** The index of the first of `es` equal to `e`, or −1. */
function indexOfEqual(es: readonly Expr[], e: Expr): number {
  for (let i = 0; i < es.length; i++) if (equals(es[i]!, e)) return i;
  return -1;
}

/** Whether two monomials are like terms (their parts agree, in any order). */
export function sameLike(a: Like, b: Like): boolean {
  if (a.hash !== b.hash || a.bases.length !== b.bases.length || a.symbolic.length !== b.symbolic.length) return false;
  // The bases of a Like are distinct, so each has at most one partner.
  for (let i = 0; i < a.bases.length; i++) {
    let partner = false;
    for (let j = 0; j < b.bases.length && !partner; j++) partner = eqQ(a.exponents[i]!, b.exponents[j]!) && equals(a.bases[i]!, b.bases[j]!);
    if (!partner) return false;
  }
  if (a.symbolic.length === 0) return true;
  // Symbolic factors may repeat (x^y · x^y), so they are matched one to one.
  const used = b.symbolic.map(() => false);
  for (let i = 0; i < a.symbolic.length; i++) {
    let j = 0;
    while (j < b.symbolic.length && (used[j] || a.sides[i] !== b.sides[j] || !equals(a.symbolic[i]!, b.symbolic[j]!))) j++;
    if (j === b.symbolic.length) return false;
    used[j] = true;
  }
  return true;
}

/** A map whose keys are like-term classes. */
export const likeMap = <V>(): HashMap<Like, V> => new HashMap<Like, V>((l) => l.hash, sameLike);

/** A factor as base^exponent, the exponent exact when it is a number. */
export interface Power {
  readonly base: Expr;
  readonly exp: Rational | Expr;
}

export const isRational = (e: Rational | Expr): e is Rational => !('kind' in e);

/** The base of a factor read as base^exponent: x for x^3 and for x. */
export const baseOf = (e: Expr): Expr => (e.kind === 'pow' ? e.base : e);

/** The exponent of a factor when it is an exact number: 3 for x^3, 1 for x, undefined for e^y. */
export const exactExponentOf = (e: Expr): Rational | undefined => (e.kind === 'pow' ? numericValue(e.exp) : ONE);

/** base^exp of a factor: x^3 is (x, 3), x is (x, 1), e^y stays (e, y). */
export function powerOf(e: Expr): Power {
  return { base: baseOf(e), exp: exactExponentOf(e) ?? (e as ExprOf<'pow'>).exp };
}

/** base^exp as an Expr: exponent 1 is the base itself, a negative exponent a fraction. */
export function fromPower(base: Expr, exp: Rational | Expr): Expr {
  if (!isRational(exp)) return pow(base, exp);
  if (eqQ(exp, ONE)) return base;
  if (eqQ(exp, ZERO)) return one;
  return pow(base, num(exp));
}


/** The exponent u of e^u or exp(u), or undefined for any other node. */
export function exponentOfE(e: Expr): Expr | undefined {
  if (e.kind === 'fn' && e.name === 'exp' && e.primes === 0 && e.args.length === 1) return e.args[0];
  if (e.kind === 'pow' && e.base.kind === 'const' && e.base.name === 'e') return e.exp;
  return undefined;
}

/** A signed term c·f(u)² (f a one-argument call) as c, f and u: 2·sin(x)² is 2, sin, x. */
export function squaredCall(t: Term): { readonly coef: Rational; readonly name: string; readonly u: Expr } | undefined {
  const m = monomialOf(t.expr);
  const f = m.factors.length === 1 && m.divisors.length === 0 ? m.factors[0]! : undefined;
  if (f?.kind !== 'pow' || f.exp.kind !== 'num' || !eqQ(f.exp.value, TWO)) return undefined;
  const call = f.base;
  if (call.kind !== 'fn' || call.args.length !== 1 || call.primes !== 0) return undefined;
  return { coef: t.negative ? negQ(m.coef) : m.coef, name: call.name, u: call.args[0]! };
}

/** e^u written as `like` writes its exponential: exp(u) after an exp call, e^u otherwise. */
export const exponentialLike = (like: Expr, u: Expr): Expr => (like.kind === 'fn' ? fn('exp', [u]) : pow(E, u));

const TWO = rational(2n);
const THREE = rational(3n);

/** The radicand and the index of a root: (u, 2) for √u, (u, 3) for ∛u, (u, n) for nthRoot(u, n) with n a whole number. */
export function rootOf(e: Expr): { radicand: Expr; index: Rational } | undefined {
  if (e.kind !== 'fn' || e.primes !== 0) return undefined;
  if (e.name === 'sqrt') return { radicand: e.args[0]!, index: TWO };
  if (e.name === 'cbrt') return { radicand: e.args[0]!, index: THREE };
  if (e.name !== 'nthRoot') return undefined;
  const index = numericValue(e.args[1]!);
  return index !== undefined && isIntegerQ(index) && index.num > 1n ? { radicand: e.args[0]!, index } : undefined;
}

/** a − b when it is a number once like terms cancel (D − N = 1 for D = 1 + e^{-x}, N = e^{-x}). */
export function constantDifference(a: Expr, b: Expr): Rational | undefined {
  const totals = likeMap<Rational>();
  const terms = [...termsOf(a), ...termsOf(b).map((t) => ({ negative: !t.negative, expr: t.expr }))];
  for (const t of terms) {
    const m = monomialOf(t.expr);
    const k = likeOf(m);
    const coef = t.negative ? negQ(m.coef) : m.coef;
    totals.set(k, addQ(totals.get(k) ?? ZERO, coef));
  }
  const numbers = likeOf({ coef: ONE, factors: [], divisors: [] });
  const values = totals.values();
  if (totals.keys().some((k, i) => !sameLike(k, numbers) && values[i]!.num !== 0n)) return undefined;
  return totals.get(numbers) ?? ZERO;
}

/** A factor's base and the factors of that base's terms: e^{-x} for (1 + e^{-x})². */
export function termFactors(factor: Expr): HashMap<Expr, true> {
  const base = powerOf(factor).base;
  return exprSet([base, ...termsOf(base).flatMap((t) => monomialOf(t.expr).factors)]);
}

/** The number of nodes of `e` (cached with the node, so checking a growing expression stays cheap). */
export function nodeCount(e: Expr): number {
  return shapeOf(e).nodes;
}

/** The size of `e` as its printed text parses: −3 is two nodes, 1/3 three, 0.5 one, ln 2 one. */
export function cost(e: Expr): number {
  return shapeOf(e).cost;
}

/** Whether a fraction stands inside `e`'s arithmetic (through sums, products, signs and a power's base; not inside a call). */
function holdsFraction(e: Expr): boolean {
  switch (e.kind) {
    case 'div': return true;
    case 'add': case 'sub': case 'mul': case 'neg':
      for (let i = 0, n = childCount(e); i < n; i++) if (holdsFraction(childAt(e, i))) return true;
      return false;
    case 'pow': return holdsFraction(e.base);
    default: return false;
  }
}

/**
 * How many compound fractions `e` holds: fractions with a fraction in their numerator or
 * denominator, (a/b + c)/d, which a textbook writes over one denominator. A fraction inside a
 * call's argument, as in exp(−x²/2)/σ, is a fraction of its own and does not count, and so is one
 * in a factor's sum: x^{sin x}(cos x ln x + sin x/x) is the textbook's own form.
 */
export function compoundFractions(e: Expr): number {
  if ((shapeOf(e).kinds & KIND_BIT.div) === 0) return 0;
  let count = e.kind === 'div' && (holdsFraction(e.num) || holdsFraction(e.den)) ? 1 : 0;
  for (let i = 0, n = childCount(e); i < n; i++) count += compoundFractions(childAt(e, i));
  return count;
}

/**
 * The largest subtree (by cost) whose strategies are judged by the form normalising leaves, and on
 * which the moves for a textbook's form alone (order, clearing fractions, a power of a sum
 * multiplied out) are tried: a result a reader takes in is well below it, and on a large random
 * expression such moves cost more than they are worth.
 */
export const TEXTBOOK_COST = 80;

/** Most terms one expansion may produce: multiplying out (x+1)(x+2)…(x+100) would never end. */
export const MAX_EXPANDED_TERMS = 64;

/** A whole power of a sum, (a + b)^n with n a whole number from 2 on. */
type PowerOfSum = ExprOf<'pow'> & { readonly exp: ExprOf<'num'> };

/** Whether `e` is a whole power of a sum, (a + b)^n with n a whole number from 2 on. */
export const isPowerOfSum = (e: Expr): e is PowerOfSum =>
  e.kind === 'pow' && e.exp.kind === 'num' && e.exp.value.den === 1n && e.exp.value.num >= 2n && hasSeveralTerms(e.base);

/** A term read as the factors to multiply out: a power of a sum (a + b)² as the factors a + b, a + b. */
/** The factors of a product as written, or the expression alone. */
export const factorsOf = (e: Expr): readonly Expr[] => (e.kind === 'mul' ? e.factors : [e]);

/** The factors of a product, powers of sums written out as repeated factors. */
export function multiplicands(e: Expr): Expr[] {
  const factors = e.kind === 'mul' ? e.factors : [e];
  return factors.flatMap((f) => (isPowerOfSum(f) ? Array.from({ length: Number(f.exp.value.num) }, () => f.base) : [f]));
}

/**
 * Whether a term has something to multiply out: a factor that is a sum, or a power of one (the
 * latter only in a term of a textbook's size: (1 − x)² + (1 + x)² is 2 + 2x², but the powers of
 * sums of a large expression multiply out into more than they can save).
 */
export const isExpandable = (e: Expr): boolean =>
  e.kind === 'mul' ? e.factors.some((f) => hasSeveralTerms(f) || (isPowerOfSum(f) && cost(e) <= TEXTBOOK_COST)) : isPowerOfSum(e) && cost(e) <= TEXTBOOK_COST;

/** How many terms multiplying out `factors` gives (capped just past MAX_EXPANDED_TERMS). */
export function expandedCount(factors: readonly Expr[]): number {
  let n = 1;
  for (const f of factors) {
    n *= termsOf(f).length;
    if (n > MAX_EXPANDED_TERMS) return MAX_EXPANDED_TERMS + 1;
  }
  return n;
}

/** The signed terms of a product of sums, multiplied out. */
export function expandProduct(factors: readonly Expr[]): Term[] {
  let acc: Term[] = [{ negative: false, expr: productOf([]) }];
  for (const f of factors) {
    const terms = termsOf(f);
    acc = acc.flatMap((a) => terms.map((t) => ({ negative: a.negative !== t.negative, expr: productOf([a.expr, t.expr]) })));
  }
  return acc;
}

/** Whether `e` is a polynomial: numbers and symbols under sums, products and whole non-negative powers. */
export function isPolynomial(e: Expr): boolean {
  switch (e.kind) {
    case 'num': case 'sym': return true;
    case 'add': case 'sub': case 'mul': case 'neg':
      for (let i = 0, n = childCount(e); i < n; i++) if (!isPolynomial(childAt(e, i))) return false;
      return true;
    case 'pow': return e.exp.kind === 'num' && e.exp.value.den === 1n && e.exp.value.num >= 0n && isPolynomial(e.base);
    default: return false;
  }
}

/**
 * `left op right` as `x op' b` when left − right is linear in x with exact coefficients (0 > x is
 * x < 0, 0.01x > x is x < 0): the form a boundary is read off. Left as written otherwise.
 */
export function comparisonOn(op: Comparison, left: Expr, right: Expr, x: string): Expr {
  const difference = sub(left, right);
  const at = (v: number): Rational | undefined => numericValue(substitute(difference, new Map([[x, num(v)]])));
  const [v0, v1, v2] = [at(0), at(1), at(2)];
  if (v0 === undefined || v1 === undefined || v2 === undefined) return cmp(op, left, right);
  const slope = addQ(v1, negQ(v0));
  if (slope.num === 0n || !eqQ(addQ(v2, negQ(v1)), slope)) return cmp(op, left, right);
  // s·x + c op 0 is x op −c/s, the comparison turned round when s < 0.
  const flipped: Record<Comparison, Comparison> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
  return cmp(slope.num < 0n ? flipped[op] : op, sym(x), num(divQ(negQ(v0), slope)));
}
