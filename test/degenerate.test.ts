// Issue 30, point 6: input with no value to differentiate is refused with the part at fault and
// where it is written, never carried through the rules (the derivative of 1/(x − x) came out 0).

import { describe, expect, it } from 'vitest';
import { derive, simplifyExpression, StepdiffError, toText, type ErrorCode } from '../src/index.js';
import * as X from '../src/expr/expr.js';
import { rejection } from './helpers.js';

const REFUSED: Array<[string, ErrorCode, number | undefined, string]> = [
  ['1/(x-x)', 'division-by-zero', 1, 'x - x is 0 for every value'],
  ['x/(x - x)', 'division-by-zero', 1, 'x - x is 0'],
  ['x/0', 'division-by-zero', 1, 'Division by zero.'],
  ['sin(x) + 1/log(1)', 'division-by-zero', 10, 'log(1) is 0'],
  ['x + 2/(3 - 3)', 'division-by-zero', 5, '3 - 3 is 0'],
  ['x/(sin(x)^2 + cos(x)^2 - 1)', 'division-by-zero', 1, 'is 0 for every value'],
  ['x/((x+1)^2 - x^2 - 2*x - 1)', 'division-by-zero', 1, 'is 0 for every value'],
  ['x^2 / 4 + x / (2*x - x - x)', 'division-by-zero', 12, 'is 0 for every value'],
  ['log(0)*x', 'undefined-value', 0, 'log(0) is undefined'],
  ['x*log(x - x)', 'undefined-value', 2, 'is 0 for every value'],
  ['0^x', 'undefined-value', 1, '0^x is 0 only where x > 0'],
  ['x * 0^(-2)', 'division-by-zero', 5, 'Division by zero'],
  ['x * log(-1)', 'undefined-value', 4, 'log(-1) has no real value'],
  ['x + sqrt(-4)', 'undefined-value', 4, 'has no real value'],
  ['x * asin(2)', 'undefined-value', 4, 'asin(2) has no real value'],
  // A fractional power of a negative number is complex (as in mathjs and SymPy); cbrt(-8) is real.
  ['x + (-8)^(1/3)', 'undefined-value', 8, 'has no real value'],
];

describe('no value, no derivative', () => {
  it.each(REFUSED)('%s → %s at column %s', (input, code, position, words) => {
    const error = rejection(input);
    expect(error.code).toBe(code);
    expect(error.position).toBe(position);
    expect(error.message).toContain(words);
  });

  it('a definition with no value is refused in its own text', () => {
    const error = rejection('f(x)', { define: ['f(t) = t / (t - t)'] });
    expect(error.code).toBe('division-by-zero');
    expect(error.position).toBe(9);
  });

  it('an Expr built by hand is refused the same way, without a position', () => {
    const error = (() => {
      try {
        derive(X.div(X.sym('x'), X.sub(X.sym('x'), X.sym('x'))));
      } catch (e) {
        return e as StepdiffError;
      }
      throw new Error('not refused');
    })();
    expect(error.code).toBe('division-by-zero');
    expect(error.position).toBeUndefined();
    expect(() => simplifyExpression('1/(x-x)')).toThrow(expect.objectContaining({ code: 'division-by-zero' }));
  });
});

describe('what has a value is not refused', () => {
  it.each([
    // Zero factors and terms, which simplify away: their derivatives are right.
    ['x*log(1)', '0'],
    ['tan(0)*x + x^2', '2 * x'],
    ['(x - x)*sin(x)', '0'],
    // Divisors that vanish somewhere, not everywhere.
    ['1/(x - 1)', '-1 / (x - 1)^2'],
    ['1/sin(x)', '-cot(x) * csc(x)'],
    ['log(x)', '1 / x'],
    // Constants that overflow a float are finite, and 0^0 and 1^x have values.
    ['exp(1000)*x', 'exp(1000)'],
    ['x + 0^0', '1'],
    ['1^x', '0'],
    ['x^0', '0'],
    ['x + cbrt(-8)', '1'],
  ])('%s → %s', (input, result) => {
    expect(toText(derive(input, { wrt: 'x' }).result)).toBe(result);
  });
});
