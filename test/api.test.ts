// Issue 27, points 3 and 5: results that print themselves, options checked by name, evaluate with a
// plain object, and input as people paste it (Python's **, sin^2(x), ln x, LaTeX).

import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { build, derive, evaluate, gradient, simplifyExpression, StepdiffError, toText } from '../src/index.js';
import { fromLatex } from '../src/parse/latex-input.js';
import { rejection } from './helpers.js';

describe('printable results', () => {
  it('an Expr prints as its text form: String, template, JSON.stringify, console.log', () => {
    const d = derive('1/(1+exp(-x))', { define: ['σ(x) = 1/(1+exp(-x))'] });
    expect(String(d.result)).toBe('σ(x) * (1 - σ(x))');
    expect(`${d.result}`).toBe('σ(x) * (1 - σ(x))');
    expect(JSON.stringify({ result: d.result })).toBe('{"result":"σ(x) * (1 - σ(x))"}');
    // A derivation holds exact numbers (BigInt): stringified whole, it no longer throws.
    expect(() => JSON.stringify(derive('x/3'))).not.toThrow();
    expect(inspect(d.result)).toBe('Expr(σ(x) * (1 - σ(x)))');
    expect(inspect(build.num(1, 3))).toBe('Expr(1 / 3)');
  });

  it("a Step's own enumerable fields are its documented ones", () => {
    const step = derive('x^2 + sin(x)').steps[0]!;
    expect(Object.keys(step).sort()).toEqual(['after', 'before', 'law', 'path', 'rule', 'substeps', 'title']);
    expect(step.explanation).toBe('Sum rule.');
    expect(step.latexOptions).toEqual({ partial: false });
  });
});

describe('evaluate', () => {
  it('takes a plain object, with ASCII names for ŷ and σ, and the definitions a result calls', () => {
    const bce = derive('-(t*log(ŷ)+(1-t)*log(1-ŷ))', { wrt: 'ŷ' });
    expect(evaluate(bce.result, { yhat: 0.3, t: 1 })).toBeCloseTo(-1 / 0.3, 12);
    const sigmoid = derive('1/(1+exp(-x))', { define: ['σ(x) = 1/(1+exp(-x))'] });
    expect(evaluate(sigmoid.result, { x: 0 }, sigmoid.definitions)).toBe(0.25);
    const sigma = derive('sigma^2', { wrt: 'sigma' });
    expect(evaluate(sigma.result, { sigma: 3 })).toBe(6);
  });

  it('refuses a variable without a value and a value that is not a number, by name', () => {
    const e = derive('x*y', { wrt: 'x' }).result;
    expect(() => evaluate(e, { x: 1 })).toThrow(expect.objectContaining({ code: 'invalid-option', message: 'evaluate: no value for y.' }));
    expect(() => evaluate(e, { y: '2' } as never)).toThrow(expect.objectContaining({ code: 'invalid-option', message: 'evaluate: the value of y must be a number.' }));
    expect(() => evaluate(e, null as never)).toThrow(StepdiffError);
  });

  it('still takes an Environment (a Map of values)', () => {
    expect(evaluate(derive('x^3').result, { values: new Map([['x', 2]]) })).toBe(12);
  });
});

describe('options', () => {
  it.each([
    [{ wrtt: 'x' }, 'derive has no option "wrtt"; did you mean wrt?'],
    [{ defines: ['f(x) = x'] }, 'derive has no option "defines"; did you mean define?'],
    [{ Order: 2 }, 'derive has no option "Order"; did you mean order?'],
    [{ limits: { maxdepth: 3 } }, 'limits has no option "maxdepth"; did you mean maxDepth?'],
  ])('%j is an invalid-option error naming the nearest option', (options, message) => {
    const error = rejection('x^2', options as never);
    expect(error.code).toBe('invalid-option');
    expect(error.message.startsWith(message)).toBe(true);
  });

  it('a name like no option is refused without a guess; gradient and simplifyExpression check theirs too', () => {
    expect(rejection('x^2', { colour: 'red' } as never).message).toMatch(/^derive has no option "colour" \(options: wrt, define/);
    expect(() => gradient('x*y', { wrt: ['x', 'y'], mehtod: 'chain' } as never)).toThrow(/did you mean method\?/);
    expect(() => simplifyExpression('x + x', { maxStep: 3 } as never)).toThrow(/did you mean maxSteps\?/);
  });

  it('library messages name options as a caller passes them', () => {
    expect(rejection('softsign(x)').message).toContain('to define it, pass define: ["softsign(x) = …"]');
    expect(rejection('x^2 + y^2 = 1').message).toContain("such as dependent: 'y'");
  });
});

describe('input as people paste it', () => {
  it.each([
    ['x**3', 'x^3', '3 * x^2'],
    ['2**-x', '2^(-x)', '-log(2) * 2^(-x)'],
    ['sin^2(x)', 'sin(x)^2', 'sin(2 * x)'],
    ['cos^3 x', 'cos(x)^3', '-3 * cos(x)^2 * sin(x)'],
    ['ln x', 'log(x)', '1 / x'],
    ['sin x + x', 'sin(x) + x', 'cos(x) + 1'],
    ['ln x / 2', 'log(x) / 2', '1 / (2 * x)'],
  ])('%s reads as %s', (input, read, result) => {
    const d = derive(input);
    expect(toText(d.expr)).toBe(read);
    expect(toText(d.result)).toBe(result);
  });

  it('** is noted; sin x^2 and 2 sin x stay refused, as which argument they mean is unclear', () => {
    expect(derive('x**2').notes).toEqual(['** read as ^']);
    expect(rejection('sin x^2').code).toBe('function-as-symbol');
    expect(rejection('2 sin x').code).toBe('function-as-symbol');
    // ** keeps every later column: the error after it is where it is written.
    expect(rejection('x**2 + 1/0').position).toBe(8);
  });

  it.each([
    ['\\frac{1}{1+e^{-x}}', '1 / (1 + e^(-x))'],
    ['\\dfrac{x}{2}', 'x / 2'],
    ['\\sigma(x) \\cdot x', 'σ(x) * x'],
    ['\\sqrt{x} + \\sqrt[3]{x}', 'sqrt(x) + nthRoot(x, 3)'],
    ['x^{2} \\times 3', 'x^2 * 3'],
    ['\\ln x', 'log(x)'],
    ['\\ln\\left( 1 + e^{x} \\right)', 'log(1 + e^x)'],
    ['\\left[ x + 1 \\right]^{2}', '(x + 1)^2'],
    ['\\left| x \\right|', 'abs(x)'],
    ['\\hat{y} - t', 'ŷ - t'],
    ['\\mathrm{e}^{x}', 'e^x'],
    ['\\operatorname{tanh}(x)', 'tanh(x)'],
    ['\\arctan x', 'atan(x)'],
    ['\\sin^2 x', 'sin(x)^2'],
    ['w_{1} x_1', 'w_1 * x_1'],
    ['\\alpha\\,x', 'α * x'],
  ])('LaTeX %s reads as %s', (latex, read) => {
    const d = derive(latex, { wrt: 'x' });
    expect(toText(d.expr)).toBe(read);
    expect(d.notes).toContain('LaTeX read as text');
  });

  it('LaTeX errors are typed and placed in the LaTeX: an unknown command, an unclosed group, a parse error inside', () => {
    const unknown = rejection('1 + \\foo{x}');
    expect([unknown.code, unknown.position]).toEqual(['unsupported-syntax', 4]);
    expect(unknown.message).toContain('\\foo');
    expect(rejection('\\frac{1}{x').position).toBe(8);
    const inside = rejection('\\frac{1}{x + }');
    expect(inside.code).toBe('syntax-error');
    expect(inside.position).toBeGreaterThanOrEqual(9);
    expect(inside.position).toBeLessThanOrEqual(13);
    expect(rejection('\\frac{1}{x - x}').code).toBe('division-by-zero');
    expect(rejection('|x|', { input: 'latex' }).code).toBe('unsupported-syntax');
  });

  it("input: 'latex' reads text without braces as LaTeX, input: 'text' refuses LaTeX", () => {
    expect(toText(derive('xy', { input: 'latex', wrt: 'x' }).expr)).toBe('x * y');
    expect(toText(derive('xy', { wrt: 'xy' }).expr)).toBe('xy');
    expect(rejection('\\frac{1}{x}', { input: 'text' }).code).toBe('syntax-error');
    expect(rejection('x', { input: 'tex' } as never).code).toBe('invalid-option');
  });

  it('every character of the text read from LaTeX knows where it came from', () => {
    const read = fromLatex('\\frac{a}{b}');
    expect(read.text).toBe('((a)/(b))');
    expect(read.from).toHaveLength(read.text.length);
    expect(read.from[read.text.indexOf('a')]).toBe(6);
    expect(read.from[read.text.indexOf('b')]).toBe(9);
  });
});
