// Numeric soundness: every result matches a finite difference of the input, every step equals the
// one before, mathjs's derivative agrees where it can differentiate, and the printed text means
// the same to mathjs as the Expr does to us.

import * as mathjs from 'mathjs';
import { describe, expect, it } from 'vitest';
import { derive } from '../src/index.js';
import { evaluate, numericDerivative } from '../src/engine/evaluate.js';
import { freeSymbols } from '../src/expr/expr.js';
import { toText } from '../src/expr/text.js';
import { CORPUS } from './corpus.js';
import { TEST_FUNCTIONS, allSteps, close, compareNumerically, readsBack, samplePoint, seeded } from './helpers.js';
import { callsIn } from '../src/expr/expr.js';
import { hasDerivative } from '../src/expr/shape.js';
import { isBuiltin } from '../src/expr/functions.js';

const label = (c: (typeof CORPUS)[number]): string => `${c.input}${c.options ? ` ${JSON.stringify(c.options)}` : ''}`;

describe('soundness corpus', () => {
  it('has at least 60 expressions', () => expect(CORPUS.length).toBeGreaterThanOrEqual(60));

  it.each(CORPUS.map((c) => [label(c), c] as const))('%s: result equals a central finite difference', (_, c) => {
    const r = derive(c.input, c.options);
    const definitions = new Map(r.definitions.map((d) => [d.name, d]));
    const random = seeded(11);
    const symbols = [...new Set([...freeSymbols(r.expr), r.wrt])];
    let compared = 0;
    for (let i = 0; i < 40 && compared < 8; i++) {
      const values = samplePoint(symbols, random);
      const env = { values, definitions, functions: TEST_FUNCTIONS };
      const at = values.get(r.wrt)!;
      const f = (x: number): number => evaluate(r.expr, { ...env, values: new Map([...values, [r.wrt, x]]) });
      // Skip points near a kink or pole, where the one-sided slopes disagree.
      const h = 1e-4;
      const left = (f(at) - f(at - h)) / h;
      const right = (f(at + h) - f(at)) / h;
      if (![left, right, f(at)].every(Number.isFinite) || !close(left, right, 1e-2)) continue;
      const expected = numericDerivative(f, at);
      const actual = evaluate(r.result, env);
      if (!Number.isFinite(expected) || Math.abs(expected) > 1e5) continue;
      compared++;
      expect(close(actual, expected, 1e-6), `${actual} vs ${expected} at ${JSON.stringify([...values])}`).toBe(true);
    }
    expect(compared, 'too few points in the domain to check').toBeGreaterThanOrEqual(3);
  });

  it.each(CORPUS.map((c) => [label(c), c] as const))('%s: every step equals the one before', (_, c) => {
    const r = derive(c.input, c.options);
    const definitions = new Map(r.definitions.map((d) => [d.name, d]));
    let checked = 0;
    for (const step of allSteps(r.steps)) {
      const { compared, mismatch } = compareNumerically(step.before, step.after, { definitions, count: 12 });
      expect(mismatch, `${step.rule}: ${step.toText()}`).toBeUndefined();
      checked += compared;
    }
    expect(checked).toBeGreaterThan(0);
  });
});

// mathjs's names for our functions that it lacks (ln); everything else it evaluates natively.
const MATHJS_SCOPE_FUNCTIONS = { ln: Math.log };

describe('differential check against mathjs', () => {
  // Left out: inputs mathjs cannot read (ln, undefined f and g, definitions), and acoth, whose
  // derivative mathjs 15.2.0 returns with the wrong sign (d/dx acoth x = 1/(1-x^2); ours matches
  // the finite difference above).
  const plain = CORPUS.filter((c) => !c.options?.define && !/\bf\b|\bg\(|\bln\(|acoth/.test(c.input));

  it('mathjs derivative agrees with our result wherever it can differentiate', () => {
    let agreed = 0;
    const failures: string[] = [];
    for (const c of plain) {
      const r = derive(c.input, c.options);
      let oracle: mathjs.MathNode;
      try {
        oracle = mathjs.derivative(c.input.replace(/ŷ/g, 'yhat'), r.wrt === 'ŷ' ? 'yhat' : r.wrt);
      } catch {
        continue;
      }
      const random = seeded(3);
      for (let i = 0; i < 10; i++) {
        const values = samplePoint([...new Set([...freeSymbols(r.expr), r.wrt])], random);
        const ours = evaluate(r.result, { values });
        const scope = Object.fromEntries([...values].map(([k, v]) => [k === 'ŷ' ? 'yhat' : k, v]));
        const theirs: unknown = oracle.evaluate(scope);
        if (typeof theirs !== 'number' || !Number.isFinite(theirs) || !Number.isFinite(ours) || Math.abs(ours) > 1e6) continue;
        if (!close(ours, theirs, 1e-8)) failures.push(`${c.input}: ${ours} vs mathjs ${theirs} at ${JSON.stringify(scope)}`);
        else agreed++;
      }
    }
    expect(failures).toEqual([]);
    expect(agreed).toBeGreaterThan(300);
  });

  it('printed results mean the same to mathjs as to our evaluator', () => {
    let agreed = 0;
    for (const c of CORPUS.filter((k) => !/\bf\b|\bg\(|f'/.test(k.input))) {
      const r = derive(c.input, c.options);
      const node = mathjs.parse(toText(r.result));
      const definitions = new Map(r.definitions.map((d) => [d.name, d]));
      const random = seeded(5);
      for (let i = 0; i < 5; i++) {
        const values = samplePoint([...new Set([...freeSymbols(r.result), r.wrt])], random);
        const ours = evaluate(r.result, { values, definitions });
        const scope: Record<string, unknown> = { ...MATHJS_SCOPE_FUNCTIONS, ...Object.fromEntries(values) };
        for (const def of r.definitions) {
          scope[def.name] = (...args: number[]) =>
            evaluate(def.body, { values: new Map(def.params.map((p, j) => [p, args[j]!])), definitions });
        }
        const theirs: unknown = node.evaluate(scope);
        if (typeof theirs !== 'number' || !Number.isFinite(theirs) || !Number.isFinite(ours)) continue;
        expect(close(ours, theirs, 1e-9), `${toText(r.result)} at ${JSON.stringify([...values])}`).toBe(true);
        agreed++;
      }
    }
    expect(agreed).toBeGreaterThan(200);
  });
});

describe('the printed text reads back in plain mathjs (issue 24)', () => {
  // Forms mathjs cannot know are left out: an inert derivative, and calls of the user's defined
  // functions and of undefined ones (f, g), which only stepdiff's environment gives values.
  const plainForm = (e: Parameters<typeof readsBack>[0]): boolean => !hasDerivative(e) && callsIn(e).every((call) => isBuiltin(call.name) && call.primes === 0);

  it('every result and every step of the soundness corpus evaluates in mathjs to stepdiff’s value', () => {
    const failures: string[] = [];
    let checked = 0;
    for (const c of CORPUS) {
      const r = derive(c.input, c.options);
      for (const form of [r.result, ...allSteps(r.steps).flatMap((s) => [s.before, s.after])]) {
        if (!plainForm(form)) continue;
        checked++;
        const back = readsBack(form);
        if (!back.ok) failures.push(`${label(c)}: ${back.why!}`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(300);
  });
});
