// Issue 26, points 3 and 4: indexed symbols, sums over an index, the Kronecker delta, softmax and
// its losses. Every result is checked by instantiating K = 3 and K = 5 concrete symbols (z_1 … z_K)
// and comparing with the numeric derivative of the expression by z_k, at each k.

import { describe, expect, it } from 'vitest';
import { derive, evaluate, numericDerivative, renderMath, toLatex, toText, type Derivation } from '../src/index.js';
import { allSteps, close, rejection, seeded } from './helpers.js';

/** The result against the numeric derivative by z_k, for K = 3 and 5, every k (and i, where the result has it). */
function agreesConcretely(d: Derivation, free: readonly string[] = []): void {
  const random = seeded(17);
  for (const K of [3, 5]) {
    const values = new Map<string, number>([['K', K]]);
    for (let n = 1; n <= K; n++) {
      values.set(`z_${n}`, random() * 4 - 2);
      values.set(`t_${n}`, random());
    }
    for (let k = 1; k <= K; k++) {
      for (const i of free.includes('i') ? Array.from({ length: K }, (_, n) => n + 1) : [0]) {
        const at = new Map([...values, ['k', k], ...(free.includes('i') ? [['i', i] as const] : [])]);
        const f = (v: number): number => evaluate(d.expr, { values: new Map([...at, [`z_${k}`, v]]) });
        const exact = evaluate(d.result, { values: at });
        expect(close(exact, numericDerivative(f, at.get(`z_${k}`)!), 1e-6), `K = ${K}, k = ${k}, i = ${i}`).toBe(true);
      }
    }
  }
}

const rules = (d: Derivation): string[] => allSteps(d.steps).map((s) => s.rule);

describe('indexed symbols and sums', () => {
  it('∂z_j/∂z_k is δ(j, k), a named step, never 0; ∂z_k/∂z_k is 1', () => {
    const d = derive('z_j', { wrt: 'z_k' });
    expect(toText(d.result)).toBe('δ(j, k)');
    expect(d.steps[0]!.rule).toBe('kronecker');
    expect(toLatex(d.result)).toBe('\\delta_{jk}');
    expect(toText(derive('z_k', { wrt: 'z_k' }).result)).toBe('1');
    expect(toText(derive('w_ij', { wrt: 'w_kl' }).result)).toBe('δ(i, k) * δ(j, l)');
  });

  it('a sum collapsed by δ is a named step: d/dz_k sum(exp(z_j), j) = exp(z_k)', () => {
    const d = derive('sum(exp(z_j), j)', { wrt: 'z_k' });
    expect(toText(d.result)).toBe('exp(z_k)');
    expect(rules(d)).toEqual(expect.arrayContaining(['sum-over-index', 'kronecker', 'kronecker-sum']));
    expect(d.toText()).toContain('only the term j = k is left');
    agreesConcretely(d);
  });

  it('prints a sum as Σ in LaTeX and reads its own text back', () => {
    const d = derive('sum(t_i * log(softmax(z_i)), i)', { wrt: 'z_k' });
    expect(toLatex(d.expr)).toBe('\\sum_{i} t_{i} \\, \\log(\\operatorname{softmax}(z_{i}))');
    expect(() => renderMath(d.toLatex(), true)).not.toThrow();
    expect(toText(derive(toText(d.expr), { wrt: 'z_k' }).result)).toBe(toText(d.result));
  });
});

describe('softmax and its losses', () => {
  it('∂softmax(z_i)/∂z_k = softmax(z_i) * (δ(i, k) - softmax(z_k)), by its definition, folded back', () => {
    const d = derive('softmax(z_i)', { wrt: 'z_k' });
    expect(toText(d.result)).toBe('softmax(z_i) * (δ(i, k) - softmax(z_k))');
    expect(rules(d)).toEqual(expect.arrayContaining(['softmax', 'quotient', 'kronecker-sum', 'softmax-fold']));
    agreesConcretely(d, ['i']);
  });

  it('cross-entropy by z_k is softmax(z_k) - t_k, using sum(t_i, i) = 1 as a stated step', () => {
    const d = derive('-sum(t_i * log(softmax(z_i)), i)', { wrt: 'z_k', assume: ['sum(t_i, i) = 1'] });
    expect(toText(d.result)).toBe('softmax(z_k) - t_k');
    const assumed = allSteps(d.steps).find((s) => s.rule === 'assumption')!;
    expect(assumed.explanation).toBe('Use what is assumed: assuming sum(t_i, i) = 1.');
    // The labels are checked as one-hot here, where the assumption holds.
    const random = seeded(3);
    for (const K of [3, 5]) {
      for (let hot = 1; hot <= K; hot++) {
        for (let k = 1; k <= K; k++) {
          const values = new Map<string, number>([['K', K], ['k', k]]);
          for (let n = 1; n <= K; n++) values.set(`z_${n}`, random() * 4 - 2).set(`t_${n}`, n === hot ? 1 : 0);
          const f = (v: number): number => evaluate(d.expr, { values: new Map([...values, [`z_${k}`, v]]) });
          expect(close(evaluate(d.result, { values }), numericDerivative(f, values.get(`z_${k}`)!), 1e-6)).toBe(true);
        }
      }
    }
  });

  it('without the assumption the labels stay summed: softmax(z_k) * sum(t_i, i) - t_k', () => {
    const d = derive('-sum(t_i * log(softmax(z_i)), i)', { wrt: 'z_k' });
    expect(toText(d.result)).toBe('softmax(z_k) * sum(t_i, i) - t_k');
    agreesConcretely(d);
  });

  it('log-sum-exp by z_k is softmax(z_k)', () => {
    const d = derive('log(sum(exp(z_j), j))', { wrt: 'z_k' });
    expect(toText(d.result)).toBe('softmax(z_k)');
    agreesConcretely(d);
  });

  it('with the logits of a linear layer, ∂L/∂w_kl is x_l * (softmax(…_k) - t_k) and ∂L/∂b_k is softmax(…_k) - t_k', () => {
    const loss = '-sum(t_i * log(softmax(sum(w_ij * x_j, j) + b_i)), i)';
    const byW = derive(loss, { wrt: 'w_kl', assume: ['sum(t_i, i) = 1'] });
    expect(toText(byW.result)).toBe('x_l * (softmax(sum(w_kj * x_j, j) + b_k) - t_k)');
    const byB = derive(loss, { wrt: 'b_k', assume: ['sum(t_i, i) = 1'] });
    expect(toText(byB.result)).toBe('softmax(sum(w_kj * x_j, j) + b_k) - t_k');
    const random = seeded(29);
    const K = 3;
    const values = new Map<string, number>([['K', K]]);
    for (let i = 1; i <= K; i++) {
      values.set(`x_${i}`, random() * 2 - 1).set(`b_${i}`, random() - 0.5).set(`t_${i}`, i === 2 ? 1 : 0);
      for (let j = 1; j <= K; j++) values.set(`w_${i}${j}`, random() - 0.5);
    }
    for (let k = 1; k <= K; k++) {
      for (let l = 1; l <= K; l++) {
        const at = new Map([...values, ['k', k], ['l', l]]);
        const f = (v: number): number => evaluate(byW.expr, { values: new Map([...at, [`w_${k}${l}`, v]]) });
        expect(close(evaluate(byW.result, { values: at }), numericDerivative(f, at.get(`w_${k}${l}`)!), 1e-6), `k = ${k}, l = ${l}`).toBe(true);
      }
    }
  });

  it('refuses a sum over a non-name, the index as the variable, and softmax of a non-indexed symbol', () => {
    const index = rejection('sum(z_j, 2)', { wrt: 'z_k' });
    expect([index.code, index.position]).toEqual(['invalid-expression', 0]);
    expect(rejection('sum(z_j, j)', { wrt: 'j' }).code).toBe('invalid-variable');
    expect(rejection('softmax(x)').code).toBe('no-rule');
    expect(rejection('x', { assume: ['sum(t_i, i)'] }).code).toBe('invalid-equation');
  });
});
