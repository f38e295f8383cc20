// The result-quality measure of the textbook corpus, shared by its test and the benchmark: each
// result's size against SymPy's simplify(diff) (recorded in textbook-sympy.json) and mathjs's
// derivative, whether it reads back in plain mathjs, and whether it holds a compound fraction.

import { existsSync, readFileSync } from 'node:fs';
import * as mathjs from 'mathjs';
import { compoundFractions } from '../src/engine/algebra.js';
import type { Derivation } from '../src/engine/derivation.js';
import { derive, toText } from '../src/index.js';
import { holdsCompoundFraction, isExactMathjs, mathjsSize, readsBack } from './helpers.js';
import { TEXTBOOK } from './textbook.js';

interface Recorded {
  readonly sympy: string;
  readonly exercises: ReadonlyArray<{ readonly input: string; readonly wrt: string; readonly sympy: string | null }>;
}

/** One exercise measured. */
export interface Row {
  readonly input: string;
  readonly wrt: string;
  readonly d: Derivation;
  readonly text: string;
  /** SymPy's answer in mathjs syntax (undefined where none is recorded). */
  readonly sympy: string | undefined;
  /** mathjs's derivative as it prints it (undefined where it throws). */
  readonly mathjsText: string | undefined;
  readonly size: { readonly ours: number; readonly sympy: number; readonly mathjs: number | undefined };
  readonly readsBack: boolean;
  readonly compound: boolean;
}

/** Counts of smaller, same and larger. */
export interface Tally {
  readonly smaller: number;
  readonly same: number;
  readonly larger: number;
}

/** The corpus measured, and its totals. */
export interface Measured {
  readonly sympyVersion: string;
  readonly rows: readonly Row[];
  readonly vsSympy: Tally;
  /** Against mathjs where its answer is exact, real and free of compound fractions. */
  readonly vsMathjs: Tally & { readonly compared: number };
  readonly total: { readonly ours: number; readonly sympy: number };
}

const tally = (pairs: ReadonlyArray<readonly [number, number]>): Tally => ({
  smaller: pairs.filter(([a, b]) => a < b).length,
  same: pairs.filter(([a, b]) => a === b).length,
  larger: pairs.filter(([a, b]) => a > b).length,
});

/** Derives every exercise of the corpus and measures it. */
export function measureTextbook(): Measured {
  // Beside this module in the source tree; from the build (dist/test/), in the source tree's test/.
  const beside = new URL('./textbook-sympy.json', import.meta.url);
  const data = existsSync(beside) ? beside : new URL('../../test/textbook-sympy.json', import.meta.url);
  const recorded = JSON.parse(readFileSync(data, 'utf8')) as Recorded;
  const rows = TEXTBOOK.map((exercise): Row => {
    const wrt = exercise.wrt ?? 'x';
    const sympy = recorded.exercises.find((r) => r.input === exercise.input && r.wrt === wrt)?.sympy ?? undefined;
    const d = derive(exercise.input, { wrt });
    const text = toText(d.result);
    let mathjsText: string | undefined;
    try {
      mathjsText = mathjs.derivative(exercise.input, wrt).toString();
    } catch {
      mathjsText = undefined;
    }
    const comparable = mathjsText !== undefined && isExactMathjs(mathjsText, d.result) && !holdsCompoundFraction(mathjsText);
    return {
      input: exercise.input,
      wrt,
      d,
      text,
      sympy,
      mathjsText,
      size: { ours: mathjsSize(mathjs.parse(text)), sympy: sympy === undefined ? Number.NaN : mathjsSize(mathjs.parse(sympy)), mathjs: comparable ? mathjsSize(mathjs.parse(mathjsText!)) : undefined },
      readsBack: readsBack(d.result).ok,
      compound: compoundFractions(d.result) > 0,
    };
  });
  const withMathjs = rows.filter((r) => r.size.mathjs !== undefined);
  return {
    sympyVersion: recorded.sympy,
    rows,
    vsSympy: tally(rows.map((r) => [r.size.ours, r.size.sympy] as const)),
    vsMathjs: { ...tally(withMathjs.map((r) => [r.size.ours, r.size.mathjs!] as const)), compared: withMathjs.length },
    total: { ours: rows.reduce((n, r) => n + r.size.ours, 0), sympy: rows.reduce((n, r) => n + r.size.sympy, 0) },
  };
}
