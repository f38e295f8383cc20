// The benchmark's inputs, generated from a seed: the same text on every run.

import type { DeriveOptions } from '../src/index.js';
// The tests' seeded generator: the same inputs on every run.
import { seeded } from '../test/helpers.js';

/** One benchmark case: stepdiff's input and options, and the same function written for mathjs. */
export interface Case {
  readonly name: string;
  readonly input: string;
  readonly wrt: string;
  readonly define?: readonly string[];
  /** mathjs has no σ and reads ŷ as an identifier too; this is the input as mathjs gets it. */
  readonly mathjs: string;
  /** Which goal the case belongs to. */
  readonly group: 'ml' | 'scale' | 'other';
  /** Limits lifted for a case beyond the defaults (the bench times deriving, not printing). */
  readonly limits?: Pick<DeriveOptions, 'maxOutput' | 'limits'>;
}

// sin nested 500 prints ~21 million nodes over its steps and the 10,000-node tree is ~45,000
// characters long: both past what derive accepts from untrusted input by default.
const LIFTED = { maxOutput: 1e9, limits: { maxLength: 100_000 } } as const;

const SIGMOID = 'σ(x) = 1/(1+exp(-x))';

/**
 * A random expression tree of about `size` nodes over + − · / ^ exp log sin cos, in x. Every divisor
 * and every logarithm's argument is 1 + u², so the tree has a value everywhere: a random x − x under
 * a fraction bar is refused as a division by zero.
 */
export function randomTree(size: number, seed: number): string {
  const random = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  // 1 + u² costs four nodes beyond u's.
  const positive = (n: number): string => `(1 + (${build(Math.max(1, n - 4))})^2)`;
  const build = (n: number): string => {
    if (n <= 1) return random() < 0.6 ? 'x' : String(1 + Math.floor(random() * 9));
    if (random() < 0.25) {
      const f = pick(['exp', 'log', 'sin', 'cos']);
      return `${f}(${f === 'log' ? positive(n - 1) : build(n - 1)})`;
    }
    const left = 1 + Math.floor(random() * (n - 2));
    const op = pick(['+', '-', '*', '/', '^']);
    if (op === '^') return `(${build(n - 2)})^${1 + Math.floor(random() * 3)}`;
    if (op === '/') return `(${build(left)} / ${positive(n - 1 - left)})`;
    return `(${build(left)} ${op} ${build(n - 1 - left)})`;
  };
  return build(size);
}

const nested = (f: string, n: number): string => `${f}(`.repeat(n) + 'x' + ')'.repeat(n);
const product = (n: number): string => Array.from({ length: n }, (_, i) => `(x + ${i + 1})`).join(' * ');
const polynomial = (n: number): string => Array.from({ length: n + 1 }, (_, i) => `${(i % 7) + 1} * x^${i}`).join(' + ');

export const CASES: readonly Case[] = [
  { name: 'sigmoid', input: '1/(1+exp(-x))', wrt: 'x', define: [SIGMOID], mathjs: '1/(1+exp(-x))', group: 'ml' },
  { name: 'sigmoid as a negative power', input: '(1+exp(-x))^(-1)', wrt: 'x', define: [SIGMOID], mathjs: '(1+exp(-x))^(-1)', group: 'other' },
  { name: 'cross-entropy', input: '-(t*log(ŷ)+(1-t)*log(1-ŷ))', wrt: 'ŷ', mathjs: '-(t*log(yhat)+(1-t)*log(1-yhat))', group: 'ml' },
  {
    name: 'cross-entropy of σ, by the logit',
    input: '-(t*log(σ(z))+(1-t)*log(1-σ(z)))',
    wrt: 'z',
    define: [SIGMOID],
    mathjs: '-(t*log(1/(1+exp(-z)))+(1-t)*log(1-1/(1+exp(-z))))',
    group: 'ml',
  },
  { name: 'tanh', input: 'tanh(x)', wrt: 'x', mathjs: 'tanh(x)', group: 'other' },
  { name: 'softplus', input: 'log(1+exp(x))', wrt: 'x', define: [SIGMOID], mathjs: 'log(1+exp(x))', group: 'other' },
  { name: 'x^x', input: 'x^x', wrt: 'x', mathjs: 'x^x', group: 'other' },
  { name: 'sin(x)cos(x)/x', input: 'sin(x)*cos(x)/x', wrt: 'x', mathjs: 'sin(x)*cos(x)/x', group: 'other' },
  { name: 'exp(sin(x^2))', input: 'exp(sin(x^2))', wrt: 'x', mathjs: 'exp(sin(x^2))', group: 'other' },
  { name: 'sin nested 50', input: nested('sin', 50), wrt: 'x', mathjs: nested('sin', 50), group: 'scale' },
  { name: 'sin nested 200', input: nested('sin', 200), wrt: 'x', mathjs: nested('sin', 200), group: 'scale' },
  { name: 'sin nested 500', input: nested('sin', 500), wrt: 'x', mathjs: nested('sin', 500), group: 'scale', limits: LIFTED },
  { name: 'product of 100 factors', input: product(100), wrt: 'x', mathjs: product(100), group: 'scale' },
  { name: 'product of 400 factors', input: product(400), wrt: 'x', mathjs: product(400), group: 'scale' },
  { name: 'polynomial of degree 300', input: polynomial(300), wrt: 'x', mathjs: polynomial(300), group: 'scale' },
  { name: 'polynomial of degree 600', input: polynomial(600), wrt: 'x', mathjs: polynomial(600), group: 'scale' },
  { name: 'random tree, 1,000 nodes', input: randomTree(1000, 1), wrt: 'x', mathjs: randomTree(1000, 1), group: 'scale' },
  { name: 'random tree, 10,000 nodes', input: randomTree(10_000, 2), wrt: 'x', mathjs: randomTree(10_000, 2), group: 'scale', limits: LIFTED },
];
