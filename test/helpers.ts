// Shared test helpers: a seeded generator, sample points and numeric comparison of expressions.

import { evaluate, type Environment } from '../src/engine/evaluate.js';
import type { Definition, Expr } from '../src/expr/expr.js';
import { freeSymbols, nodes } from '../src/expr/expr.js';
import type { Step } from '../src/engine/derivation.js';
import { derive, StepdiffError, type DeriveOptions } from '../src/index.js';
import * as mathjs from 'mathjs';
import { toText } from '../src/expr/text.js';
import { GREEK_NAMES } from '../src/expr/functions.js';
import { compoundFractions } from '../src/engine/algebra.js';
import { parseDefinition, parseExpression } from '../src/parse/parse.js';
import { hasDerivative } from '../src/expr/shape.js';

/** mulberry32: a small seeded PRNG so every run samples the same points. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A point for each symbol, drawn from ranges that cover the usual real domains (x < 0, 0 < x < 1, x > 1). */
export function samplePoint(symbols: readonly string[], random: () => number): Map<string, number> {
  const point = new Map<string, number>();
  for (const s of symbols) {
    const r = random();
    const v = r < 0.4 ? -3 + 6 * random() : r < 0.7 ? 0.05 + 0.9 * random() : 1.05 + 2 * random();
    point.set(s, v);
  }
  return point;
}

/** Stand-ins for undefined functions: f = sin (so f' = cos, …), g = exp. */
export const TEST_FUNCTIONS: Environment['functions'] = new Map([
  ['f', [Math.sin, Math.cos, (x: number) => -Math.sin(x), (x: number) => -Math.cos(x)]],
  ['g', [Math.exp, Math.exp, Math.exp]],
]);

const usable = (v: number): boolean => Number.isFinite(v) && Math.abs(v) < 1e6;

/** Whether two values agree to a relative tolerance. */
export const close = (a: number, b: number, tolerance = 1e-5): boolean =>
  Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Compares two expressions at `count` random points where both are defined; returns how many points
 * were compared and the first disagreement, if any.
 */
export function compareNumerically(
  a: Expr,
  b: Expr,
  options: { definitions?: ReadonlyMap<string, Definition>; seed?: number; count?: number; parts?: boolean } = {},
): { compared: number; mismatch?: string } {
  const random = seeded(options.seed ?? 7);
  // An inert derivative needs a value for its own variable too.
  const variables = [...nodes(a), ...nodes(b)].flatMap((n) => (n.kind === 'd' && n.at === undefined ? [n.wrt] : []));
  const symbols = [...new Set([...freeSymbols(a), ...freeSymbols(b), ...variables])];
  let compared = 0;
  for (let i = 0; i < (options.count ?? 30); i++) {
    const values = samplePoint(symbols, random);
    const env: Environment = { values, definitions: options.definitions ?? new Map(), functions: TEST_FUNCTIONS };
    const va = evaluate(a, env);
    const vb = evaluate(b, env);
    if (!usable(va) || !usable(vb)) continue;
    compared++;
    if (close(va, vb)) continue;
    // A difference of large parts (e^18 · (3c/x − 3c/x)) is known only to the parts' rounding: with
    // `parts`, a disagreement within that is none.
    if (options.parts === true && Math.abs(va - vb) <= 1e-9 * Math.max(largestPart(a, env), largestPart(b, env))) continue;
    return { compared, mismatch: `${va} vs ${vb} at ${JSON.stringify([...values])}` };
  }
  return { compared };
}

/** The largest finite magnitude of any part of `e` at `env`. */
function largestPart(e: Expr, env: Environment): number {
  let largest = 0;
  for (const node of nodes(e)) {
    const v = Math.abs(evaluate(node, env));
    if (Number.isFinite(v)) largest = Math.max(largest, v);
  }
  return largest;
}

/**
 * The steps of `derivations` that do not equal the one before, numerically, described; empty when
 * all do. A step from a derivative of a derivative (d/dx[d/dx[f]] = d/dx[f']) is what the part below
 * derived step by step, and finite differences of finite differences are too coarse to check it again.
 */
export function unsoundSteps(derivations: ReadonlyArray<{ readonly steps: readonly Step[] }>, define: readonly string[] = [], count = 6): string[] {
  const definitions = new Map(define.map((text) => parseDefinition(text)).map((def) => [def.name, def]));
  const nested = (e: Expr): boolean => [...nodes(e)].some((n) => n.kind === 'd' && hasDerivative(n.body));
  return derivations.flatMap((d) =>
    allSteps(d.steps)
      .filter((step) => !nested(step.before))
      .flatMap((step) => {
        const { mismatch } = compareNumerically(step.before, step.after, { definitions, count });
        return mismatch === undefined ? [] : [`${step.rule}: ${step.toText()} (${mismatch})`];
      }),
  );
}

/** Every step of a tree, depth first. */
export function allSteps(steps: readonly Step[]): Step[] {
  return steps.flatMap((s) => [s, ...allSteps(s.substeps)]);
}

/** The rule ids of a tree in pre-order. */
export const ruleIds = (steps: readonly Step[]): string[] => allSteps(steps).map((s) => s.rule);

/** The typed error derive throws for `input`; fails the test if it accepts the input or throws anything else. */
export function rejection(input: string, options?: DeriveOptions): StepdiffError {
  try {
    derive(input, options);
  } catch (error) {
    if (error instanceof StepdiffError) return error;
    throw error;
  }
  throw new Error(`${input.slice(0, 80)} was accepted`);
}

const hasSymbol = (n: mathjs.MathNode): boolean => {
  let found = false;
  n.traverse((k, _path, parent) => {
    const isCallee = parent?.type === 'FunctionNode' && (parent as mathjs.FunctionNode).fn === k;
    if (k.type === 'SymbolNode' && !isCallee && !['e', 'pi'].includes((k as mathjs.SymbolNode).name)) found = true;
  });
  return found;
};
const hasCall = (n: mathjs.MathNode): boolean => {
  let found = false;
  n.traverse((k) => {
    if (k.type === 'FunctionNode') found = true;
  });
  return found;
};

/**
 * The size of a mathjs tree: its nodes, parentheses not counted, and a subtree with no symbol but a
 * function call as one node (mathjs evaluates such a constant to a float, stepdiff keeps it exact).
 */
export function mathjsSize(n: mathjs.MathNode): number {
  if (n.type === 'ParenthesisNode') return mathjsSize((n as mathjs.ParenthesisNode).content);
  if (!hasSymbol(n) && hasCall(n)) return 1;
  let total = 1;
  n.forEach((child) => {
    total += mathjsSize(child);
  });
  return total;
}

/**
 * Whether the text form of `e` evaluates in plain mathjs to stepdiff's own value of `e`, at points
 * where stepdiff's value is finite (at least one such point must exist). A point where stepdiff
 * finds no real value but mathjs gives a real number is a disagreement too.
 */
export function readsBack(e: Expr, seed = 3): { ok: boolean; why?: string } {
  return agreesInMathjs(toText(e), e, seed);
}

/** The values under their names and their ASCII spellings too (σ and sigma, ŷ and yhat), as mathjs's own output spells them. */
function withAsciiNames(values: ReadonlyMap<string, number>): Map<string, number> {
  const scope = new Map<string, number>();
  for (const [name, v] of values) {
    scope.set(name, v);
    const greek = GREEK_NAMES.get(name);
    if (greek !== undefined) scope.set(greek, v);
    const hat = /^(\p{L})\u0302$/u.exec(name.normalize('NFD'));
    if (hat) scope.set(`${hat[1]}hat`, v);
  }
  return scope;
}

/** Whether `text` evaluates in plain mathjs to stepdiff's value of `e` (as readsBack judges it). */
export function agreesInMathjs(text: string, e: Expr, seed = 3): { ok: boolean; why?: string } {
  const random = seeded(seed);
  const symbols = freeSymbols(e);
  let compared = 0;
  for (let i = 0; i < 12; i++) {
    const values = samplePoint(symbols, random);
    const ours = evaluate(e, { values, definitions: new Map(), functions: TEST_FUNCTIONS });
    let theirs: unknown;
    try {
      theirs = mathjs.evaluate(text, withAsciiNames(values));
    } catch (error) {
      // mathjs refuses some points outside the real domain (an even root of a negative number).
      if (!Number.isFinite(ours)) continue;
      return { ok: false, why: `${text}: mathjs throws ${(error as Error).message}` };
    }
    const real = typeof theirs === 'number' && Number.isFinite(theirs);
    if (Number.isNaN(ours) && real) return { ok: false, why: `${text}: mathjs ${String(theirs)}, stepdiff no real value at ${JSON.stringify([...values])}` };
    if (!Number.isFinite(ours)) continue;
    if (!real || !close(ours, theirs as number)) return { ok: false, why: `${text}: mathjs ${String(theirs)}, stepdiff ${ours} at ${JSON.stringify([...values])}` };
    compared++;
  }
  return compared > 0 ? { ok: true } : { ok: false, why: `${text}: no point where stepdiff has a value` };
}

/**
 * Whether mathjs's derivative `text` is an exact, real answer to compare sizes with: mathjs folds a
 * constant such as 1/ln 2 into a decimal (1.4426950408889634 / x), and writes cbrt's derivative as
 * x^(-2/3)/3, which it evaluates to a complex number for a negative x, where `ours` is real.
 */
export const isExactMathjs = (text: string, ours: Expr): boolean => !/\d\.\d{7,}/.test(text) && agreesInMathjs(text, ours).ok;

/**
 * Whether mathjs's derivative `text` is smaller only by a form a textbook does not print: a
 * compound fraction, (cos(x) − sin(x)/x)/x, which stepdiff's results never hold (issue 24).
 */
export const holdsCompoundFraction = (text: string): boolean => compoundFractions(parseExpression(text).expr) > 0;
