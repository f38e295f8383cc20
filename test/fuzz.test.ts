// Issue 30's fuzzers as properties (seeded and bounded so the suite stays fast; `npm run bench` runs
// them longer): random formulas are derived soundly and render, hostile input ends in a result or a
// typed, displayable error, in the library and through the CLI.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFormula, checkHostile, formula, hostile } from './fuzz.js';

const SEED = 20261206;
const bin = fileURLToPath(new URL('../dist/lib/cli.js', import.meta.url));

describe('fuzzing', () => {
  it('random formulas: every step equals the one before, every block renders in KaTeX in both languages', () => {
    let steps = 0;
    let formulas = 0;
    let derived = 0;
    fc.assert(
      fc.property(formula, (text) => {
        const found = checkFormula(text);
        steps += found.steps;
        formulas += found.formulas;
        if (found.refused === undefined) derived++;
      }),
      { seed: SEED, numRuns: 120 },
    );
    // A run that refused or skipped most inputs would prove little.
    expect(derived).toBeGreaterThan(100);
    expect(steps).toBeGreaterThan(1000);
    expect(formulas).toBeGreaterThan(800);
  });

  it('hostile input with hostile options: a result or a typed error, one displayable line, nothing raw printed', () => {
    const codes = new Set<string>();
    fc.assert(
      fc.property(hostile, ({ input, options }) => {
        const found = checkHostile(input, options);
        if (found.code !== undefined) codes.add(found.code);
      }),
      { seed: SEED, numRuns: 400 },
    );
    // The generator reaches many kinds of refusal, not one over and over.
    expect(codes.size).toBeGreaterThan(8);
  });

  it('hostile input through the CLI: exit 0 or 2, at most one line on stderr, no control character on it', () => {
    // An argument cannot hold a NUL byte: the operating system ends it there.
    const inputs = fc.sample(hostile, { seed: SEED, numRuns: 16 }).filter(({ input, options }) => !`${input}${options.wrt ?? ''}`.includes('\u0000'));
    for (const { input, options } of inputs) {
      const args = [bin, ...(options.wrt === undefined ? [] : ['--wrt', options.wrt]), '--', input];
      const out = spawnSync(process.execPath, args, { encoding: 'utf8' });
      expect([0, 2], JSON.stringify(input)).toContain(out.status);
      if (out.status === 2) {
        expect(out.stdout).toBe('');
        expect(out.stderr.endsWith('\n') && !out.stderr.slice(0, -1).includes('\n'), JSON.stringify(out.stderr)).toBe(true);
        expect(out.stderr.slice(0, -1)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
      }
    }
  });
});
