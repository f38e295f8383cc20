// Every class of rejected input has its own stable code (and a position where there is one).

import { describe, expect, it } from 'vitest';
import { derive, simplifyExpression, StepdiffError, toText, build, type DeriveOptions, type ErrorCode, type Expr } from '../src/index.js';
import { rejection } from './helpers.js';

const CASES: Array<[string, ErrorCode, number | undefined, DeriveOptions?]> = [
  ['', 'empty-input', undefined],
  ['   ', 'empty-input', undefined],
  ['x +', 'syntax-error', 3],
  ['(x', 'syntax-error', 2],
  ['[1, 2] * x', 'unsupported-syntax', 0],
  ['x << 2', 'unsupported-syntax', 2],
  ['x = 3', 'invalid-equation', 2],
  ['"text"', 'unsupported-syntax', 0],
  ['x; y', 'unsupported-syntax', 1],
  ['x == 2 ? x : 1', 'unsupported-syntax', 7],
  ['a.b', 'unsupported-syntax', 1],
  ['x!', 'unsupported-syntax', 1],
  ['x % 2', 'unsupported-syntax', 2],
  ['5 cm to inch', 'unsupported-syntax', 5],
  ['true * x', 'unsupported-syntax', 0],
  ["x'", 'unsupported-syntax', 1],
  ['floor(x)', 'unknown-function', 0],
  ['2 * gamma2(x)', 'unknown-function', 4],
  ['sin(x, 2)', 'wrong-arity', 0],
  ['log(x, 2, 3)', 'wrong-arity', 0],
  ['pow(x)', 'wrong-arity', 0],
  ['f(x, y)', 'wrong-arity', 0],
  ['1 + sin', 'function-as-symbol', 4],
  ['sin x^2', 'function-as-symbol', 0],
  ['x(1 + x)', 'implicit-call', 0],
  ['e(x + 1)', 'implicit-call', 0],
  ['1e309 * x', 'non-finite-number', 0],
  ['x + NaN', 'non-finite-number', 4],
  ['Infinity * x', 'non-finite-number', 0],
  ['x + 1e-400', 'number-out-of-range', 4],
  ['a * b', 'ambiguous-variable', undefined],
  ['x', 'invalid-variable', undefined, { wrt: '2' }],
  ['x', 'constant-variable', undefined, { wrt: 'e' }],
  ['x', 'constant-variable', undefined, { wrt: 'pi' }],
  ['x', 'invalid-definition', 0, { define: ['sin(x) = x'] }],
  ['x', 'invalid-definition', undefined, { define: ['x + 1'] }],
  ['x', 'invalid-definition', 0, { define: ['f(x, x) = x'] }],
  ['x', 'recursive-definition', 7, { define: ['f(x) = f(x) + 1'] }],
  ['x', 'invalid-option', undefined, { method: 'magic' as never }],
  ['('.repeat(600) + 'x' + ')'.repeat(600), 'too-deep', 500],
  ['-'.repeat(600) + 'x', 'too-deep', 500],
  ['x+'.repeat(11_000) + 'x', 'too-long', undefined],
  ['x^2', 'too-many-steps', undefined, { maxSteps: 0 }],
  // Options of the wrong type, as a JavaScript caller may pass them.
  ['x', 'invalid-variable', undefined, { wrt: 123 as never }],
  ['x', 'invalid-option', undefined, { define: 'σ(x) = 1/(1+exp(-x))' as never }],
  ['x', 'invalid-option', undefined, { define: [1] as never }],
  ['x', 'invalid-option', undefined, { maxSteps: Number.NaN }],
  ['x', 'invalid-option', undefined, { limits: { maxDepth: Number.NaN } }],
  ['x', 'invalid-option', undefined, { limits: 5 as never }],
  ['x', 'invalid-option', undefined, { simplify: 'no' as never }],
];

describe('rejected input', () => {
  it.each(CASES)('%j → %s', (input, code, position, options) => {
    const error = rejection(input, options);
    expect(error.code).toBe(code);
    expect(error.position).toBe(position);
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.message).not.toMatch(/\n/);
  });

  it('nesting within the limit parses; the limit is configurable', () => {
    const deep = '('.repeat(100) + 'x' + ')'.repeat(100);
    expect(derive(deep).toJSON().result).toBe('1');
    expect(rejection(deep, { limits: { maxDepth: 50 } }).code).toBe('too-deep');
  });

  it('a limit given as undefined keeps its default rather than switching the check off', () => {
    const limits = { maxDepth: undefined, maxLength: undefined };
    expect(rejection('sin('.repeat(600) + 'x' + ')'.repeat(600), { limits }).code).toBe('too-deep');
    expect(rejection('x+'.repeat(15_000) + 'x', { limits }).code).toBe('too-long');
  });

  it('null options are no options; options that are not an object are refused', () => {
    expect(derive('x^2', null as never).toJSON().result).toBe('2 * x');
    expect(rejection('x^2', 'fast' as never).code).toBe('invalid-option');
  });

  it('a long flat sum is not "too deep": same-operator chains are flattened', () => {
    expect(derive(Array.from({ length: 2000 }, () => 'x').join('+')).steps[0]!.rule).toBe('sum');
  });
});

describe('an Expr passed in directly', () => {
  const x = build.sym('x');
  const codeOf = (e: unknown, options?: DeriveOptions): ErrorCode | 'accepted' => {
    try {
      derive(e as Expr, options);
      return 'accepted';
    } catch (error) {
      if (error instanceof StepdiffError) return error.code;
      throw error;
    }
  };
  // Hand-written plain objects, as a caller without the builders would write them.
  const number = (num: bigint, den: bigint) => ({ kind: 'num', value: { num, den } });
  const CASES: Array<[string, unknown, ErrorCode | 'accepted']> = [
    ['a well-formed plain object', { kind: 'mul', factors: [number(3n, 1n), { kind: 'sym', name: 'x' }] }, 'accepted'],
    ['1/0', number(1n, 0n), 'invalid-expression'],
    ['2/4, not in lowest terms', build.add(x, number(2n, 4n) as Expr), 'invalid-expression'],
    ['a number without bigints', { kind: 'num', value: { num: 1, den: 1 } }, 'invalid-expression'],
    ['an unknown kind', { kind: 'matrix', rows: [] }, 'invalid-expression'],
    ['null inside a sum', { kind: 'add', terms: [x, null] }, 'invalid-expression'],
    ['an empty sum', { kind: 'add', terms: [] }, 'invalid-expression'],
    ['a quotient without a denominator', { kind: 'div', num: x }, 'invalid-expression'],
    ['a constant stepdiff does not know', { kind: 'const', name: 'phi' }, 'invalid-expression'],
    ['a variable named with a space', { kind: 'sym', name: 'a b' }, 'invalid-expression'],
    ["sin'(x), a built-in with primes", build.fn('sin', [x], 1), 'unsupported-syntax'],
    ['sin(x, x)', build.fn('sin', [x, x]), 'wrong-arity'],
    ['an unknown function', build.fn('floor', [x]), 'unknown-function'],
    ["f'(x), an undefined function", build.fn('f', [x], 1), 'accepted'],
    ['σ(x, x) against its one-parameter definition', build.fn('σ', [x, x]), 'wrong-arity'],
  ];

  it.each(CASES)('%s → %s', (_, e, code) => {
    expect(codeOf(e, { wrt: 'x', define: ['σ(x) = 1/(1+exp(-x))'] })).toBe(code);
  });

  it('is checked by simplifyExpression too, and printing a hand-built 1/0 ends', () => {
    expect(() => simplifyExpression(number(1n, 0n) as Expr)).toThrow(StepdiffError);
    expect(typeof toText(number(1n, 0n) as Expr)).toBe('string');
  });
});
