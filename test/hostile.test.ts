// Issue 30's regressions: input built to make stepdiff do exponential or super-linear work before a
// limit fires, and the JavaScript limits (stack depth, string length) a caller with raised limits
// can reach. Each ends in a typed StepdiffError, or in the right result.

import { describe, expect, it } from 'vitest';
import { derive, simplifyExpression, StepdiffError, toLatexDocument, toMarkdown, toText, type DeriveOptions, type Expr } from '../src/index.js';
import * as X from '../src/expr/expr.js';

/** The StepdiffError `work` throws; fails the test if it throws something else or nothing. */
function typedError(work: () => unknown): StepdiffError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(StepdiffError);
    return error as StepdiffError;
  }
  throw new Error('expected a StepdiffError, got a result');
}

describe('shared subtrees are checked once per node', () => {
  it('a caller\'s plain e = add(e, e), 26 times, is refused by its size (2^26 leaves) before any walk of its paths', () => {
    let e: unknown = { kind: 'sym', name: 'x' };
    for (let i = 0; i < 26; i++) e = { kind: 'add', terms: [e, e] };
    const error = typedError(() => derive(e as Expr));
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('1000000 nodes');
    expect(typedError(() => simplifyExpression(e as Expr)).code).toBe('too-large');
  });

  it('a shared subtree within the limits derives as the tree it stands for', () => {
    let e: unknown = { kind: 'mul', factors: [{ kind: 'num', value: { num: 3n, den: 1n } }, { kind: 'sym', name: 'x' }] };
    for (let i = 0; i < 4; i++) e = { kind: 'add', terms: [e, e] };
    expect(toText(derive(e as Expr).result)).toBe('48');
  });

  it('a node that is met deeper through another path is held to the depth limit there', () => {
    const leaf = X.fn('sin', [X.sym('x')]);
    let deep: Expr = leaf;
    for (let i = 0; i < 10; i++) deep = X.fn('sin', [deep]);
    const both = X.add(leaf, deep);
    expect(typedError(() => derive(both, { limits: { maxDepth: 5 } })).code).toBe('too-deep');
    expect(() => derive(both, { limits: { maxDepth: 20 } })).not.toThrow();
  });
});

describe('definitions cost what they hold', () => {
  it('4,000 definitions, each parsed once against the earlier ones without copying them', () => {
    const define = Array.from({ length: 4000 }, (_, i) => `f${i}(x) = x + ${i}`);
    define.push('g(x) = f3999(x) * f0(x)');
    expect(toText(derive('g(x)', { define, simplify: false }).result)).toContain('f3999');
  });

  it('a sparse define list is refused as an option, not a TypeError', () => {
    const error = typedError(() => derive('x', { define: new Array(3) as string[] }));
    expect(error.code).toBe('invalid-option');
  });
});

describe('length first', () => {
  it('five million × are refused by their length before any normalising', () => {
    expect(typedError(() => derive('×'.repeat(5_000_000))).code).toBe('too-long');
    expect(typedError(() => derive('x', { define: ['f(x) = ' + '×'.repeat(5_000_000)] })).code).toBe('too-long');
  });
});

describe('printing is bounded', () => {
  const d = derive('sin(x)^3 * exp(2*x) / (1 + x^2)');
  const printers: Array<[string, (limit: number) => string]> = [
    ['text', (limit) => d.toText('en', limit)],
    ['LaTeX', (limit) => d.toLatex('en', limit)],
    ['JSON', (limit) => JSON.stringify(d.toJSON('en', limit))],
    ['LaTeX document', (limit) => toLatexDocument(d, 'en', limit)],
    ['Markdown', (limit) => toMarkdown(d, 'en', limit)],
  ];

  it.each(printers)('%s: within its limit it prints, past it too-large', (_, print) => {
    const whole = print(50_000_000);
    expect(whole.length).toBeGreaterThan(500);
    expect(typedError(() => print(400)).code).toBe('too-large');
    // Fewer characters than the expressions have nodes is refused before anything is printed.
    expect(typedError(() => print(10)).message).toContain('more than 10 characters');
  });
});

describe('JavaScript\'s own limits are typed errors', () => {
  const raised: DeriveOptions = { limits: { maxDepth: 1_000_000, maxLength: 10_000_000 } };

  it.each([
    ['20,000 brackets', '('.repeat(20_000) + 'x' + ')'.repeat(20_000)],
    ['sin nested 20,000 deep', 'sin('.repeat(20_000) + 'x' + ')'.repeat(20_000)],
    ['a power tower of 3,000', Array(3000).fill('x').join('^')],
  ])('%s with raised limits: too-deep, not a RangeError', (_, input) => {
    expect(typedError(() => derive(input, raised)).code).toBe('too-deep');
  });

  it('an Expr deeper than the stack, printed or evaluated from outside, is too-deep', async () => {
    const { evaluate, toLatex } = await import('../src/index.js');
    let e: Expr = X.sym('x');
    for (let i = 0; i < 100_000; i++) e = X.fn('sin', [e]);
    expect(typedError(() => toText(e)).code).toBe('too-deep');
    expect(typedError(() => toLatex(e)).code).toBe('too-deep');
    expect(typedError(() => evaluate(e, { values: new Map([['x', 1]]) })).code).toBe('too-deep');
  });

  it('an inert derivative built through the Expr API is refused before any work, not left to fail with no-rule', () => {
    expect(typedError(() => derive(X.d(X.pow(X.sym('x'), X.num(3)), 'x'))).code).toBe('unsupported-syntax');
  });
});
