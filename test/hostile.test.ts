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

  it('an inert derivative built through the Expr API is the operator; one at a point is refused before any work', () => {
    expect(toText(derive(X.d(X.pow(X.sym('x'), X.num(3)), 'x')).result)).toBe('3 * x^2');
    expect(typedError(() => derive(X.d(X.pow(X.sym('x'), X.num(3)), 'x', X.num(2)))).code).toBe('unsupported-syntax');
  });
});

describe('misreadings (issue 30, point 7)', () => {
  it('1_000 is refused at its underscore, not read as 1 · _000; x_1 is still a name', () => {
    const error = typedError(() => derive('1_000*x'));
    expect(error.code).toBe('syntax-error');
    expect(error.position).toBe(1);
    expect(error.message).toContain('write 1000');
    expect(toText(derive('x_1^2').result)).toBe('2 * x_1');
  });

  it('math italic 𝑥 is the letter x, and the derivation says so', () => {
    const d = derive('𝑥^2 + 𝜋');
    expect(d.wrt).toBe('x');
    expect(toText(d.result)).toBe('2 * x');
    expect(d.notes).toContain('mathematical letters read as plain letters');
    expect(d.notesIn('zh')).toContain('数学字母按普通字母读取');
  });

  it.each(['0x', '0x10*x', '0b101 + x'])('%s is a hexadecimal or binary literal, refused as such', (input) => {
    const error = typedError(() => derive(input, { wrt: 'x' }));
    expect(error.code).toBe('unsupported-syntax');
    expect(error.message).toContain('write it in decimal');
    expect(error.position).toBe(0);
  });

  it('an input that is a definition is complete, with no note about writing it in its own terms', () => {
    const d = derive('h(t) = t^3');
    expect(toText(d.result)).toBe('3 * t^2');
    expect(d.complete).toBe(true);
    expect(d.notes).toEqual([]);
  });
});

describe('error messages are safe to display', () => {
  const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

  it.each([
    ['an ESC sequence in wrt', 'x', { wrt: '\u001b[2Jx' }],
    ['an ESC sequence in the input', 'x + \u001b[31m', {}],
    ['a bidi override', 'x + \u202e y $', {}],
    ['a NUL and a bell', 'x\u0000\u0007', {}],
    ['an isolate in a definition', 'f(x)', { define: ['f(x) = x + \u2067$'] }],
  ])('%s: shown as escapes', (_, input, options) => {
    const error = typedError(() => derive(input, options as DeriveOptions));
    expect(error.message).not.toMatch(UNSAFE);
    expect(error.message).toMatch(/\\u\{[0-9A-F]{4}\}/);
  });

  it('an error quoting 5,000 characters of input keeps its start and end within a line', () => {
    const error = typedError(() => derive(`x + ${'a'.repeat(5000)}`));
    expect(error.code).toBe('ambiguous-variable');
    expect(error.message.length).toBeLessThan(300);
    expect(error.message).toMatch(/^The expression has several variables/);
    expect(error.message).toContain(' … ');
  });
});
