// KaTeX is our LaTeX validator: every LaTeX string the corpus produces must render with throwOnError.

import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { derive } from '../src/index.js';
import { latexName, toLatex } from '../src/expr/latex.js';
import { parseExpression } from '../src/parse/parse.js';
import { CORPUS } from './corpus.js';
import { allSteps } from './helpers.js';

const render = (tex: string): string => katex.renderToString(tex, { throwOnError: true, trust: false, displayMode: true });

describe('LaTeX', () => {
  it('a function named like an Object.prototype member prints as itself (issue 30)', () => {
    for (const name of ['constructor', 'toString', 'valueOf', 'hasOwnProperty']) {
      const d = derive(`${name}(x)`, { define: [`${name}(x) = x^2`] });
      expect(toLatex(d.expr)).toBe(`\\mathrm{${name}}(x)`);
      expect(() => render(d.toLatex())).not.toThrow();
    }
  });

  it('a power of exp is parenthesised, never the double superscript e^{x}^{2}', () => {
    expect(toLatex(parseExpression('exp(x)^2').expr)).toBe('\\left(e^{x}\\right)^{2}');
    for (const input of ['x/exp(x)', 'exp(x)*exp(x)', 'exp(5)^(1/3)', 'exp(x)^2 + 1']) {
      const r = derive(input);
      for (const tex of [r.toLatex(), ...allSteps(r.steps).map((s) => s.toLatex())]) expect(() => render(tex), tex).not.toThrow();
    }
  });

  it('every derivation, step and result in the corpus renders in KaTeX', () => {
    let rendered = 0;
    for (const c of CORPUS) {
      const r = derive(c.input, c.options);
      const json = r.toJSON();
      const strings = [r.toLatex(), json.resultLatex, ...allSteps(r.steps).flatMap((s) => [s.toLatex(), s.toJSON().beforeLatex])];
      for (const tex of strings) {
        expect(() => render(tex), tex).not.toThrow();
        rendered++;
      }
    }
    expect(rendered).toBeGreaterThan(500);
  });

  it.each([
    ['1/(1+exp(-x))', '\\frac{1}{1 + e^{-x}}'],
    ['σ(x)*(1-σ(x))', '\\sigma(x) \\, \\left(1 - \\sigma(x)\\right)'],
    ['yhat - t', '\\hat{y} - t'],
    ['log(x, 2)', '\\log_{2}(x)'],
    ['sqrt(x) + cbrt(x)', '\\sqrt{x} + \\sqrt[3]{x}'],
    ['sech(x)', '\\operatorname{sech}(x)'],
    ['abs(x)', '\\left|x\\right|'],
    ['x_1 * theta', 'x_{1} \\, \\theta'],
    ['2x', '2 \\, x'],
    ['0 * (1 + x)', '0 \\cdot \\left(1 + x\\right)'],
    ['1 * (-x)', '1 \\cdot \\left(-x\\right)'],
    ['(1+x)^2', '\\left(1 + x\\right)^{2}'],
  ])('%s → %s', (input, tex) => {
    const e = parseExpression(input, new Map([['σ', { name: 'σ', params: ['x'], body: parseExpression('x').expr }]])).expr;
    expect(toLatex(e)).toBe(tex);
  });

  it('writes the inert derivative with d, or ∂ when other variables are present', () => {
    expect(derive('x^2').toLatex()).toContain('\\frac{d}{d x}\\left[x^{2}\\right]');
    expect(derive('t*x', { wrt: 'x' }).toLatex()).toContain('\\frac{\\partial}{\\partial x}');
  });

  it('escapes names that are not plain identifiers', () => {
    expect(latexName('a$b')).toBe('\\text{a\\$b}');
    expect(latexName('über')).toBe('\\text{über}');
    expect(() => render(latexName('x{}\\^_%#&~'))).not.toThrow();
  });
});
