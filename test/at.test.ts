// Issue 25, point 3: a derivative at a point, evaluated exactly in steps, with a decimal beside an
// irrational value, and a reason (never NaN) where the derivative does not exist there.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { derive, present, renderMath, toHTML, toLatexDocument, toMarkdown, toText, type DeriveOptions } from '../src/index.js';
import { compareNumerically, rejection } from './helpers.js';
import { parseDefinition } from '../src/parse/parse.js';

const SIGMOID = 'σ(x) = 1/(1+exp(-x))';
const bin = fileURLToPath(new URL('../dist/lib/cli.js', import.meta.url));

describe('a derivative at a point', () => {
  it.each([
    ['1/(1+exp(-x))', { define: [SIGMOID], at: { x: 0 } }, '1 / 4', 0.25],
    ['exp(x)', { at: { x: 0 } }, '1', 1],
    ['sin(x)', { at: { x: 'pi' } }, '-1', -1],
    ['x^(3/2) * 2/3', { at: { x: 4 } }, '2', 2],
    ['2^x', { at: { x: 1 } }, '2 * log(2)', 2 * Math.log(2)],
    ['x^3', { at: { x: '1/2' }, order: 2 }, '3', 3],
    ['x^2 * y', { wrt: 'x', at: { x: 1, y: 'log(2)' } }, '2 * log(2)', 2 * Math.log(2)],
  ] as Array<[string, DeriveOptions, string, number]>)('%s at %j is %s', (input, options, value, approx) => {
    const d = derive(input, options);
    const json = d.toJSON();
    expect(json.value).toBe(value);
    expect(json.approx).toBeCloseTo(approx, 12);
    expect(d.complete).toBe(true);
    // Each evaluation step equals the one before (σ written out where the point's value is put in).
    const definitions = new Map((options.define ?? []).map((t) => parseDefinition(t)).map((def) => [def.name, def]));
    for (const step of d.evaluation!.steps.slice(1)) expect(compareNumerically(step.before, step.after, { definitions }).mismatch, step.rule).toBeUndefined();
  });

  it('a value past a float\'s range is exact, with no decimal; a pole is no value', () => {
    const big = derive('exp(x)', { at: { x: 1000 } });
    expect([big.complete, big.toJSON().value, big.toJSON().approx]).toEqual([true, 'exp(1000)', null]);
    expect(derive('1/x', { at: { x: 0 } }).toJSON().evaluation?.reason).toBe('1 / x is not defined at x = 0');
  });

  it('the value keeps free parameters symbolic, with no decimal', () => {
    const json = derive('x^2 * y', { wrt: 'x', at: { x: 1 } }).toJSON();
    expect([json.value, json.approx]).toEqual(['2 * y', null]);
  });

  it.each([
    ['log(x)', 'log(x) is not defined at x = 0'],
    ['abs(x)', 'The derivative does not exist at x = 0: the derivation assumed x ≠ 0'],
    ['sqrt(x)', 'The derivative does not exist at x = 0: it divides by zero there'],
  ])('%s at 0 has no derivative: complete false, the reason, never NaN', (input, reason) => {
    const d = derive(input, { at: { x: 0 } });
    expect(d.complete).toBe(false);
    const json = d.toJSON();
    expect([json.value, json.approx, json.evaluation?.reason]).toEqual([null, null, reason]);
    expect(JSON.stringify(json)).not.toContain('NaN');
    expect(d.toText()).toContain(`Note: ${reason}`);
    expect(d.toText('zh')).toContain('注：');
  });

  it.each([
    [{ at: { y: 0 } }, 'not a variable of the expression'],
    [{ at: { x: 'y' } }, 'is not a number'],
    [{ at: { x: Number.NaN } }, 'finite number'],
    [{ at: { x: '1/0' } }, 'Division by zero'],
    [{ at: {} }, 'names no variable'],
    [{ at: [0] }, 'must be an object'],
    [{ at: { x: 0, ' x': 1 } }, 'twice'],
  ] as Array<[DeriveOptions, string]>)('bad point %j is a typed error', (options, words) => {
    const error = rejection('x^2', options);
    expect(['invalid-option', 'division-by-zero']).toContain(error.code);
    expect(error.message).toContain(words);
  });
});

describe('the evaluation in every format', () => {
  const d = derive('2^x', { at: { x: 1 } });

  it('text and LaTeX: the heading, the steps, the value with its decimal', () => {
    expect(d.toText()).toMatch(/Evaluate at x = 1:\n1\. \[evaluate-at\] Substitute the values: x = 1\./);
    expect(d.toText()).toContain('Value: 2 * log(2) ≈ 1.386294361');
    const p = present(d);
    expect(p.evaluation?.value).toBe('2 \\, \\log(2)');
    expect(p.evaluation?.approx).toBe('1.386294361');
    expect(() => renderMath(p.evaluation!.main.latex, true)).not.toThrow();
    expect(toLatexDocument(d)).toContain('\\[ 2 \\, \\log(2) \\approx 1.386294361 \\]');
    expect(toMarkdown(d, 'zh')).toContain('### 在 x = 1 处求值');
    expect(toHTML(d)).toContain('<section class="sd-evaluation">');
  });

  it('σ\'(0) = 1/4 in its steps: the values put in, σ written out at 0, exact arithmetic', () => {
    const s = derive('1/(1+exp(-x))', { define: [SIGMOID], at: { x: 0 } });
    expect(s.evaluation!.steps.map((step) => step.rule)).toEqual(['evaluate-at', 'definition-value', 'drop-zero', 'known-values', 'fold-constants']);
    expect(toText(s.evaluation!.steps[0]!.after)).toBe('σ(0) * (1 - σ(0))');
  });

  it('CLI: --at name=value, repeated; a malformed one is one line and exit 2', () => {
    const out = spawnSync(process.execPath, [bin, 'x^2*y', '--wrt', 'x', '--at', 'x=1', '--at', 'y=pi', '--format', 'json'], { encoding: 'utf8' });
    expect(out.status).toBe(0);
    const json = JSON.parse(out.stdout) as { value: string; approx: number; at: Record<string, string> };
    expect([json.value, json.at]).toEqual(['2 * pi', { x: '1', y: 'pi' }]);
    expect(json.approx).toBeCloseTo(2 * Math.PI, 12);
    const bad = spawnSync(process.execPath, [bin, 'x^2', '--at', 'x'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('stepdiff: [invalid-option] --at takes name=value, such as --at x=0, not "x"\n');
  });
});
