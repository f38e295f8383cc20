import type { Expr } from '../../src/expr/expr.js';
import { add, equals, mul, num } from '../../src/expr/expr.js';
import { hashOf } from '../../src/expr/shape.js';
import { exprMap } from '../../src/expr/expr-map.js';
import { baseOf, exponentialLike, exponentOfE, fromPower, hasSeveralTerms, isRational, likeOf, monomialOf, numericValue, powerOf, productOf, rootOf, sameLike, termsOf, type Like } from '../../src/engine/algebra.js';
import { addQ, isIntegerQ, mulQ, type Rational } from '../../src/expr/rational.js';
import { defineRewrite } from '../../src/engine/rule.js';

/** Up to this many factors, a product is checked pair by pair for a repeated base; longer, by hashes. */
const PAIRWISE = 8;

/** Whether two factors (numbers aside) may share a base: false is certain, true may be a hash collision. */
function repeatsBase(factors: readonly Expr[]): boolean {
  if (factors.length > PAIRWISE) {
    const seen = new Set<number>();
    for (const f of factors) {
      if (f.kind === 'num') continue;
      const h = hashOf(baseOf(f));
      if (seen.has(h)) return true;
      seen.add(h);
    }
    return false;
  }
  for (let i = 1; i < factors.length; i++) {
    if (factors[i]!.kind === 'num') continue;
    const base = baseOf(factors[i]!);
    for (let j = 0; j < i; j++) if (factors[j]!.kind !== 'num' && equals(baseOf(factors[j]!), base)) return true;
  }
  return false;
}

/** The like-term classes of the terms of an exponent. */
const likesOf = (u: Expr): Like[] => termsOf(u).map((t) => likeOf(monomialOf(t.expr)));

/**
 * exp(a)·exp(b) = exp(a + b), in place of the first, when two of the exponents have like terms
 * (e^x·e^{−x} = e^0, e^x·e^x = e^{2x}); otherwise undefined: exp(σ(x))·e^{−x} stays as it is,
 * for the exponent σ(x) − x would hide σ's definition from the fold back.
 */
function collectExponentials(factors: readonly Expr[]): Expr | undefined {
  const exponents = factors.map(exponentOfE);
  const at = exponents.findIndex((u) => u !== undefined);
  if (at < 0 || exponents.findIndex((u, i) => i > at && u !== undefined) < 0) return undefined;
  const classes = exponents.flatMap((u) => (u === undefined ? [] : [likesOf(u)]));
  const related = classes.some((mine, i) => classes.some((theirs, j) => j > i && mine.some((a) => theirs.some((b) => sameLike(a, b)))));
  if (!related) return undefined;
  const sum = add(...exponents.filter((u): u is Expr => u !== undefined));
  const merged = exponentialLike(factors[at]!, sum);
  return productOf(factors.flatMap((f, i) => (i === at ? [merged] : exponents[i] !== undefined ? [] : [f])));
}

/**
 * u^a·(ⁿ√u)^b = (ⁿ√u)^{na + b} for a sum u: (x² + 4)·√(x² + 4) is √(x² + 4)³, the (x² + 4)^{3/2} of
 * a textbook. A bare symbol stays as written (x√x).
 */
function collectRoots(factors: readonly Expr[]): Expr | undefined {
  const powers = factors.map(powerOf);
  for (let i = 0; i < factors.length; i++) {
    const p = powers[i]!;
    const root = rootOf(p.base);
    if (root === undefined || !isRational(p.exp) || !hasSeveralTerms(root.radicand)) continue;
    const j = powers.findIndex((q, k) => k !== i && isRational(q.exp) && equals(q.base, root.radicand));
    const a = j < 0 ? undefined : powers[j]!.exp;
    if (a === undefined || !isRational(a)) continue;
    const merged = fromPower(p.base, addQ(mulQ(a, root.index), p.exp));
    return productOf(factors.flatMap((f, k) => (k === i ? [merged] : k === j ? [] : [f])));
  }
  return undefined;
}

export default defineRewrite({
  id: 'collect-powers',
  title: 'Collect the powers',
  law: 'u \\cdot u = u^{2},\\quad u^{a} u^{b} = u^{a+b},\\quad (u^{a})^{n} = u^{an},\\quad e^{a} e^{b} = e^{a+b},\\quad \\left(e^{a}\\right)^{n} = e^{na}',
  on: ['mul', 'pow'],
  apply: (e) => {
    // (e^a)^n = e^{na}: exp(x)^2 is exp(2x), a power a textbook (and LaTeX) writes with one exponent.
    if (e.kind === 'pow') {
      const a = exponentOfE(e.base);
      const n = numericValue(e.exp);
      if (a !== undefined && n !== undefined && isIntegerQ(n)) return exponentialLike(e.base, mul(e.exp, a));
    }
    // (u^a)^b = u^{ab} only for an integer b: (x^2)^{1/2} is |x|, not x.
    if (e.kind === 'pow' && e.base.kind === 'pow') {
      const a = numericValue(e.base.exp);
      const b = numericValue(e.exp);
      if (a !== undefined && b !== undefined && isIntegerQ(b)) return fromPower(e.base.base, mulQ(a, b));
      return undefined;
    }
    if (e.kind !== 'mul') return undefined;
    const exponentials = collectExponentials(e.factors);
    if (exponentials !== undefined) return exponentials;
    const roots = collectRoots(e.factors);
    if (roots !== undefined) return roots;
    if (!repeatsBase(e.factors)) return undefined;
    // In order of first appearance; a number is a group of its own.
    const groups: Array<{ base: Expr; exps: Array<Rational | Expr> }> = [];
    const byBase = exprMap<{ base: Expr; exps: Array<Rational | Expr> }>();
    for (let i = 0; i < e.factors.length; i++) {
      const f = e.factors[i]!;
      if (f.kind === 'num') {
        groups.push({ base: f, exps: [] });
        continue;
      }
      const { base, exp } = powerOf(f);
      const group = byBase.get(base);
      if (group !== undefined) group.exps.push(exp);
      else {
        const fresh = { base, exps: [exp] };
        byBase.set(base, fresh);
        groups.push(fresh);
      }
    }
    if (groups.every((g) => g.exps.length <= 1)) return undefined;
    return productOf(
      groups.map(({ base, exps }) => {
        if (exps.length === 0) return base;
        if (exps.every(isRational)) return fromPower(base, exps.reduce((a, b) => addQ(a, b)));
        return fromPower(base, add(...exps.map((x) => (isRational(x) ? num(x) : x))));
      }),
    );
  },
});
