// Issue 25, point 2: gradients and Hessians, one derivation per distinct partial derivative, the
// parts shared (σ' found once, a mixed partial from the first partial it recalls).

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { gradient, hessian, renderMath, toHTML, toLatexDocument, toMarkdown, toText, type PartialsOptions } from '../src/index.js';
import { partialsLatex } from '../src/present/present.js';
import { allSteps, unsoundSteps } from './helpers.js';
import type { Expr } from '../src/expr/expr.js';
import type { Partials } from '../src/engine/partials.js';

const SIGMOID = 'σ(x) = 1/(1+exp(-x))';
const LOSS = '-(t*log(σ(w*x+b)) + (1-t)*log(1-σ(w*x+b)))';
const bin = fileURLToPath(new URL('../dist/lib/cli.js', import.meta.url));

/** Every step of every derivation equals the one before, numerically. */
const expectSound = (p: Partials, define: readonly string[] = []): void => expect(unsoundSteps(p.all, define)).toEqual([]);

describe('gradients', () => {
  it('the logistic-regression loss: [(σ(wx + b) − t)·x, σ(wx + b) − t], σ\'s derivative found once', () => {
    const g = gradient(LOSS, { wrt: ['w', 'b'], define: [SIGMOID] });
    expect(g.resultTexts()).toEqual(['x * (σ(w * x + b) - t)', 'σ(w * x + b) - t']);
    expect(g.derivations.map((d) => d.wrt)).toEqual(['w', 'b']);
    // The second partial recalls σ' rather than opening σ's definition again.
    expect(allSteps(g.derivations[1]!.steps).map((s) => s.rule)).not.toContain('definition');
    expectSound(g, [SIGMOID]);
  });

  it('the squared error: [(wx + b − t)·x, wx + b − t]', () => {
    const g = gradient('(w*x + b - t)^2/2', { wrt: ['w', 'b'] });
    expect(g.resultTexts()).toEqual(['x * (w * x + b - t)', 'w * x + b - t']);
    expectSound(g);
  });

  it('a variable the expression does not hold has partial 0, with the step that says why', () => {
    const g = gradient('x^2', { wrt: ['x', 'y'] });
    expect(g.resultTexts()).toEqual(['2 * x', '0']);
    expect(g.derivations[1]!.steps[0]!.explanation).toContain('does not depend on y');
  });

  it.each([
    [{ wrt: ['x', 'x'] }, 'twice'],
    [{ wrt: [] }, 'list of variable names'],
    [{ wrt: 'x' }, 'list of variable names'],
    [{ wrt: ['e'] }, 'constant'],
  ] as Array<[PartialsOptions, string]>)('%j is a typed error', (options, words) => {
    expect(() => gradient('x^2', options)).toThrow(expect.objectContaining({ message: expect.stringContaining(words) }));
  });
});

describe('Hessians', () => {
  it('is symmetric, each mixed partial derived once from the first partial it recalls', () => {
    const h = hessian('x^2*y + sin(x*y)', { wrt: ['x', 'y'] });
    const rows = h.result as ReadonlyArray<readonly Expr[]>;
    const [xx, xy, yx, yy] = [rows[0]![0], rows[0]![1], rows[1]![0], rows[1]![1]];
    expect(yx).toBe(xy);
    expect([xx, xy, yy].map((e) => toText(e!))).toEqual(['y * (2 - y * sin(x * y))', 'x * (2 - y * sin(x * y)) + cos(x * y)', '-x^2 * sin(x * y)']);
    // Three second partials and the two first partials they start from: five derivations in all.
    expect(h.derivations).toHaveLength(3);
    expect(h.all).toHaveLength(5);
    expect(h.derivations.every((d) => d.steps[0]!.rule === 'recall')).toBe(true);
    expectSound(h);
  });

  it('the Hessian of a 10-variable quadratic form is its coefficient matrix', () => {
    const terms: string[] = [];
    for (let i = 1; i <= 10; i++) for (let j = i; j <= 10; j++) terms.push(`a${i}_${j}*x${i}*x${j}`);
    const names = Array.from({ length: 10 }, (_, i) => `x${i + 1}`);
    const h = hessian(terms.join(' + '), { wrt: names });
    const texts = h.resultTexts() as string[][];
    expect(texts[0]![0]).toBe('2 * a1_1');
    expect(texts[2]![6]).toBe('a3_7');
    expect(texts[6]![2]).toBe('a3_7');
    expect(h.derivations).toHaveLength(55);
  });
});

describe('gradients and Hessians in every format', () => {
  const g = gradient('(w*x + b - t)^2/2', { wrt: ['w', 'b'] });
  const h = hessian('(w*x + b - t)^2/2', { wrt: ['w', 'b'] });

  it('text, LaTeX (∂, bmatrix), Markdown and HTML, en and zh', () => {
    expect(g.toText()).toMatch(/Gradient: \[x \* \(w \* x \+ b - t\), w \* x \+ b - t\]$/);
    expect(h.toText('zh')).toMatch(/黑塞矩阵：\[\[x\^2, x\], \[x, 1\]\]$/);
    expect(partialsLatex(h)).toBe('\\begin{bmatrix} x^{2} & x \\\\ x & 1 \\end{bmatrix}');
    expect(() => renderMath(partialsLatex(g), true)).not.toThrow();
    expect(toLatexDocument(g)).toContain('\\frac{\\partial}{\\partial w}');
    expect(toMarkdown(h)).toContain('## Hessian (w, b)');
    expect(toHTML(g, 'zh')).toContain('<h2>梯度 (w, b)</h2>');
  });

  it('JSON: { kind, wrt, result, parts }', () => {
    const json = h.toJSON();
    expect(Object.keys(json)).toEqual(['kind', 'wrt', 'result', 'parts']);
    expect([json.kind, json.wrt, json.result]).toEqual(['hessian', ['w', 'b'], [['x^2', 'x'], ['x', '1']]]);
    expect(json.parts.map((p) => p.start)).toEqual([
      'derivative((w * x + b - t)^2 / 2, w)', 'derivative(derivative((w * x + b - t)^2 / 2, w), w)', 'derivative(derivative((w * x + b - t)^2 / 2, w), b)',
      'derivative((w * x + b - t)^2 / 2, b)', 'derivative(derivative((w * x + b - t)^2 / 2, b), b)',
    ]);
  });

  it('CLI: --wrt w,b is the gradient, with --order 2 the Hessian; a name twice is exit 2', () => {
    const out = spawnSync(process.execPath, [bin, '(w*x + b - t)^2/2', '--wrt', 'w,b', '--order', '2', '--format', 'json'], { encoding: 'utf8' });
    expect(out.status).toBe(0);
    expect((JSON.parse(out.stdout) as { result: unknown }).result).toEqual([['x^2', 'x'], ['x', '1']]);
    const bad = spawnSync(process.execPath, [bin, 'x^2', '--wrt', 'x,x'], { encoding: 'utf8' });
    expect([bad.status, bad.stderr]).toEqual([2, 'stepdiff: [invalid-variable] wrt lists x twice.\n']);
  });
});
