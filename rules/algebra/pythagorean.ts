import type { Expr } from '../../src/expr/expr.js';
import { equals, fn, num, pow, two } from '../../src/expr/expr.js';
import { fromMonomial, numericValue, squaredCall, sumOf, termsOf, type Term } from '../../src/engine/algebra.js';
import { eqQ, negQ, type Rational } from '../../src/expr/rational.js';
import { defineRewrite } from '../../src/engine/rule.js';
import { KIND_BIT, shapeOf } from '../../src/expr/shape.js';

/**
 * The identities a + b = c, each part the square of a call (or 1). 1 − tanh² = sech² is not among
 * them: 1 − tanh²(u) is the form the hyperbolic rule prescribes for tanh'.
 */
const IDENTITIES: ReadonlyArray<readonly [string | 1, string | 1, string | 1]> = [
  ['sin', 'cos', 1],
  [1, 'tan', 'sec'],
  [1, 'cot', 'csc'],
  [1, 'sinh', 'cosh'],
];

/** A term as coefficient · f(u)², or as a number (f = 1). */
interface Square {
  readonly coef: Rational;
  readonly f: string | 1;
  readonly u?: Expr;
}

function squareOf(t: Term): Square | undefined {
  const value = numericValue(t.expr);
  if (value !== undefined) return { coef: t.negative ? negQ(value) : value, f: 1 };
  const square = squaredCall(t);
  return square === undefined ? undefined : { coef: square.coef, f: square.name, u: square.u };
}

/** The part `name` of an identity at the argument u, times `coef`, as a signed term. */
function termFor(name: string | 1, u: Expr, coef: Rational): Term {
  const magnitude = coef.num < 0n ? negQ(coef) : coef;
  const body = name === 1 ? num(magnitude) : fromMonomial({ coef: magnitude, factors: [pow(fn(name, [u]), two)], divisors: [] });
  return { negative: coef.num < 0n, expr: body };
}

/** The sum with two parts of an identity, c·a + c·b (or c·c − c·a), replaced by the third. */
function apply(e: Expr): Expr | undefined {
  // A sum with no call in it (most of them) holds no square of one: told by its shape, unwalked.
  if ((e.kind !== 'add' && e.kind !== 'sub') || (shapeOf(e).kinds & KIND_BIT.fn) === 0) return undefined;
  const terms = termsOf(e);
  const squares = terms.map(squareOf);
  // Most sums hold no square of a call at all.
  if (!squares.some((s) => s !== undefined && s.f !== 1)) return undefined;
  const find = (name: string | 1, u: Expr): number =>
    squares.findIndex((s) => s !== undefined && s.f === name && (name === 1 || equals(s.u!, u)));
  for (const s of squares) {
    if (s === undefined || s.f === 1) continue;
    const u = s.u!;
    for (const [a, b, c] of IDENTITIES) {
      if (s.f !== a && s.f !== b && s.f !== c) continue;
      const [ia, ib, ic] = [find(a, u), find(b, u), find(c, u)];
      const at = (i: number): Rational | undefined => (i < 0 ? undefined : squares[i]!.coef);
      const [ca, cb, cc] = [at(ia), at(ib), at(ic)];
      // c·a + c·b = c·(the third); c·c − c·a = c·b; c·c − c·b = c·a.
      const match =
        ca !== undefined && cb !== undefined && eqQ(ca, cb) ? { drop: [ia, ib], part: c, coef: ca }
        : cc !== undefined && ca !== undefined && eqQ(ca, negQ(cc)) ? { drop: [ic, ia], part: b, coef: cc }
        : cc !== undefined && cb !== undefined && eqQ(cb, negQ(cc)) ? { drop: [ic, ib], part: a, coef: cc }
        : undefined;
      if (match === undefined) continue;
      const first = Math.min(...match.drop);
      const replaced = termFor(match.part, u, match.coef);
      return sumOf(terms.flatMap((t, i) => (i === first ? [replaced] : match.drop.includes(i) ? [] : [t])), true);
    }
  }
  return undefined;
}

export default defineRewrite({
  id: 'pythagorean',
  title: 'Pythagorean identity',
  law: '\\sin^2 u + \\cos^2 u = 1,\\quad 1 + \\tan^2 u = \\sec^2 u,\\quad 1 + \\cot^2 u = \\csc^2 u,\\quad \\cosh^2 u - \\sinh^2 u = 1',
  on: ['add', 'sub'],
  apply,
});
