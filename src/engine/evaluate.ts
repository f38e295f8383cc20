// A real-valued evaluator over Expr, used for numeric checks (never mathjs's evaluate). Outside a
// function's real domain the result is NaN; an inert derivative is evaluated by finite differences.

import { freeIndices, indexedName } from '../expr/indexed.js';
import type { Definition, Expr } from '../expr/expr.js';
import { toNumberQ } from '../expr/rational.js';

/** Values of symbols, user definitions, and stand-ins for undefined functions (f and its derivatives). */
export interface Environment {
  readonly values: ReadonlyMap<string, number>;
  readonly definitions?: ReadonlyMap<string, Definition>;
  /** An undefined function f as a list [f, f', f'', …]; missing entries evaluate to NaN. */
  readonly functions?: ReadonlyMap<string, ReadonlyArray<(x: number) => number>>;
}

const UNARY: Readonly<Record<string, (x: number) => number>> = {
  exp: Math.exp, ln: Math.log, log2: Math.log2, log10: Math.log10, sqrt: Math.sqrt, cbrt: Math.cbrt, abs: Math.abs,
  sin: Math.sin, cos: Math.cos, tan: Math.tan,
  sec: (x) => 1 / Math.cos(x), csc: (x) => 1 / Math.sin(x), cot: (x) => 1 / Math.tan(x),
  asin: Math.asin, acos: Math.acos, atan: Math.atan,
  asec: (x) => Math.acos(1 / x), acsc: (x) => Math.asin(1 / x), acot: (x) => Math.atan(1 / x),
  sinh: Math.sinh, cosh: Math.cosh, tanh: Math.tanh,
  sech: (x) => 1 / Math.cosh(x), csch: (x) => 1 / Math.sinh(x), coth: (x) => 1 / Math.tanh(x),
  asinh: Math.asinh, acosh: Math.acosh, atanh: Math.atanh,
  asech: (x) => Math.acosh(1 / x), acsch: (x) => Math.asinh(1 / x), acoth: (x) => Math.atanh(1 / x),
  erf, sign: Math.sign,
};

/**
 * The error function to about 1e-15: its Maclaurin series where that converges without much
 * cancellation (|x| < 2.5), else 1 − erfc(x) with erfc's continued fraction (Lentz's method).
 */
function erf(x: number): number {
  if (Number.isNaN(x)) return x;
  const a = Math.abs(x);
  if (a < 2.5) {
    let term = x;
    let sum = x;
    for (let n = 1; n < 100 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
      term *= (-x * x) / n;
      sum += term / (2 * n + 1);
    }
    return (2 / Math.sqrt(Math.PI)) * sum;
  }
  if (a > 6) return Math.sign(x);
  // erfc(a) = exp(−a²)/√π · 1/(a + (1/2)/(a + 1/(a + (3/2)/(a + 2/(a + …))))).
  const tiny = 1e-300;
  let f = a;
  let c = a;
  let d = 0;
  for (let k = 1; k < 200; k++) {
    const coefficient = k / 2;
    d = a + coefficient * d;
    c = a + coefficient / c;
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  const erfc = Math.exp(-a * a) / (Math.sqrt(Math.PI) * f);
  return Math.sign(x) * (1 - erfc);
}

/**
 * Real power: a negative base only with an integer exponent. x^{1/3} of a negative x is the complex
 * principal value in mathjs and SymPy, so it has no real value here either; the real odd root is
 * cbrt(x) or nthRoot(x, 3), which the rules keep as roots.
 */
function power(base: number, exponent: number): number {
  return base >= 0 || Number.isInteger(exponent) ? base ** exponent : Number.NaN;
}

/** Real n-th root; odd roots of negative numbers are real. */
function nthRoot(x: number, n: number): number {
  if (x >= 0) return x ** (1 / n);
  return Number.isInteger(n) && Math.abs(n % 2) === 1 ? -((-x) ** (1 / n)) : Number.NaN;
}

const fivePoint = (f: (x: number) => number, x: number, h: number): number =>
  (-f(x + 2 * h) + 8 * f(x + h) - 8 * f(x - h) + f(x - 2 * h)) / (12 * h);

/**
 * The derivative of f at x by five-point central differences on shrinking steps with Richardson
 * extrapolation, stopping when successive estimates agree (a fixed step is inaccurate near poles).
 */
export function numericDerivative(f: (x: number) => number, x: number): number {
  let h = 1e-2 * Math.max(1, Math.abs(x));
  let previous = fivePoint(f, x, h);
  let best = Number.NaN;
  let bestChange = Number.POSITIVE_INFINITY;
  for (let k = 0; k < 8; k++) {
    h /= 4;
    const current = fivePoint(f, x, h);
    // The five-point error is O(h^4); one Richardson step with step ratio 4 removes it.
    const extrapolated = (256 * current - previous) / 255;
    const change = Math.abs(current - previous);
    if (change < bestChange) {
      bestChange = change;
      best = extrapolated;
    }
    if (change <= 1e-12 * Math.max(1, Math.abs(current))) break;
    previous = current;
  }
  return best;
}

/** Evaluates `e` over the reals; NaN where it is undefined. */
export function evaluate(e: Expr, env: Environment): number {
  const ev = (child: Expr): number => evaluate(child, env);
  switch (e.kind) {
    case 'num': return toNumberQ(e.value);
    case 'sym': return env.values.get(e.name) ?? indexedValue(e.name, env);
    case 'const': return e.name === 'e' ? Math.E : Math.PI;
    case 'add': return e.terms.reduce((acc, t) => acc + ev(t), 0);
    case 'sub': return ev(e.left) - ev(e.right);
    case 'mul': return e.factors.reduce((acc, f) => acc * ev(f), 1);
    case 'div': return ev(e.num) / ev(e.den);
    case 'pow': return power(ev(e.base), ev(e.exp));
    case 'neg': return -ev(e.arg);
    case 'fn': return call(e, env);
    // An equation is true or false, not a number.
    case 'eq': return Number.NaN;
    // A comparison is 1 where it holds and 0 where it does not (NaN where a side has no value).
    case 'cmp': return compare(e.op, ev(e.left), ev(e.right));
    case 'cond': {
      const test = ev(e.test);
      return Number.isNaN(test) ? Number.NaN : test !== 0 ? ev(e.yes) : ev(e.no);
    }
    case 'd': {
      const point = e.at === undefined ? env.values.get(e.wrt) ?? Number.NaN : ev(e.at);
      return numericDerivative((x) => evaluate(e.body, { ...env, values: new Map([...env.values, [e.wrt, x]]) }), point);
    }
  }
}

/** z_k where k has a value (2) is z_2: how a sum over an index, or a result in z_k, is evaluated for a concrete K. */
function indexedValue(name: string, env: Environment): number {
  const indexed = indexedName(name);
  if (indexed === undefined) return Number.NaN;
  const numbers = indexed.indices.map((i) => env.values.get(i));
  if (numbers.some((n) => n === undefined || !Number.isInteger(n))) return Number.NaN;
  return env.values.get(`${indexed.base}_${numbers.join('')}`) ?? env.values.get(`${indexed.base}_${numbers.join('_')}`) ?? Number.NaN;
}

/** softmax(u_i) = exp(u_i) / sum over j of exp(u_j), for the concrete K and i of the environment. */
function softmaxAt(arg: Expr, env: Environment): number {
  const free = [...freeIndices(arg)];
  if (free.length !== 1) return Number.NaN;
  return Math.exp(evaluate(arg, env)) / sumOver(free[0]!, env, (at) => Math.exp(evaluate(arg, at)));
}

/** The sum over `index` = 1..K of `term` (K a value of the environment), each term evaluated with the index at its value. */
function sumOver(index: string, env: Environment, term: (at: Environment) => number): number {
  const count = env.values.get('K');
  if (count === undefined || !Number.isInteger(count) || count < 0) return Number.NaN;
  let total = 0;
  for (let n = 1; n <= count; n++) total += term({ ...env, values: new Map([...env.values, [index, n]]) });
  return total;
}

function compare(op: string, a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.NaN;
  const holds = op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
  return holds ? 1 : 0;
}

function call(e: Extract<Expr, { kind: 'fn' }>, env: Environment): number {
  if (e.name === 'sum' && e.args[1]?.kind === 'sym') return sumOver(e.args[1].name, env, (at) => evaluate(e.args[0]!, at));
  if (e.name === 'softmax') return softmaxAt(e.args[0]!, env);
  const args = e.args.map((a) => evaluate(a, env));
  const [x, y] = args as [number, number | undefined];
  const definition = env.definitions?.get(e.name);
  if (definition !== undefined && e.primes === 0) {
    const values = new Map(env.values);
    definition.params.forEach((p, i) => values.set(p, args[i]!));
    return evaluate(definition.body, { ...env, values });
  }
  const unary = Object.hasOwn(UNARY, e.name) ? UNARY[e.name] : undefined;
  if (unary !== undefined && e.primes === 0) return unary(x);
  switch (e.name) {
    case 'log': return y === undefined ? Math.log(x) : Math.log(x) / Math.log(y);
    case 'nthRoot': return nthRoot(x, y ?? 2);
    case 'max': return Math.max(x, y!);
    case 'δ': return Number.isNaN(x) || Number.isNaN(y!) ? Number.NaN : x === y ? 1 : 0;
    case 'min': return Math.min(x, y!);
    default: {
      const f = env.functions?.get(e.name)?.[e.primes];
      return f === undefined ? Number.NaN : f(x);
    }
  }
}
