// Issue 25, points 1 and 5: higher derivatives, each order a derivation of its own that starts from
// the order below's result, and inert derivatives in the input read as the operator they print as.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { derive, present, renderMath, toMarkdown, toText, type Derivation, type DeriveOptions } from '../src/index.js';
import { parseDefinition, parseExpression } from '../src/parse/parse.js';
import { allSteps, rejection, unsoundSteps } from './helpers.js';

const SIGMOID = 'σ(x) = 1/(1+exp(-x))';
const bin = fileURLToPath(new URL('../dist/lib/cli.js', import.meta.url));

/** Every step of every part equals the one before it, numerically. */
const expectSound = (d: Derivation, define: readonly string[] = []): void => expect(unsoundSteps(d.chain, define, 8)).toEqual([]);

describe('higher derivatives', () => {
  it("σ'' folds to σ(1 − σ)(1 − 2σ), continuing from σ' and recalling it rather than deriving σ again", () => {
    const d = derive('1/(1+exp(-x))', { define: [SIGMOID], order: 2 });
    expect(d.order).toBe(2);
    expect(d.parts.map((p) => toText(p.result))).toEqual(['σ(x) * (1 - σ(x))']);
    expect(toText(d.result)).toBe('σ(x) * (1 - σ(x)) * (1 - 2 * σ(x))');
    expect(d.complete).toBe(true);
    const rules = allSteps(d.steps).map((s) => s.rule);
    expect(rules[0]).toBe('recall');
    expect(rules).toContain('product');
    // σ' is the first derivative: the second order recalls it and never opens σ's definition.
    expect(rules).not.toContain('definition');
    expect(rules.filter((r) => r === 'recall').length).toBeGreaterThanOrEqual(2);
    expectSound(d, [SIGMOID]);
  });

  it("σ'' from σ(x) itself, or from the definition as input, is the same", () => {
    for (const input of ['σ(x)', SIGMOID]) {
      const d = derive(input, { define: input === SIGMOID ? [] : [SIGMOID], order: 2 });
      expect(toText(d.result), input).toBe('σ(x) * (1 - σ(x)) * (1 - 2 * σ(x))');
    }
  });

  it("tanh'' is −2 tanh(x)(1 − tanh(x)²), by the table rule recalled at each order", () => {
    const d = derive('tanh(x)', { order: 2 });
    expect(toText(d.parts[0]!.result)).toBe('1 - tanh(x)^2');
    expect(toText(d.result)).toBe('-2 * tanh(x) * (1 - tanh(x)^2)');
    expectSound(d);
  });

  it('the fourth derivative of x^5 sin(x) e^x has four parts, each sound, the last the fourth', () => {
    const d = derive('x^5*sin(x)*exp(x)', { order: 4 });
    expect(d.chain.map((p) => p.order)).toEqual([1, 2, 3, 4]);
    expectSound(d);
    // Each order starts from the one below's result.
    d.chain.slice(1).forEach((part, i) => expect(toText(part.steps[0]!.after)).toBe(`derivative(${toText(d.chain[i]!.result)}, x)`));
  });

  it('order 1 is the derivation as before, and a polynomial runs out to 0', () => {
    expect(derive('x^3', { order: 1 }).parts).toEqual([]);
    expect(derive('x^3', { order: 4 }).chain.map((p) => toText(p.result))).toEqual(['3 * x^2', '6 * x', '6', '0']);
  });

  it.each([0, -1, 2.5, 11, Number.NaN])('order %s is a typed invalid-option', (order) => {
    expect(rejection('x^2', { order } as DeriveOptions).code).toBe('invalid-option');
  });
});

describe('derivatives as people write them', () => {
  it('derivative(derivative(x^3, x), x) is 6x, with both derivations shown', () => {
    const d = derive('derivative(derivative(x^3, x), x)');
    expect(toText(d.result)).toBe('6 * x');
    expect(d.parts.map((p) => toText(p.result))).toEqual(['3 * x^2']);
    expect(d.steps[0]!.rule).toBe('recall');
    expect(d.steps[0]!.explanation).toBe('Use the derivative found above: d/dx x^3 = 3 * x^2.');
  });

  it('an inner derivative inside a larger expression, and one written twice, derived once', () => {
    const d = derive('x * derivative(sin(x), x) + derivative(sin(x), x)^2');
    expect(d.chain).toHaveLength(2);
    expect(toText(d.parts[0]!.result)).toBe('cos(x)');
    expectSound(d);
  });

  it('every text form stepdiff prints parses back to the expression it printed', () => {
    const d = derive('1/(1+exp(-x))', { define: [SIGMOID], order: 2 });
    const definitions = new Map([[parseDefinition(SIGMOID).name, parseDefinition(SIGMOID)]]);
    for (const part of d.chain) {
      for (const step of allSteps(part.steps)) {
        for (const e of [step.before, step.after]) expect(toText(parseExpression(toText(e), definitions, undefined, { inertDerivatives: true }).expr)).toBe(toText(e));
      }
    }
  });

  it('a derivative at a point inside the input is refused by name', () => {
    expect(rejection('derivative(x^2, x, 3)').code).toBe('unsupported-syntax');
  });
});

describe('orders in every format', () => {
  const d = derive('1/(1+exp(-x))', { define: [SIGMOID], order: 2 });

  it('text: each order under its own heading, in both languages', () => {
    const en = d.toText();
    expect(en.indexOf('Differentiate with respect to x:')).toBeLessThan(en.indexOf('Second derivative with respect to x:'));
    expect(d.toText('zh')).toContain('对 x 求二阶导数');
  });

  it('LaTeX: Leibniz notation, and every block renders', () => {
    const p = present(d);
    expect(p.main.latex).toMatch(/^\\begin\{aligned\}\n\\frac\{d\^\{2\}\}\{d x\^\{2\}\}/);
    expect(p.parts).toHaveLength(1);
    for (const latex of [p.main.latex, ...p.parts.flatMap((part) => [part.main.latex, part.result, ...part.subDerivations.map((b) => b.latex)])]) {
      expect(() => renderMath(latex, true)).not.toThrow();
    }
    expect(toMarkdown(d)).toContain('### Second derivative with respect to x');
  });

  it('JSON: the order, and the lower orders as parts', () => {
    const json = d.toJSON();
    expect(json.order).toBe(2);
    expect(json.parts?.map((p) => [p.order, p.start, p.result])).toEqual([[1, 'derivative(1 / (1 + exp(-x)), x)', 'σ(x) * (1 - σ(x))']]);
    expect(json.result).toBe('σ(x) * (1 - σ(x)) * (1 - 2 * σ(x))');
  });

  it('CLI: --order 2, and a bad order is one line and exit 2', () => {
    const out = spawnSync(process.execPath, [bin, '1/(1+exp(-x))', '--define', SIGMOID, '--order', '2'], { encoding: 'utf8' });
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('Second derivative with respect to x:');
    expect(out.stdout.trimEnd().split('\n').at(-1)).toBe('Result: σ(x) * (1 - σ(x)) * (1 - 2 * σ(x))');
    const bad = spawnSync(process.execPath, [bin, 'x^2', '--order', '2.5'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('stepdiff: [invalid-option] order must be a whole number from 1 to 10, not 2.5.\n');
  });
});
