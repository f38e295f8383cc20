import type { Expr } from '../../src/expr/expr.js';
import { neg, num, one, zero } from '../../src/expr/expr.js';
import { rational, type Rational } from '../../src/expr/rational.js';
import { numericValue } from '../../src/engine/algebra.js';
import { defineRewrite } from '../../src/engine/rule.js';

/** Function → argument (as a number, or e or π) → value, for the values every table of functions gives. */
const KNOWN: Readonly<Record<string, ReadonlyArray<readonly [number | 'e' | 'pi', Expr]>>> = {
  exp: [[0, one]],
  log: [[1, zero], ['e', one]],
  sqrt: [[0, zero], [1, one]],
  cbrt: [[0, zero], [1, one]],
  sin: [[0, zero], ['pi', zero]],
  cos: [[0, one], ['pi', neg(one)]],
  tan: [[0, zero], ['pi', zero]],
  sinh: [[0, zero]],
  cosh: [[0, one]],
  tanh: [[0, zero]],
  asin: [[0, zero]],
  atan: [[0, zero]],
  abs: [[0, zero]],
};

/** The n-th root of a bigint when it is whole, by Newton's method on bigints. */
function wholeRoot(a: bigint, n: bigint): bigint | undefined {
  if (a < 0n) return n % 2n === 1n ? negated(wholeRoot(-a, n)) : undefined;
  if (a < 2n) return a;
  let x = 1n << BigInt(Math.ceil(a.toString(2).length / Number(n)) + 1);
  for (;;) {
    const next = ((n - 1n) * x + a / x ** (n - 1n)) / n;
    if (next >= x) break;
    x = next;
  }
  return x ** n === a ? x : undefined;
}

const negated = (r: bigint | undefined): bigint | undefined => (r === undefined ? undefined : -r);

/** The exact n-th root of a rational, when numerator and denominator are both perfect powers. */
function exactRoot(q: Rational, n: number): Rational | undefined {
  const top = wholeRoot(q.num, BigInt(n));
  const bottom = wholeRoot(q.den, BigInt(n));
  return top === undefined || bottom === undefined ? undefined : rational(top, bottom);
}

export default defineRewrite({
  id: 'known-values',
  title: 'Known values',
  law: 'e^{0} = 1,\\quad \\ln 1 = 0,\\quad \\ln e = 1,\\quad \\sin 0 = 0,\\quad \\cos \\pi = -1,\\quad \\sqrt{4} = 2',
  on: ['fn', 'pow'],
  apply: (e) => {
    // e^0, as exp(0) is.
    if (e.kind === 'pow' && e.base.kind === 'const' && e.base.name === 'e' && numericValue(e.exp)?.num === 0n) return one;
    if (e.kind !== 'fn' || e.primes !== 0 || e.args.length !== 1 || !Object.hasOwn(KNOWN, e.name)) return undefined;
    const arg = e.args[0]!;
    const value = numericValue(arg);
    for (const [at, result] of KNOWN[e.name]!) {
      if (typeof at === 'string' ? arg.kind === 'const' && arg.name === at : value !== undefined && value.den === 1n && value.num === BigInt(at)) return result;
    }
    // The square root of a perfect square, the cube root of a perfect cube: sqrt(4) = 2, cbrt(-1/8) = -1/2.
    const root = value === undefined ? undefined : e.name === 'sqrt' ? exactRoot(value, 2) : e.name === 'cbrt' ? exactRoot(value, 3) : undefined;
    return root === undefined ? undefined : num(root);
  },
});
