// Issue 26, point 2: non-smooth and piecewise functions. max, min, ReLU, leaky ReLU, the unit step,
// mathjs's conditional and the Huber loss, each derived case by case; what happens where the cases
// meet is said (a kink with both one-sided derivatives, a jump, or differentiable after all), and
// every result is checked against the numeric derivative on each side of every boundary.

import * as mathjs from 'mathjs';
import { describe, expect, it } from 'vitest';
import { derive, evaluate, numericDerivative, renderMath, toLatex, toText, type Derivation } from '../src/index.js';
import { close, rejection, unsoundSteps } from './helpers.js';

/** The result equals the numeric derivative of the input at points on each side of `boundary`. */
function agreesBeside(d: Derivation, boundary: number, values: Record<string, number> = {}): void {
  const x = d.wrt;
  for (const offset of [-1.3, -0.4, -0.05, 0.05, 0.4, 1.3]) {
    const at = boundary + offset;
    const f = (v: number): number => evaluate(d.expr, { ...values, [x]: v }, d.definitions);
    const exact = evaluate(d.result, { ...values, [x]: at }, d.definitions);
    expect(close(exact, numericDerivative(f, at), 1e-6), `${toText(d.expr)} at ${x} = ${at}`).toBe(true);
  }
}

const sound = (d: Derivation): void => {
  const definitions = d.definitions.map((def) => `${def.name}(${def.params.join(', ')}) = ${toText(def.body)}`);
  expect(unsoundSteps([d], definitions)).toEqual([]);
};

describe('piecewise derivatives', () => {
  it('ReLU: x < 0 ? 0 : 1, case by case, not differentiable at 0 with both one-sided values', () => {
    const d = derive('relu(x)');
    expect(toText(d.result)).toBe('x < 0 ? 0 : 1');
    expect(d.steps.flatMap(function all(s): string[] { return [s.rule, ...s.substeps.flatMap(all)]; })).toEqual(expect.arrayContaining(['definition', 'max-min', 'piecewise']));
    expect(d.notes).toContain('Not differentiable at x = 0: the derivative from the left is 0, from the right 1');
    expect(d.complete).toBe(true);
    sound(d);
    agreesBeside(d, 0);
  });

  it('leaky ReLU as max(0.01*x, x) and as a conditional', () => {
    const max = derive('max(0.01*x, x)');
    expect(toText(max.result)).toBe('x < 0 ? 0.01 : 1');
    expect(max.notes).toEqual(['Not differentiable at x = 0: the derivative from the left is 1 / 100, from the right 1']);
    const conditional = derive('x > 0 ? x : 0.01*x');
    expect(toText(conditional.result)).toBe('x > 0 ? 1 : 0.01');
    expect(conditional.notes).toEqual(['Not differentiable at x = 0: the derivative from the left is 1 / 100, from the right 1']);
    for (const d of [max, conditional]) {
      sound(d);
      agreesBeside(d, 0);
    }
  });

  it('x > 0 ? x^2 : 0 is differentiable at 0, where both one-sided derivatives are 0', () => {
    const d = derive('x > 0 ? x^2 : 0');
    expect(toText(d.result)).toBe('x > 0 ? 2 * x : 0');
    expect(d.notes).toEqual(['Differentiable at x = 0: the derivative from either side is 0']);
    const at = derive('x > 0 ? x^2 : 0', { at: { x: 0 } });
    expect(at.toJSON()).toMatchObject({ value: '0', complete: true });
    agreesBeside(d, 0);
  });

  it('at a kink the value is refused with the reason; elsewhere the case that holds is picked', () => {
    const kink = derive('relu(x)', { at: { x: 0 } });
    expect(kink.complete).toBe(false);
    expect(kink.toJSON()).toMatchObject({ value: null, approx: null, evaluation: { reason: 'Not differentiable at x = 0: the derivative from the left is 0, from the right 1' } });
    const right = derive('relu(x)', { at: { x: 2 } });
    expect(right.toJSON()).toMatchObject({ value: '1', approx: 1 });
    expect(right.evaluation!.steps.map((s) => s.rule)).toContain('decide-case');
  });

  it('the unit step jumps at 0: its derivative is 0 on both sides, and it has none at 0', () => {
    const d = derive('heaviside(x)');
    expect(toText(d.result)).toBe('x < 0 ? 0 : 0');
    expect(d.notes).toContain('Not differentiable at x = 0: the function jumps there');
    expect(derive('heaviside(x)', { at: { x: 0 } }).complete).toBe(false);
  });

  it('a one-sided derivative is the limit from that side, whatever else in the result is piecewise', () => {
    // x·H(x) is ReLU: the heaviside(x) term of its derivative jumps at 0 as well as the case does.
    expect(derive('heaviside(x)*x').notes).toContain('Not differentiable at x = 0: the derivative from the left is 0, from the right 1');
    expect(derive('relu(relu(x))').notes).toContain('Not differentiable at x = 0: the derivative from the left is 0, from the right 1');
    expect(derive('max(min(x, 1), 0)').notes).toContain('Not differentiable at x = 1: the derivative from the left is 1, from the right 0');
  });

  it('Huber loss by r: abs(r) <= d ? r : d * sign(r)', () => {
    const d = derive('abs(r) <= d ? r^2/2 : d*(abs(r) - d/2)', { wrt: 'r' });
    expect(toText(d.result)).toBe('abs(r) <= d ? r : d * sign(r)');
    sound(d);
    for (const r of [-3, -0.6, 0.4, 2.5]) {
      const f = (v: number): number => evaluate(d.expr, { r: v, d: 1 });
      expect(close(evaluate(d.result, { r, d: 1 }), numericDerivative(f, r), 1e-6)).toBe(true);
    }
  });

  it('min, max of two expressions, a shifted ReLU: the test solved for the variable', () => {
    expect(toText(derive('min(x, 1)').result)).toBe('x < 1 ? 1 : 0');
    expect(toText(derive('max(x^2, 1)').result)).toBe('x^2 > 1 ? 2 * x : 0');
    const shifted = derive('relu(2*x - 1)');
    expect(toText(shifted.result)).toBe('2 * (x < 0.5 ? 0 : 1)');
    expect(shifted.notes).toContain('Not differentiable at x = 0.5: the derivative from the left is 0, from the right 2');
    agreesBeside(shifted, 0.5);
  });

  it('prints as cases in LaTeX, and as a conditional in text that mathjs evaluates alike', () => {
    const d = derive('max(0.01*x, x)');
    const latex = toLatex(d.result);
    expect(latex).toBe('\\begin{cases} \\frac{1}{100} & \\text{if } x < 0 \\\\ 1 & \\text{otherwise} \\end{cases}');
    expect(() => renderMath(d.toLatex(), true)).not.toThrow();
    for (const x of [-2, 3]) expect(mathjs.evaluate(toText(d.result), { x })).toBe(evaluate(d.result, { x }));
  });

  it('refuses max with one argument and a condition that is not a comparison, with positions', () => {
    expect([rejection('max(x)').code, rejection('max(x)').position]).toEqual(['wrong-arity', 0]);
    const equality = rejection('x == 0 ? 1 : x');
    expect([equality.code, equality.position]).toEqual(['unsupported-syntax', 7]);
    expect(rejection('x > 0 and x < 1 ? x : 0').code).toBe('unsupported-syntax');
    expect(rejection('x > 0').code).toBe('unsupported-syntax');
  });
});
