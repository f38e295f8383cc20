import type { Expr } from '../../src/expr/expr.js';
import { equals, fn, mul, num, two } from '../../src/expr/expr.js';
import { fromMonomial, monomialOf, squaredCall, sumOf, termsOf } from '../../src/engine/algebra.js';
import { divQ, eqQ, negQ, rational } from '../../src/expr/rational.js';
import { defineRewrite } from '../../src/engine/rule.js';

/** Products: f(u)·g(u) = h(2u)/2. Sums of squares: a(u)² ∓ b(u)² = c(2u). */
const PRODUCTS: ReadonlyArray<readonly [string, string, string]> = [['sin', 'cos', 'sin'], ['sinh', 'cosh', 'sinh']];
const SQUARES: ReadonlyArray<readonly [string, string, boolean, string]> = [['cos', 'sin', true, 'cos'], ['cosh', 'sinh', false, 'cosh']];

const call = (e: Expr): { name: string; u: Expr } | undefined =>
  e.kind === 'fn' && e.primes === 0 && e.args.length === 1 ? { name: e.name, u: e.args[0]! } : undefined;

/** 2k·sin(u)·cos(u)·… = k·sin(2u)·…, for a whole k. */
function product(e: Expr): Expr | undefined {
  const m = monomialOf(e);
  const half = divQ(m.coef, rational(2n));
  if (half.den !== 1n) return undefined;
  const calls = m.factors.map(call);
  for (const [f, g, h] of PRODUCTS) {
    const i = calls.findIndex((c) => c?.name === f);
    const j = i < 0 ? -1 : calls.findIndex((c) => c?.name === g && equals(c.u, calls[i]!.u));
    if (j < 0) continue;
    const doubled = fn(h, [mul(two, calls[i]!.u)]);
    return fromMonomial({ coef: half, factors: m.factors.flatMap((x, k) => (k === i ? [doubled] : k === j ? [] : [x])), divisors: m.divisors });
  }
  return undefined;
}

/** c·cos²u − c·sin²u = c·cos(2u), c·cosh²u + c·sinh²u = c·cosh(2u). */
function squares(e: Expr): Expr | undefined {
  const terms = termsOf(e);
  const squared = terms.map(squaredCall);
  for (const [a, b, minus, c] of SQUARES) {
    const i = squared.findIndex((s) => s?.name === a);
    if (i < 0) continue;
    const first = squared[i]!;
    const j = squared.findIndex((s) => s?.name === b && equals(s.u, first.u) && eqQ(s.coef, minus ? negQ(first.coef) : first.coef));
    if (j < 0) continue;
    const magnitude = first.coef.num < 0n ? negQ(first.coef) : first.coef;
    const replaced = { negative: first.coef.num < 0n, expr: fromMonomial({ coef: magnitude, factors: [fn(c, [mul(num(2), first.u)])], divisors: [] }) };
    return sumOf(terms.flatMap((t, k) => (k === Math.min(i, j) ? [replaced] : k === i || k === j ? [] : [t])), true);
  }
  return undefined;
}

export default defineRewrite({
  id: 'double-angle',
  title: 'Double-angle formula',
  law: '2\\sin u\\cos u = \\sin 2u,\\quad \\cos^2 u - \\sin^2 u = \\cos 2u,\\quad 2\\sinh u\\cosh u = \\sinh 2u,\\quad \\cosh^2 u + \\sinh^2 u = \\cosh 2u',
  on: ['mul', 'add', 'sub'],
  apply: (e) => (e.kind === 'mul' ? product(e) : e.kind === 'add' || e.kind === 'sub' ? squares(e) : undefined),
});
