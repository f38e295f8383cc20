// Result quality on the textbook corpus (test/textbook.ts), judged as a learner would: against
// SymPy's simplify(diff(f)) as recorded in textbook-sympy.json, against mathjs's derivative, and by
// whether the printed result reads back in plain mathjs. Values must agree everywhere; the size and
// read-back figures are the baseline the result-quality work (issue 24) improves on, so each is
// asserted as a bound that a regression would break, and printed.

import { readFileSync } from 'node:fs';
import * as mathjs from 'mathjs';
import { describe, expect, it } from 'vitest';
import { derive, parseExpression, toText } from '../src/index.js';
import { TEXTBOOK } from './textbook.js';
import { allSteps, compareNumerically, holdsCompoundFraction, isExactMathjs, mathjsSize, readsBack } from './helpers.js';
import { hasDerivative } from '../src/expr/shape.js';
import { compoundFractions } from '../src/engine/algebra.js';

interface Recorded {
  readonly sympy: string;
  readonly exercises: ReadonlyArray<{ readonly input: string; readonly wrt: string; readonly sympy: string | null }>;
}

const RECORDED = JSON.parse(readFileSync(new URL('./textbook-sympy.json', import.meta.url), 'utf8')) as Recorded;

// SymPy's sign(u) has no stepdiff spelling yet; u/|u| is the same wherever u ≠ 0.
const asStepdiff = (text: string): string => text.replace(/\bsign\(([^()]*)\)/g, '(($1)/abs($1))');

const rows = TEXTBOOK.map((exercise) => {
  const wrt = exercise.wrt ?? 'x';
  const recorded = RECORDED.exercises.find((r) => r.input === exercise.input && r.wrt === wrt);
  const d = derive(exercise.input, { wrt });
  const text = toText(d.result);
  let mathjsText: string | undefined;
  try {
    mathjsText = mathjs.derivative(exercise.input, wrt).toString();
  } catch {
    mathjsText = undefined;
  }
  return { input: exercise.input, wrt, d, text, sympy: recorded?.sympy ?? undefined, recorded, mathjsText };
});

describe('the textbook corpus against SymPy and mathjs', () => {
  it('has at least 100 exercises, each with SymPy’s answer recorded', () => {
    expect(TEXTBOOK.length).toBeGreaterThanOrEqual(100);
    expect(rows.filter((r) => r.recorded === undefined || r.sympy === undefined).map((r) => r.input)).toEqual([]);
  });

  it('every result has the value of SymPy’s derivative and of mathjs’s, wherever both are defined', () => {
    for (const r of rows) {
      const sympy = compareNumerically(r.d.result, parseExpression(asStepdiff(r.sympy!)).expr, { seed: 11 });
      expect(sympy.mismatch, `${r.input}: ${r.text} vs SymPy ${r.sympy}`).toBeUndefined();
      expect(sympy.compared, r.input).toBeGreaterThan(0);
      if (r.mathjsText === undefined) continue;
      const theirs = compareNumerically(r.d.result, parseExpression(r.mathjsText).expr, { seed: 12 });
      expect(theirs.mismatch, `${r.input}: ${r.text} vs mathjs ${r.mathjsText}`).toBeUndefined();
    }
  });

  it('every step’s text, before and after, reads back in plain mathjs (an inert derivative has no mathjs value)', () => {
    const failures: string[] = [];
    for (const r of rows) {
      const forms = allSteps(r.d.steps).flatMap((step) => [step.before, step.after]).filter((e) => !hasDerivative(e));
      for (const form of forms) {
        const back = readsBack(form);
        if (!back.ok) failures.push(`${r.input}: ${back.why!}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('sizes and read-back stay at least as good as the measured baseline', () => {
    const measured = rows.map((r) => ({
      input: r.input,
      ours: mathjsSize(mathjs.parse(r.text)),
      sympy: mathjsSize(mathjs.parse(r.sympy!)),
      mathjs: r.mathjsText === undefined || !isExactMathjs(r.mathjsText, r.d.result) || holdsCompoundFraction(r.mathjsText) ? undefined : mathjsSize(mathjs.parse(r.mathjsText)),
      readsBack: readsBack(r.d.result).ok,
    }));
    const vsSympy = { smaller: measured.filter((m) => m.ours < m.sympy).length, same: measured.filter((m) => m.ours === m.sympy).length, larger: measured.filter((m) => m.ours > m.sympy).length };
    const withMathjs = measured.filter((m) => m.mathjs !== undefined);
    const vsMathjs = { smaller: withMathjs.filter((m) => m.ours < m.mathjs!).length, same: withMathjs.filter((m) => m.ours === m.mathjs!).length, larger: withMathjs.filter((m) => m.ours > m.mathjs!).length };
    const total = (key: 'ours' | 'sympy'): number => measured.reduce((n, m) => n + m[key], 0);
    const unreadable = measured.filter((m) => !m.readsBack).map((m) => m.input);
    const compound = rows.filter((r) => compoundFractions(r.d.result) > 0).map((r) => `${r.input}: ${r.text}`);
    console.info(
      `textbook: ${measured.length} exercises; against SymPy ${RECORDED.sympy} smaller/same/larger ${vsSympy.smaller}/${vsSympy.same}/${vsSympy.larger}, ` +
        `total size ${total('ours')} vs ${total('sympy')}; against mathjs (${withMathjs.length}) ${vsMathjs.smaller}/${vsMathjs.same}/${vsMathjs.larger}; ` +
        `${measured.length - unreadable.length} results read back in mathjs (not: ${unreadable.join('; ')}); ` +
        `${compound.length} hold a compound fraction (${compound.join('; ')})`,
    );
    // The baseline of 2026-12-05; issue 24 asks for at most 1 in 10 larger than SymPy, a total below
    // SymPy's, and every result read back.
    expect(vsSympy.larger).toBeLessThanOrEqual(BASELINE.largerThanSympy);
    expect(vsMathjs.larger).toBeLessThanOrEqual(BASELINE.largerThanMathjs);
    expect(unreadable.length).toBeLessThanOrEqual(BASELINE.unreadable);
    expect(compound.length).toBeLessThanOrEqual(BASELINE.compound);
  });
});

const BASELINE = { largerThanSympy: 10, largerThanMathjs: 3, unreadable: 0, compound: 0 };
