// The reference derivations of ../shared/derivations.md: exact rule-id sequences and final texts.

import { describe, expect, it } from 'vitest';
import { derive, toText } from '../src/index.js';
import { ruleIds } from './helpers.js';

const SIGMOID = 'σ(x) = 1/(1+exp(-x))';
const main = (r: ReturnType<typeof derive>): string[] => r.steps.map((s) => s.rule);
const afterOf = (r: ReturnType<typeof derive>, rule: string): string => toText(r.steps.find((s) => s.rule === rule)!.after);

describe('§1 sigmoid, quotient route', () => {
  const r = derive('1/(1+exp(-x))', { define: [SIGMOID] });

  it('differentiates in rows 0–2: quotient; constant (numerator); sum, constant, chain, exponential, inner derivative (denominator)', () => {
    expect(ruleIds(r.steps).slice(0, 11)).toEqual([
      'quotient',
      'constant',
      'sum', 'constant', 'chain', 'exponential', 'negation', 'variable', 'substitute-parts', 'collect',
      'substitute-parts',
    ]);
    expect(toText(r.steps[0]!.after)).toBe('(derivative(1, x) * (1 + exp(-x)) - 1 * derivative(1 + exp(-x), x)) / (1 + exp(-x))^2');
    expect(toText(r.steps[1]!.after)).toBe('(0 * (1 + exp(-x)) - 1 * (-exp(-x))) / (1 + exp(-x))^2');
    const chain = r.steps[0]!.substeps.find((s) => s.rule === 'chain')!;
    expect(toText(chain.after)).toBe('0 + exp(-x) * derivative(-x, x)');
    expect(chain.explanation).toBe('Chain rule: outer function exp(y), inner function y = -x.');
  });

  it('then rows 3–9: drop the zero term, multiply out, add and subtract 1, split, cancel, factor, substitute σ back', () => {
    expect(main(r)).toEqual([
      'quotient', 'substitute-parts', 'drop-zero', 'drop-one', 'signs', 'add-subtract', 'split-fraction', 'cancel', 'factor', 'substitute',
    ]);
    expect(afterOf(r, 'drop-zero')).toBe('-1 * (-exp(-x)) / (1 + exp(-x))^2');
    expect(afterOf(r, 'signs')).toBe('exp(-x) / (1 + exp(-x))^2');
    expect(afterOf(r, 'add-subtract')).toBe('(1 + exp(-x) - 1) / (1 + exp(-x))^2');
    expect(afterOf(r, 'split-fraction')).toBe('(1 + exp(-x)) / (1 + exp(-x))^2 - 1 / (1 + exp(-x))^2');
    expect(afterOf(r, 'cancel')).toBe('1 / (1 + exp(-x)) - 1 / (1 + exp(-x))^2');
    expect(afterOf(r, 'factor')).toBe('1 / (1 + exp(-x)) * (1 - 1 / (1 + exp(-x)))');
    expect(toText(r.result)).toBe('σ(x) * (1 - σ(x))');
    expect(r.complete).toBe(true);
    expect(r.steps.find((s) => s.rule === 'cancel')!.explanation).toBe('Cancel the common factors: assuming 1 + exp(-x) ≠ 0.');
  });

  it('without a definition passes e^{-x}/(1+e^{-x})^2 and clears the negative exponent', () => {
    const plain = derive('1/(1+exp(-x))');
    const passed = plain.steps.map((s) => toText(s.after));
    expect(passed).toContain('exp(-x) / (1 + exp(-x))^2');
    expect(plain.steps.map((s) => s.rule)).toContain('clear-negative-exponential');
    expect(toText(plain.result)).toBe('exp(x) / (exp(x) + 1)^2');
    expect(plain.complete).toBe(true);
  });

  it('with simplify: false returns the raw result of the differentiation rules', () => {
    expect(toText(derive('1/(1+exp(-x))', { simplify: false }).result)).toBe('(0 * (1 + exp(-x)) - 1 * (-exp(-x))) / (1 + exp(-x))^2');
  });

  it('a definition as input starts from the definition', () => {
    const d = derive(SIGMOID);
    expect(ruleIds(d.steps).slice(0, 2)).toEqual(['definition', 'quotient']);
    expect(toText(d.result)).toBe('σ(x) * (1 - σ(x))');
  });
});

describe('§2 sigmoid, chain-rule route', () => {
  it('negative power, chain with the power rule, multiply, then §1 steps 5–9', () => {
    const r = derive('1/(1+exp(-x))', { define: [SIGMOID], method: 'chain' });
    expect(ruleIds(r.steps)).toEqual([
      'negative-power',
      'chain', 'power', 'sum', 'constant', 'chain', 'exponential', 'negation', 'variable', 'substitute-parts', 'collect',
      'substitute-parts',
      'signs', 'negative-exponent', 'multiply-fractions',
      'add-subtract', 'split-fraction', 'cancel', 'factor', 'substitute',
    ]);
    expect(toText(r.steps[0]!.after)).toBe('derivative((1 + exp(-x))^(-1), x)');
    expect(toText(r.steps[1]!.substeps[0]!.after)).toBe('-y^(-2)');
    expect(afterOf(r, 'multiply-fractions')).toBe('exp(-x) / (1 + exp(-x))^2');
    expect(toText(r.result)).toBe('σ(x) * (1 - σ(x))');
  });
});

describe('§3 binary cross-entropy with respect to ŷ', () => {
  const r = derive('-(t*log(ŷ)+(1-t)*log(1-ŷ))', { wrt: 'ŷ' });

  it('rows 1–1c: leading minus and sum rule, product rules with t constant, chain and logarithm', () => {
    expect(ruleIds(r.steps).slice(0, 17)).toEqual([
      'negation', 'sum',
      'product', 'constant', 'logarithm', 'substitute-parts',
      'product', 'constant',
      'chain', 'logarithm', 'difference', 'constant', 'variable', 'collect', 'substitute-parts', 'collect',
      'substitute-parts',
    ]);
    expect(toText(r.steps[1]!.after)).toBe('-(derivative(t * log(ŷ), ŷ) + derivative((1 - t) * log(1 - ŷ), ŷ))');
    expect(r.steps[2]!.substeps[0]!.explanation).toBe('Constant rule: t does not depend on ŷ, so it is a constant and its derivative is 0.');
  });

  it('rows 2–5: simplify, common denominator, expand, cancel tŷ', () => {
    expect(main(r).slice(6)).toEqual(['drop-zero', 'signs', 'multiply-fractions', 'common-denominator', 'expand', 'combine-like-terms']);
    expect(afterOf(r, 'multiply-fractions')).toBe('-t / ŷ + (1 - t) / (1 - ŷ)');
    expect(afterOf(r, 'common-denominator')).toBe('(-t * (1 - ŷ) + (1 - t) * ŷ) / (ŷ * (1 - ŷ))');
    expect(afterOf(r, 'expand')).toBe('(-t + t * ŷ + ŷ - t * ŷ) / (ŷ * (1 - ŷ))');
    expect(toText(r.result)).toBe('(ŷ - t) / (ŷ * (1 - ŷ))');
  });

  it.each([
    ['-(t*log(yhat)+(1-t)*log(1-yhat))', 'yhat', '(ŷ - t) / (ŷ * (1 - ŷ))'],
    ['-(y*log(p)+(1-y)*log(1-p))', 'p', '(p - y) / (p * (1 - p))'],
    ['-(a*log(q)+(1-a)*log(1-q))', 'q', '(q - a) / (q * (1 - q))'],
  ])('the same rules with other names: %s', (input, wrt, expected) => {
    const other = derive(input, { wrt });
    expect(main(other)).toEqual(main(r));
    expect(toText(other.result)).toBe(expected);
  });
});

describe('§4 sigmoid then cross-entropy, with respect to the logit z', () => {
  const r = derive('-(t*log(σ(z))+(1-t)*log(1-σ(z)))', { wrt: 'z', define: [SIGMOID] });

  it("derives σ' = σ(1 − σ) once, as a sub-derivation, and recalls it the second time", () => {
    const ids = ruleIds(r.steps);
    expect(ids.filter((id) => id === 'defined-function')).toHaveLength(2);
    expect(ids.filter((id) => id === 'definition')).toHaveLength(1);
    expect(ids.filter((id) => id === 'recall')).toHaveLength(1);
    const first = r.steps[2]!.substeps.find((s) => s.rule === 'chain')!.substeps.find((s) => s.rule === 'defined-function')!;
    expect(toText(first.after)).toBe('(σ(z) * (1 - σ(z))) * derivative(z, z)');
    expect(first.substeps.map((s) => s.rule)).toContain('add-subtract');
  });

  it('ends at σ(z) − t', () => {
    expect(main(r)).toEqual([
      'negation', 'sum', 'product', 'substitute-parts', 'product', 'substitute-parts',
      'drop-zero', 'signs', 'regroup', 'multiply-fractions', 'cancel', 'expand', 'combine-like-terms',
    ]);
    expect(r.steps.find((s) => s.rule === 'cancel')!.explanation).toBe('Cancel the common factors: assuming σ(z) ≠ 0; assuming 1 - σ(z) ≠ 0.');
    expect(toText(r.result)).toBe('σ(z) - t');
    expect(r.complete).toBe(true);
  });
});

describe('variants: the same rules on other inputs', () => {
  it.each([
    ['1/(1+exp(-2x))', { define: [SIGMOID] }, '2 * σ(2 * x) * (1 - σ(2 * x))'],
    ['1/(1+exp(-x^2))', { define: [SIGMOID] }, '2 * x * σ(x^2) * (1 - σ(x^2))'],
    ['1/(1+exp(-x))^2', { define: [SIGMOID] }, '2 * σ(x)^2 * (1 - σ(x))'],
    ['(ŷ-t)^2/2', { wrt: 'ŷ' }, 'ŷ - t'],
    ['x/(1+x)', {}, '1 / (1 + x)^2'],
    ['log(1+exp(x))', { define: [SIGMOID] }, 'σ(x)'],
    ['log(1+exp(-x))', { define: [SIGMOID] }, '-σ(-x)'],
    ['tanh(x)', {}, '1 - tanh(x)^2'],
    ['exp(1/(1+exp(-x)))', { define: [SIGMOID] }, 'exp(σ(x)) * σ(x) * (1 - σ(x))'],
    ['1/(1+exp(-x))', { define: ['sigmoid(x) = 1/(1+exp(-x))'] }, 'sigmoid(x) * (1 - sigmoid(x))'],
    ['1/(1+exp(-k*x))', { wrt: 'x', define: [SIGMOID] }, 'k * σ(k * x) * (1 - σ(k * x))'],
    ['3x^4/2', {}, '6 * x^3'],
    ['x^x', {}, 'x^x * (log(x) + 1)'],
  ] as const)('%s %j → %s', (input, options, expected) => {
    const r = derive(input, options);
    expect(toText(r.result)).toBe(expected);
  });

  it('log(1 + e^x) names the step that divides numerator and denominator by e^x', () => {
    const r = derive('log(1+exp(x))', { define: [SIGMOID] });
    const step = r.steps.find((s) => s.rule === 'divide-through')!;
    expect(step.explanation).toBe('Divide the numerator and the denominator by the numerator: dividing by exp(x), assuming exp(x) ≠ 0.');
    expect(main(r).slice(-5)).toEqual(['divide-through', 'split-fraction', 'cancel', 'negative-exponent', 'substitute']);
  });

  it('folds N/D as N·σ when 1/D is the body', () => {
    const r = derive('1/(1+exp(-x)) * sin(x)^2', { define: [SIGMOID] });
    expect(toText(r.result)).toBe('sin(x) * σ(x) * (sin(x) * (1 - σ(x)) + 2 * cos(x))');
  });

  it('says so when the result cannot be written in the defined functions', () => {
    const r = derive('g(x)', { define: ['g(x) = x^3 + x'] });
    expect(toText(r.result)).toBe('3 * x^2 + 1');
    expect(r.complete).toBe(false);
    expect(r.notes).toContain('The result could not be written in terms of g');
    expect(r.toText()).toContain('Note: The result could not be written in terms of g.');
    expect(derive('x^2', { define: [SIGMOID] }).complete).toBe(true);
  });

  it('with several definitions, shows the ones the input and the result use, and says which the result could not use', () => {
    const defs = [SIGMOID, 'h(x) = x^3 + x'];
    const both = derive('1/(1+exp(-x)) + h(x)', { define: defs });
    expect([toText(both.result), both.complete, both.definitions.map((d) => d.name)]).toEqual(['σ(x) * (1 - σ(x)) + 3 * x^2 + 1', true, ['h', 'σ']]);
    const one = derive('exp(x) + h(x)', { define: defs });
    expect([toText(one.result), one.complete, one.definitions.map((d) => d.name), one.notes]).toEqual([
      'exp(x) + 3 * x^2 + 1', false, ['h'], ['The result could not be written in terms of h'],
    ]);
  });
});
