// How steps read (issue 24): each says the move a teacher would name, once, with the law it used.

import { describe, expect, it } from 'vitest';
import { derive, simplifyExpression, toText, build as X } from '../src/index.js';
import { TRANSLATED, pluralIn } from '../src/engine/locale.js';
import { TEXTBOOK } from './textbook.js';
import { allSteps } from './helpers.js';

const numbers = (e: X.Expr): number => [...X.nodes(e)].filter((n) => n.kind === 'num').length;

describe('step wording', () => {
  it('a sentence said of several places is said once, over the list of their values', () => {
    const d = derive('3x^4 - 5x^3 + 2x - 7');
    const said = d.steps.map((s) => s.explanation);
    expect(said).toContain('Constant multiple rule: the constant factors 3, 5 and 2 stay as they are.');
    expect(said).toContain('Power rule: n = 4 and 3 respectively.');
    expect(d.steps.map((s) => s.explain('zh'))).toContain('常数倍法则：常数因子 3、5 和 2 保持不变。');
  });

  it('a table rule states its law for the function it differentiates', () => {
    const sub = allSteps(derive('sin(x^2)').steps).map((s) => s.explanation);
    expect(sub).toContain('Trigonometric rule: d/dy sin(y) = cos(y).');
    expect(allSteps(derive('log(x, 2)').steps).map((s) => s.explanation)).toContain('Logarithm rule: d/dx log(x, 2) = 1 / (x * log(2)).');
  });

  it("a sub-derivation's collect step names the moves it makes", () => {
    const collect = allSteps(derive('1/(1+exp(-x))').steps).find((s) => s.rule === 'collect')!;
    expect(collect.explanation).toBe('Collect: drop the zero terms; simplify the signs.');
    expect(collect.explain('zh')).toBe('整理：去掉零项；化简符号。');
  });

  it('"fold the numbers" is said only where numbers fold, and a reorder is a step of its own', () => {
    let folds = 0;
    for (const exercise of TEXTBOOK) {
      for (const step of allSteps(derive(exercise.input, { wrt: exercise.wrt ?? 'x' }).steps)) {
        if (step.rule !== 'fold-constants') continue;
        folds++;
        expect(numbers(step.after), `${toText(step.before)} → ${toText(step.after)}`).toBeLessThan(numbers(step.before));
      }
    }
    expect(folds).toBeGreaterThan(10);
    expect(derive('(x^2 + 1)^5').steps.map((s) => s.rule)).toContain('order-factors');
  });

  it('a power of a quotient is distributed, not "multiplied as fractions"', () => {
    const r = simplifyExpression('(a / b)^2');
    expect(r.steps.map((s) => [s.rule, s.explanation])).toEqual([['distribute-power', 'Distribute the power over the factors.']]);
    expect(toText(r.result)).toBe('a^2 / b^2');
  });

  it('a negative term after a minus is printed in parentheses, never as - -1 / 3', () => {
    expect(toText(X.sub(X.sym('x'), X.div(X.neg(X.num(1)), X.num(3))))).toBe('x - (-1 / 3)');
    for (const exercise of TEXTBOOK) {
      for (const step of allSteps(derive(exercise.input, { wrt: exercise.wrt ?? 'x' }).steps)) expect(step.toText()).not.toMatch(/- -|\+ -/);
    }
  });

  it('every plural has its Chinese form', () => {
    for (const english of TRANSLATED.plurals) expect(pluralIn('zh', english), english).toBeDefined();
  });
});
