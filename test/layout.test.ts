// The readable layout of toHTML (issue 28): each step a row with its rule as HTML text above its
// formula, sub-derivations as <details> in the row of the step that opens them, titled by what they
// derive; a step whose formula prints as the row before joins that row; every formula has a copy
// button carrying its LaTeX. And the plot: sampled by the evaluator, broken where undefined.

import { describe, expect, it } from 'vitest';
import { derive, evaluate, formulaCount, plottable, present, stepsHTML, toHTML, toLatex, toPlot } from '../src/index.js';
import type { Chain } from '../src/present/present.js';

const SIGMOID = { define: ['σ(x) = 1/(1+exp(-x))'] };

/** Every sub-derivation title of a chain, depth first. */
const titles = (c: Chain): string[] => c.rows.flatMap((r) => r.subDerivations.flatMap((s) => [s.title, ...titles(s)]));

describe('the step layout', () => {
  it('titles each sub-derivation by what it derives, in each language', () => {
    const d = derive('1/(1+exp(-x))', SIGMOID);
    expect(titles(present(d).chain)).toEqual([
      'u′: derivative of the numerator 1',
      'v′: derivative of the denominator 1 + exp(-x)',
      'Outer derivative of exp(y)',
      'Inner derivative of -x',
    ]);
    expect(titles(present(d, 'zh').chain)).toEqual(['u′：分子 1 的导数', 'v′：分母 1 + exp(-x) 的导数', '外层函数 exp(y) 的导数', '内层函数 -x 的导数']);
    expect(titles(present(derive('x^2*sin(x)')).chain).slice(0, 2)).toEqual(['u′: derivative of the first factor x^2', 'v′: derivative of the second factor sin(x)']);
    // A sub-derivation's heading in Markdown and LaTeX says the same, with its step.
    expect(present(d).subDerivations[0]!.label).toBe('u′: derivative of the numerator 1 (sub-derivation of step 1)');
  });

  it('puts each step in its own row: the rule as text above the formula, not a \\text column', () => {
    const d = derive('1/(1+exp(-x))', SIGMOID);
    const html = toHTML(d);
    expect(html).toContain('<span class="sd-n">1</span> <strong class="sd-rule">Quotient rule</strong>: u = 1 and v = 1 + exp(-x).');
    expect(html).not.toContain('\\text{Quotient rule}');
    // One row per step of the main chain, plus the start; each with its own formula box.
    const chain = present(d).chain;
    expect(chain.rows.length).toBe(d.steps.length);
    expect(chain.rows.map((r) => r.latex)).toEqual(d.steps.map((s) => `= ${toLatex(s.after, d.latexOptions)}`));
    // Sub-derivations sit in the row of the step that opens them: step 1's <li> holds both.
    const firstRow = html.slice(html.indexOf('<span class="sd-n">1</span>'), html.indexOf('<span class="sd-n">2</span>'));
    expect(firstRow.match(/<details class="sd-sub"><summary>/g)?.length).toBe(4);
    expect(firstRow).toContain('<summary>u′: derivative of the numerator 1</summary>');
  });

  it('shows a step whose formula prints as the row before once, with both reasons', () => {
    const d = derive('x^2*sin(x)');
    const rows = present(d).chain.rows;
    const merged = rows.find((r) => r.reasons.length > 1)!;
    expect(merged.reasons.map((r) => r.title)).toEqual(['Substitute the derivatives of the parts', 'Remove the inner parentheses']);
    // The two steps' formulas print alike; the row holds it once.
    const [a, b] = merged.reasons.map((r) => d.steps[Number(r.number) - 1]!);
    expect(toLatex(a!.after)).toBe(toLatex(b!.after));
    expect(rows.length).toBe(d.steps.length - 1);
    // No two neighbouring rows print the same formula.
    expect(rows.every((r, i) => i === 0 || r.latex !== rows[i - 1]!.latex)).toBe(true);
    // The page renders as many formulas as formulaCount says.
    const html = toHTML(d);
    expect(html.match(/class="katex-display"/g)?.length).toBe(formulaCount(d) - present(d).laws.length);
  });

  it('gives every displayed formula a copy button holding its own LaTeX', () => {
    const html = toHTML(derive('x^2*sin(x)'));
    const buttons = [...html.matchAll(/<button type="button" class="sd-copy" data-latex="([^"]*)" hidden>Copy LaTeX<\/button>/g)].map((m) => m[1]!);
    const annotations = [...html.matchAll(/<div class="sd-math"[^>]*><span class="katex-display">.*?<annotation encoding="application\/x-tex">([^<]*)<\/annotation>/g)].map((m) => m[1]!);
    expect(buttons.length).toBeGreaterThan(3);
    expect(buttons).toEqual(annotations);
    expect(toHTML(derive('tanh(x)'), 'zh')).toContain('>复制 LaTeX</button>');
  });

  it('writes a piecewise function\'s rows in the reader\'s language', () => {
    const d = derive('relu(x)');
    expect(present(d).result).toBe('\\begin{cases} 0 & \\text{if } x < 0 \\\\ 1 & \\text{otherwise} \\end{cases}');
    expect(present(d, 'zh').result).toBe('\\begin{cases} 0 & \\text{若 } x < 0 \\\\ 1 & \\text{其他情况} \\end{cases}');
    expect(d.toLatex('zh')).toContain('\\text{其他情况}');
    // Every formula of the chain too (a law's LaTeX is the rule's own, in English).
    expect(JSON.stringify(present(d, 'zh').chain)).not.toContain('otherwise');
  });

  it('stepsHTML is the main chain alone', () => {
    const html = stepsHTML(derive('x^3'));
    expect(html).toContain('class="sd-chain"');
    expect(html).not.toContain('sd-laws');
  });
});

describe('the plot', () => {
  /** The points of each path of an SVG, in plot coordinates, one array per segment. */
  const segments = (svg: string, k: number): number => (svg.match(new RegExp(`class="sd-curve-${k}" d="([^"]*)"`))![1]!.match(/M/g) ?? []).length;

  it('samples f and each derivative with the evaluator, one path each', () => {
    const d = derive('1/(1+exp(-x))', { ...SIGMOID, order: 2 });
    const svg = toPlot(d);
    expect(svg).toContain('<figure class="sd-plot">');
    expect(svg).toMatch(/viewBox="0 0 640 360"/);
    expect(svg).not.toMatch(/<svg[^>]* width=/);
    for (const k of [0, 1, 2]) expect(segments(svg, k)).toBe(1);
    expect(svg).toContain('σ(x), σ′(x), σ″(x)');
    // The middle sample (x = 0) of σ′ is σ′(0) = 1/4: its y coordinate is where 0.25 maps.
    const path = svg.match(/class="sd-curve-1" d="([^"]*)"/)![1]!;
    const points = [...path.matchAll(/[ML]([\d.-]+) ([\d.-]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    expect(points.length).toBe(241);
    const zero = points[120]![1];
    const one = [...svg.matchAll(/<line class="sd-grid" x1="60" y1="([\d.]+)"[^>]*\/><text[^>]*>([\d.-]+)<\/text>/g)];
    const y = (v: number): number => Number(one.find((m) => Number(m[2]) === v)![1]);
    expect(evaluate(d.chain[0]!.result, { x: 0 }, d.definitions)).toBeCloseTo(0.25, 12);
    expect(zero).toBeGreaterThan(y(0.5));
    expect(zero).toBeLessThan(y(0));
  });

  it('breaks a curve where it is undefined or jumps', () => {
    expect(segments(toPlot(derive('1/x')), 0)).toBe(2);
    expect(segments(toPlot(derive('log(x)')), 0)).toBe(1);
    expect(segments(toPlot(derive('heaviside(x)')), 0)).toBe(2);
  });

  it('plots only functions of the one variable', () => {
    expect(plottable(derive('sin(x)'))).toBe(true);
    expect(plottable(derive('1/(1+exp(-x))', SIGMOID))).toBe(true);
    expect(plottable(derive('a*x^2', { wrt: 'x' }))).toBe(false);
    expect(plottable(derive('x^2 + y^2 = 1', { dependent: 'y' }))).toBe(false);
  });

  it('a standalone SVG carries its own light and dark styles', () => {
    const svg = toPlot(derive('sin(x)'), 'en', { standalone: true });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('@media (prefers-color-scheme:dark)');
  });
});
