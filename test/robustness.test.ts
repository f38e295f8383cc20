// Bad, huge and hostile input: every class gets its typed error (through the API and the CLI),
// nothing reaches the output raw, and a polluted Object.prototype changes nothing.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COPY_SCRIPT } from '../src/present/page.js';
import { derive, simplifyExpression, StepdiffError, toHTML, toMarkdown, toPage, type DeriveOptions, type ErrorCode } from '../src/index.js';
import * as X from '../src/expr/expr.js';
import type { Expr } from '../src/expr/expr.js';
import { evaluate } from '../src/engine/evaluate.js';
import { nodeCount } from '../src/engine/algebra.js';
import { allSteps, rejection } from './helpers.js';
import { toText } from '../src/expr/text.js';
import { twosAndFives } from '../src/expr/precedence.js';

const bin = fileURLToPath(new URL('../dist/lib/cli.js', import.meta.url));

const CLASSES: Array<[string, string, ErrorCode, DeriveOptions?]> = [
  ['empty', '', 'empty-input'],
  ['too long', 'x+'.repeat(20_000) + 'x', 'too-long'],
  ['nested brackets', '('.repeat(600) + 'x' + ')'.repeat(600), 'too-deep'],
  ['prefix chain', '-'.repeat(600) + 'x', 'too-deep'],
  ['nesting past the limit', 'sin('.repeat(501) + 'x' + ')'.repeat(501), 'too-deep'],
  ['subtraction chain', Array(3000).fill('x').join('-'), 'too-deep'],
  ['matrix', '[1, 2]', 'unsupported-syntax'],
  ['shift', 'x << 2', 'unsupported-syntax'],
  ['assignment', 'x = 2', 'invalid-equation'],
  ['string', '"x"', 'unsupported-syntax'],
  ['unit conversion', '5 cm to inch', 'unsupported-syntax'],
  ['unknown function', 'floor(x)', 'unknown-function'],
  ['wrong arity', 'sin(x, y)', 'wrong-arity'],
  ['function as symbol', 'sin x^2', 'function-as-symbol'],
  ['implicit call', 'x(1+x)', 'implicit-call'],
  ['overflowing number', '1e309 * x', 'non-finite-number'],
  ['NaN', 'NaN * x', 'non-finite-number'],
  ['underflowing number', '1e-400 + x', 'number-out-of-range'],
  ['several variables', 'a * b', 'ambiguous-variable'],
  ['variable not a name', 'x', 'invalid-variable', { wrt: '2' }],
  ['variable a constant', 'x', 'constant-variable', { wrt: 'e' }],
  ['bad definition', 'x', 'invalid-definition', { define: ['sin(x) = x'] }],
  ['recursive definition', 'x', 'recursive-definition', { define: ['f(x) = f(x)'] }],
  ['growth past the limit', Array(200).fill('x').join('^'), 'too-large'],
  ['too many steps', 'x^2 + sin(x)', 'too-many-steps', { maxSteps: 1 }],
  ['time budget', 'sin(x)*cos(x)/x', 'timeout', { budgetMs: 0 }],
];

describe('every class of bad input', () => {
  it.each(CLASSES)('%s → its code, with a displayable one-line message', (_, input, code, options) => {
    const error = rejection(input, options);
    expect(error.code).toBe(code);
    expect(error.message).not.toMatch(/\n|\s+at\s|\.js:\d/);
    expect(error.message.length).toBeLessThan(300);
  });

  it.each(CLASSES.filter(([, , , o]) => o === undefined || (o.wrt !== undefined && Object.keys(o).length === 1)))(
    '%s through the CLI: exit 2, one line on stderr, nothing on stdout',
    (_, input, code, options) => {
      expect(existsSync(bin)).toBe(true);
      const args = [bin, ...(input.startsWith('-') ? ['--', input] : [input]), ...(options?.wrt ? ['--wrt', options.wrt] : [])];
      const out = spawnSync(process.execPath, args, { encoding: 'utf8' });
      expect(out.status).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(out.stderr).toContain(`[${code}]`);
    },
  );
});

describe('the deepest input the limits accept', () => {
  const sinNested = (n: number): string => 'sin('.repeat(n) + 'x' + ')'.repeat(n);

  it('sin nested 500 deep derives without a stack overflow, to the chain rule\'s product', () => {
    // Its steps print ~21 million nodes, past the default output limit: lifted here.
    const d = derive(sinNested(500), { maxOutput: 1e9 });
    // d/dx sin(sin(…sin(x))) = Π cos(s_k) with s_0 = x, s_{k+1} = sin(s_k).
    let s = 0.3;
    let expected = 1;
    for (let k = 0; k < 500; k++) {
      expected *= Math.cos(s);
      s = Math.sin(s);
    }
    const got = evaluate(d.result, { values: new Map([['x', 0.3]]) });
    expect(Math.abs(got - expected)).toBeLessThan(1e-12 + 1e-9 * Math.abs(expected));
  });

  it('the output limit counts every step printed, sub-derivations included', () => {
    const printed = allSteps(derive(sinNested(100)).steps).reduce((n, s) => n + nodeCount(s.after), 0);
    expect(printed).toBeGreaterThan(100_000);
    expect(() => derive(sinNested(100), { maxOutput: printed })).not.toThrow();
    expect(() => derive(sinNested(100), { maxOutput: printed - 1 })).toThrow(expect.objectContaining({ code: 'too-large' }));
    expect(() => derive(sinNested(500))).toThrow(expect.objectContaining({ code: 'too-large' }));
  });

  it('a page of a derivation with more nodes than the page limit has characters is refused before any LaTeX is built', () => {
    const d = derive(sinNested(300), { maxOutput: 1e9 });
    expect(() => toHTML(d, 'en', 100_000)).toThrow(expect.objectContaining({ code: 'too-large' }));
  });
});

describe('deep input built by hand', () => {
  it('an Expr deeper than the limit is refused with too-deep, not a RangeError', () => {
    let e: Expr = X.sym('x');
    for (let i = 0; i < 100_000; i++) e = X.fn('sin', [e]);
    expect(() => derive(e)).toThrow(expect.objectContaining({ code: 'too-deep' }));
    expect(() => simplifyExpression(e)).toThrow(expect.objectContaining({ code: 'too-deep' }));
  });
});

describe('hostile text never reaches the output raw', () => {
  const CORPUS = [
    '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', 'x + onerror', 'href * x',
    '\\href{javascript:alert(1)}{x}', 'x_<b>', '__proto__ * x', 'constructor + x', 'toString^2 * x', 'x + $', '`x`',
  ];
  it.each(CORPUS)('%s', (input) => {
    let outputs: string[];
    try {
      const d = derive(input, { wrt: 'x' });
      outputs = [toHTML(d), toPage(d), toMarkdown(d), d.toLatex()];
    } catch (error) {
      expect(error).toBeInstanceOf(StepdiffError);
      return;
    }
    for (const out of outputs) {
      // The page's own static icon link is the one href it may contain, its copy buttons' script the one script.
      expect(out.replace('<link rel="icon" href="data:,">', '').replace(COPY_SCRIPT, '')).not.toMatch(/<a\b|href=|javascript:|\son\w+=|<script|<img/i);
    }
  });
});

describe('a polluted Object.prototype', () => {
  it('does not switch on KaTeX trust, nor change options, translations or any output', () => {
    const input = '1/(1+exp(-x)) + 0.5*sqrt(x)';
    const options = { define: ['σ(x) = 1/(1+exp(-x))'] };
    const clean = derive(input, options);
    const expected = [toPage(clean), toPage(clean, 'zh'), JSON.stringify(clean.toJSON()), clean.toText('zh')];
    const proto = Object.prototype as Record<string, unknown>;
    const polluted: Record<string, unknown> = {
      trust: true, throwOnError: false, output: 'html', strict: 'error', maxSize: 0, maxExpand: 0, macros: { '\\x': '\\href{javascript:1}{x}' },
      wrt: 'y', method: 'chain', simplify: false, limits: { maxDepth: 1 }, maxSteps: 1, budgetMs: 0, locale: 'zh',
      // Our own lookups by rule id, note template and message slot (KaTeX's internal symbol tables
      // are plain objects too: a polluted "x" breaks KaTeX itself, which no caller can guard).
      quotient: 'POLLUTED', 'the derivative of a constant is 0': 'POLLUTED', names: 'POLLUTED',
      // A page's extra head markup is taken only from the caller's own argument (issue 30).
      head: '<script>alert(1)</script>',
    };
    try {
      for (const [k, v] of Object.entries(polluted)) proto[k] = v;
      const again = derive(input, options);
      expect([toPage(again), toPage(again, 'zh'), JSON.stringify(again.toJSON()), again.toText('zh')]).toEqual(expected);
    } finally {
      for (const k of Object.keys(polluted)) delete proto[k];
    }
  });
});

describe('domains are honest', () => {
  it('sqrt(x^2) is |x|, never x: its derivative is the sign of x', () => {
    const d = derive('sqrt(x^2)');
    for (const x of [-2, -0.5, 0.5, 3]) expect(evaluate(d.result, { values: new Map([['x', x]]) })).toBeCloseTo(Math.sign(x), 12);
  });

  it('abs says where it is not differentiable; a cancellation says what it assumes', () => {
    expect(derive('abs(x)').steps[0]!.explanation).toContain('not differentiable at x = 0');
    expect(derive('x^2/x').toText()).toContain('assuming x ≠ 0');
  });

  it('roots of negative numbers and logarithms follow the real domain', () => {
    const cube = derive('cbrt(x)').result;
    expect(evaluate(cube, { values: new Map([['x', -8]]) })).toBeCloseTo(1 / 12, 12);
    expect(evaluate(derive('sqrt(x)').result, { values: new Map([['x', -1]]) })).toBeNaN();
    expect(evaluate(derive('log(x)').expr, { values: new Map([['x', -1]]) })).toBeNaN();
  });
});

describe('printing numbers (issue 30)', () => {
  it('a number of 19,990 digits prints in one pass, exactly', () => {
    const digits = '1'.repeat(19_990);
    const d = derive(`0.${digits}*x`);
    expect(toText(d.result)).toBe(`0.${digits}`);
  });

  it('terminating and repeating fractions print as decimals and quotients as before', () => {
    const numbers: Array<[bigint, bigint]> = [[1n, 2n], [3n, 8n], [-7n, 40n], [1n, 3n], [2n, 15n], [1n, 1024n], [123n, 1n]];
    expect(numbers.map(([n, d]) => toText(X.num(n, d)))).toEqual(['0.5', '0.375', '-0.175', '1 / 3', '2 / 15', '0.0009765625', '123']);
    expect(twosAndFives(2n ** 70n * 5n ** 90n)).toEqual({ twos: 70, fives: 90 });
    expect(twosAndFives(2n ** 70n * 5n ** 90n * 3n)).toBeUndefined();
    expect(twosAndFives(5n ** 200n)).toEqual({ twos: 0, fives: 200 });
  });
});
