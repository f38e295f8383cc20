import type { Expr } from '../../src/expr/expr.js';
import { one, zero } from '../../src/expr/expr.js';
import { numericValue } from '../../src/engine/algebra.js';
import { defineRewrite } from '../../src/engine/rule.js';

/** Function → argument (as a number, or 'e') → value, for the values every table of functions gives. */
const KNOWN: Readonly<Record<string, ReadonlyArray<readonly [number | 'e', Expr]>>> = {
  exp: [[0, one]],
  log: [[1, zero], ['e', one]],
  sqrt: [[0, zero], [1, one]],
  cbrt: [[0, zero], [1, one]],
  sin: [[0, zero]],
  cos: [[0, one]],
  tan: [[0, zero]],
  sinh: [[0, zero]],
  cosh: [[0, one]],
  tanh: [[0, zero]],
  asin: [[0, zero]],
  atan: [[0, zero]],
  abs: [[0, zero]],
};

export default defineRewrite({
  id: 'known-values',
  title: 'Known values',
  law: 'e^{0} = 1,\\quad \\ln 1 = 0,\\quad \\ln e = 1,\\quad \\sin 0 = 0,\\quad \\cos 0 = 1',
  on: ['fn', 'pow'],
  apply: (e) => {
    // e^0, as exp(0) is.
    if (e.kind === 'pow' && e.base.kind === 'const' && e.base.name === 'e' && numericValue(e.exp)?.num === 0n) return one;
    if (e.kind !== 'fn' || e.primes !== 0 || e.args.length !== 1 || !Object.hasOwn(KNOWN, e.name)) return undefined;
    const arg = e.args[0]!;
    const value = numericValue(arg);
    for (const [at, result] of KNOWN[e.name]!) {
      if (at === 'e' ? arg.kind === 'const' && arg.name === 'e' : value !== undefined && value.den === 1n && value.num === BigInt(at)) return result;
    }
    return undefined;
  },
});
