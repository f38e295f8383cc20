// Issue 26, point 1: the functions of deep learning as built-ins. Each is differentiated by its
// definition and folded back where that reads better (σ' = σ(1 − σ), softplus' = σ), prints as
// itself, evaluates, and its derivative equals the numeric derivative of its definition.

import { describe, expect, it } from 'vitest';
import { derive, evaluate, numericDerivative, renderMath, toLatex, toText } from '../src/index.js';
import { BUILTIN_FUNCTIONS } from '../rules/index.js';
import { close, rejection, unsoundSteps } from './helpers.js';

const TABLE: Array<[string, string]> = [
  ['σ(x)', 'σ(x) * (1 - σ(x))'],
  ['sigmoid(x)', 'sigmoid(x) * (1 - sigmoid(x))'],
  ['softplus(x)', 'σ(x)'],
  ['silu(x)', 'σ(x) * (1 + x * (1 - σ(x)))'],
  ['swish(x)', 'σ(x) * (1 + x * (1 - σ(x)))'],
  ['logsigmoid(x)', '1 - σ(x)'],
  ['gelu(x)', '(1 + erf(x / sqrt(2))) / 2 + x * exp(-x^2 / 2) / (sqrt(pi) * sqrt(2))'],
  ['erf(x)', '2 * exp(-x^2) / sqrt(pi)'],
  ['erfc(x)', '-(2 * exp(-x^2) / sqrt(pi))'],
  ['log1p(x)', '1 / (1 + x)'],
  ['expm1(x)', 'exp(x)'],
  ['sign(x)', '0'],
  ['tanh(x)', '1 - tanh(x)^2'],
];

describe('built-in functions', () => {
  it.each(TABLE)("%s' is %s, every step sound, equal to the numeric derivative", (input, expected) => {
    const d = derive(input);
    expect(toText(d.result)).toBe(expected);
    expect(d.complete).toBe(true);
    const definitions = d.definitions.map((def) => `${def.name}(${def.params.join(', ')}) = ${toText(def.body)}`);
    expect(unsoundSteps([d], definitions)).toEqual([]);
    for (const x of [-2.5, -0.7, 0.3, 1.9]) {
      const f = (v: number): number => evaluate(d.expr, { x: v }, d.definitions);
      const exact = evaluate(d.result, { x }, d.definitions);
      // Outside the function's domain (log1p at −2.5) there is no derivative to compare with.
      if (!Number.isNaN(f(x))) expect(close(exact, numericDerivative(f, x), 1e-6), `${input} at ${x}`).toBe(true);
    }
  });

  it('each prints as itself in text and LaTeX, and its LaTeX renders', () => {
    for (const f of BUILTIN_FUNCTIONS) {
      for (const name of f.names) {
        const d = derive(`${name}(2*x)`);
        expect(toText(d.expr)).toBe(`${name}(2 * x)`);
        expect(() => renderMath(toLatex(d.expr), true)).not.toThrow();
        expect(() => renderMath(d.toLatex(), true)).not.toThrow();
      }
    }
    expect(toLatex(derive('erf(x)').expr)).toBe('\\operatorname{erf}(x)');
    expect(toLatex(derive('σ(x)').expr)).toBe('\\sigma(x)');
  });

  it('says which built-in definition it used, and shows it', () => {
    const d = derive('softplus(x)');
    expect(d.notes).toEqual(['Built-in definition used for softplus, σ']);
    expect(d.notesIn('zh')).toEqual(['使用了 softplus, σ 的内置定义']);
    expect(d.toText()).toContain('Definition: softplus(x) = log(1 + exp(x))');
  });

  it("a user's definition of the same name replaces the built-in, with a note when it differs", () => {
    const mine = derive('σ(x)', { define: ['σ(x) = tanh(x)'] });
    expect(toText(mine.result)).toBe('1 - σ(x)^2');
    expect(mine.notes).toEqual(['Your definition of σ replaces the built-in one']);
    const same = derive('σ(x)', { define: ['σ(t) = 1/(1+exp(-t))'] });
    expect(same.notes).toEqual([]);
    expect(toText(same.result)).toBe('σ(x) * (1 - σ(x))');
  });

  it('σ stays free as a variable where it is not called (a standard deviation)', () => {
    expect(toText(derive('x/σ', { wrt: 'x' }).result)).toBe('1 / σ');
    expect(derive('x/σ', { wrt: 'x' }).notes).toEqual([]);
  });

  it('a function called inside the input, a composition and a second order use the built-ins too', () => {
    expect(toText(derive('softplus(2*x)').result)).toBe('2 * σ(2 * x)');
    expect(toText(derive('-(t*log(σ(z))+(1-t)*log(1-σ(z)))', { wrt: 'z' }).result)).toBe('σ(z) - t');
    expect(toText(derive('σ(x)', { order: 2 }).result)).toBe('σ(x) * (1 - σ(x)) * (1 - 2 * σ(x))');
    expect(toText(derive('erf(x^2)').result)).toBe('4 * x * exp(-x^4) / sqrt(pi)');
  });

  it('a built-in called with the wrong number of arguments is a typed error', () => {
    expect(rejection('softplus(x, 2)').code).toBe('wrong-arity');
    expect(rejection('erf()').code).toBe('wrong-arity');
  });
});
