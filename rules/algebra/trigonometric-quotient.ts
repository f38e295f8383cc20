import type { Expr } from '../../src/expr/expr.js';
import { equals, fn } from '../../src/expr/expr.js';
import { fromMonomial, fromPower, isRational, monomialOf, powerOf } from '../../src/engine/algebra.js';
import { subQ, type Rational } from '../../src/expr/rational.js';
import { defineRewrite } from '../../src/engine/rule.js';
import { KIND_BIT, shapeOf } from '../../src/expr/shape.js';

/** numerator function, denominator function → their quotient (null above: a reciprocal). */
const QUOTIENTS: ReadonlyArray<readonly [string | null, string, string]> = [
  ['sin', 'cos', 'tan'],
  ['cos', 'sin', 'cot'],
  ['sinh', 'cosh', 'tanh'],
  ['cosh', 'sinh', 'coth'],
  [null, 'cos', 'sec'],
  [null, 'sin', 'csc'],
];

/** f(u)^k as (name, u, k) when k is a positive number. */
function callPower(e: Expr): { name: string; u: Expr; k: Rational } | undefined {
  const p = powerOf(e);
  if (!isRational(p.exp) || p.exp.num <= 0n || p.base.kind !== 'fn' || p.base.args.length !== 1 || p.base.primes !== 0) return undefined;
  return { name: p.base.name, u: p.base.args[0]!, k: p.exp };
}

const smaller = (a: Rational, b: Rational): Rational => (subQ(a, b).num < 0n ? a : b);

function apply(e: Expr): Expr | undefined {
  if (e.kind !== 'div' || (shapeOf(e.den).kinds & KIND_BIT.fn) === 0) return undefined;
  const m = monomialOf(e);
  const below = m.divisors.map(callPower);
  if (!below.some((b) => b !== undefined)) return undefined;
  const above = m.factors.map(callPower);
  for (const [top, bottom, quotient] of QUOTIENTS) {
    const j = below.findIndex((b) => b?.name === bottom);
    if (j < 0) continue;
    const b = below[j]!;
    const i = top === null ? -1 : above.findIndex((a) => a?.name === top && equals(a.u, b.u));
    if (top !== null && i < 0) continue;
    const k = i < 0 ? b.k : smaller(above[i]!.k, b.k);
    const factors = m.factors.flatMap((f, n) => (n === i ? [fromPower(fn(top!, [b.u]), subQ(above[i]!.k, k))] : [f]));
    const divisors = m.divisors.map((f, n) => (n === j ? fromPower(fn(bottom, [b.u]), subQ(b.k, k)) : f));
    const result = fromMonomial({ coef: m.coef, factors: [...factors, fromPower(fn(quotient, [b.u]), k)], divisors });
    return result;
  }
  return undefined;
}

export default defineRewrite({
  id: 'trigonometric-quotient',
  title: 'A quotient of trigonometric functions',
  law: '\\frac{\\sin u}{\\cos u} = \\tan u,\\quad \\frac{\\cos u}{\\sin u} = \\cot u,\\quad \\frac{\\sinh u}{\\cosh u} = \\tanh u,\\quad \\frac{1}{\\cos u} = \\sec u,\\quad \\frac{1}{\\sin u} = \\csc u',
  on: ['div'],
  apply,
});
