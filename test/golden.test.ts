import { describe, expect, it } from 'vitest';
import { derive, toText } from '../src/index.js';
import { ruleIds } from './helpers.js';

describe('reference derivations (../shared/derivations.md)', () => {
  it('§1 sigmoid, quotient route: rows 0–2', () => {
    const r = derive('1/(1+exp(-x))');
    expect(ruleIds(r.steps)).toEqual([
      'quotient',
      'constant', // numerator
      'sum', 'constant', 'chain', 'exponential', 'negation', 'variable', 'substitute-parts', 'collect', // denominator
      'substitute-parts',
    ]);
    expect(toText(r.steps[0]!.after)).toBe('(derivative(1, x) * (1 + exp(-x)) - 1 * derivative(1 + exp(-x), x)) / (1 + exp(-x))^2');
    expect(toText(r.result)).toBe('(0 * (1 + exp(-x)) - 1 * (-exp(-x))) / (1 + exp(-x))^2');
    const chain = r.steps[0]!.substeps.find((s) => s.rule === 'chain')!;
    expect(toText(chain.after)).toBe('0 + exp(-x) * derivative(-x, x)');
    expect(chain.explanation).toBe('Chain rule: outer function exp(y), inner function y = -x.');
  });

  it('§1 row 0: a definition as input starts from the definition', () => {
    const r = derive('σ(x) = 1/(1+exp(-x))');
    expect(ruleIds(r.steps).slice(0, 2)).toEqual(['definition', 'quotient']);
    expect(toText(r.result)).toBe('(0 * (1 + exp(-x)) - 1 * (-exp(-x))) / (1 + exp(-x))^2');
  });

  it('§2 sigmoid, chain route: negative power, chain with the power rule, then the inner derivative', () => {
    const r = derive('1/(1+exp(-x))', { method: 'chain' });
    expect(ruleIds(r.steps)).toEqual([
      'negative-power',
      'chain', 'power', 'sum', 'constant', 'chain', 'exponential', 'negation', 'variable', 'substitute-parts', 'collect',
      'substitute-parts',
    ]);
    expect(toText(r.steps[1]!.substeps[0]!.after)).toBe('-y^(-2)');
    expect(toText(r.result)).toBe('-(1 + exp(-x))^(-2) * (-exp(-x))');
  });

  it('§3 binary cross-entropy w.r.t. ŷ: rows 1–1c, t treated as a constant', () => {
    const r = derive('-(t*log(ŷ)+(1-t)*log(1-ŷ))', { wrt: 'ŷ' });
    expect(ruleIds(r.steps)).toEqual([
      'negation', 'sum',
      'product', 'constant', 'logarithm', 'substitute-parts',
      'product', 'constant',
      'chain', 'logarithm', 'difference', 'constant', 'variable', 'collect', 'substitute-parts', 'collect',
      'substitute-parts',
    ]);
    expect(r.steps[2]!.substeps[0]!.explanation).toBe('Constant rule: t does not depend on ŷ, so it is a constant and its derivative is 0.');
    expect(toText(r.steps[1]!.after)).toBe('-(derivative(t * log(ŷ), ŷ) + derivative((1 - t) * log(1 - ŷ), ŷ))');
    expect(toText(r.result)).toBe('-((0 * log(ŷ) + t * (1 / ŷ)) + (0 * log(1 - ŷ) + (1 - t) * (-(1 / (1 - ŷ)))))');
  });

  it('ASCII spellings name the same symbols (yhat, sigma)', () => {
    const unicode = derive('-(t*log(ŷ)+(1-t)*log(1-ŷ))', { wrt: 'ŷ' });
    const ascii = derive('-(t*log(yhat)+(1-t)*log(1-yhat))', { wrt: 'yhat' });
    expect(ascii.toJSON().steps).toEqual(unicode.toJSON().steps);
    expect(derive('sigma(z)', { define: ['σ(x) = 1/(1+exp(-x))'] }).toJSON().result).toBe(
      derive('σ(z)', { define: ['sigma(x) = 1/(1+exp(-x))'] }).toJSON().result,
    );
  });
});
