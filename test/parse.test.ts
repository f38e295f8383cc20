import { describe, expect, it } from 'vitest';
import { derive } from '../src/index.js';
import * as X from '../src/expr/expr.js';
import { equals, type Expr } from '../src/expr/expr.js';
import { isName, isNfcStable } from '../src/expr/functions.js';
import { parseDefinition, parseExpression } from '../src/parse/parse.js';
import { toText } from '../src/expr/text.js';
import { CORPUS } from './corpus.js';
import { allSteps, compareNumerically } from './helpers.js';

const parse = (s: string): Expr => parseExpression(s).expr;

describe('parser', () => {
  it.each([
    ['1/(1+e^(-x))', 'div', '1 / (1 + e^(-x))'],
    ['a - b', 'sub', 'a - b'],
    ['-x', 'neg', '-x'],
    ['2x', 'mul', '2 * x'],
    ['0.5', 'num', '0.5'],
    ['1/3', 'div', '1 / 3'],
    ['pow(x, 2)', 'pow', 'x^2'],
    ['sigma(x)', 'fn', 'σ(x)'],
    ['yhat + theta', 'add', 'ŷ + θ'],
    ['σ + ŷ', 'add', 'σ + ŷ'],
    ['x_1 * pi', 'mul', 'x_1 * pi'],
    ['2×x', 'mul', '2 * x'],
    ['6÷x', 'div', '6 / x'],
    ['1−x', 'sub', '1 - x'],
    ["f'(x)", 'fn', "f'(x)"],
    ['nthRoot(x)', 'fn', 'nthRoot(x, 2)'],
  ])('%s is a %s and prints as %s', (input, kind, text) => {
    const e = parse(input);
    expect(e.kind).toBe(kind);
    expect(toText(e)).toBe(text);
  });

  it('keeps decimals exact', () => {
    const e = parse('0.1');
    expect(e.kind === 'num' && [e.value.num, e.value.den]).toEqual([1n, 10n]);
    const big = parse('12345678901234567890');
    expect(big.kind === 'num' && big.value.num).toBe(12345678901234567890n);
  });

  it('reads a decomposed ŷ as the composed one and says so', () => {
    const parsed = parseExpression('y\u0302 + 1');
    expect(toText(parsed.expr)).toBe('ŷ + 1');
    expect(parsed.notes).toContain('Unicode normalised to NFC');
    expect(parseExpression('2×x').notes).toEqual(['× read as *']);
  });

  it('skips ICU only for text NFC leaves alone: every character it passes, and every pair of them', () => {
    const passed: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (isNfcStable(ch)) passed.push(ch);
    }
    expect(passed.length).toBe(0x300 + 0x90 - 3);
    const changed = passed.filter((a) => a.normalize('NFC') !== a);
    for (const a of passed) for (const b of passed) if ((a + b).normalize('NFC') !== a + b) changed.push(a + b);
    expect(changed).toEqual([]);
    // A combining mark, and the Greek characters NFC replaces, take the ICU path.
    expect(['y\u0302', '\u0374', '\u037e', '\u0387', 'ŷ', 'σ', 'x−1'].map(isNfcStable)).toEqual([false, false, false, false, true, true, false]);
  });

  it('reads an ASCII name without the Unicode regex, and says of it what the regex says', () => {
    const unicode = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;
    const differ: string[] = [];
    for (let a = 0; a < 128; a++) {
      for (let b = -1; b < 128; b++) {
        const name = String.fromCharCode(a) + (b < 0 ? '' : String.fromCharCode(b));
        if (isName(name) !== unicode.test(name)) differ.push(name);
      }
    }
    expect(differ).toEqual([]);
    expect(['', 'x_1', '$a', '1x', 'ŷ', 'θ2', 'a-b'].map(isName)).toEqual([false, true, true, false, true, true, false]);
  });

  it('parses a definition, using earlier ones', () => {
    const s = parseDefinition('σ(x) = 1/(1+exp(-x))');
    expect(s.params).toEqual(['x']);
    const t = parseDefinition('tanhish(x) = 2σ(2x) - 1', new Map([[s.name, s]]));
    expect(toText(t.body)).toBe('2 * σ(2 * x) - 1');
  });

  describe('nesting deeper than mathjs parses in one go (brackets are parsed 40 levels at a time)', () => {
    const nested = (inner: string, n: number): string => 'sin('.repeat(n) + inner + ')'.repeat(n);
    const built = (inner: Expr, n: number): Expr => {
      let e = inner;
      for (let i = 0; i < n; i++) e = X.fn('sin', [e]);
      return e;
    };

    it('reads sin nested 500 deep as 500 calls', () => {
      expect(equals(parse(nested('x', 500)), built(X.sym('x'), 500))).toBe(true);
    });

    it('reads a call with several arguments where a piece is cut', () => {
      const e = parse(nested('nthRoot(x, 3)', 39));
      expect(equals(e, built(X.fn('nthRoot', [X.sym('x'), X.num(3)]), 39))).toBe(true);
    });

    it('keeps f() an empty call, and points errors inside a piece at the input', () => {
      expect(() => parse(nested('f()', 39))).toThrow(expect.objectContaining({ code: 'wrong-arity' }));
      const text = nested('nthRoot(x+, 3)', 39);
      expect(() => parse(text)).toThrow(expect.objectContaining({ code: 'syntax-error', position: text.indexOf(',') }));
    });

    it('never mistakes a name the user wrote for a placeholder', () => {
      const e = parse(`$part0 + $$part0 + ${nested('x', 45)}`);
      expect(toText(e).startsWith('$part0 + $$part0 + sin(')).toBe(true);
    });

    it('does not cut inside a comment: a bracket commented out stays commented out', () => {
      expect(() => parse(nested('x # c', 40))).toThrow(expect.objectContaining({ code: 'syntax-error' }));
    });

    it('still refuses nesting past the limit, and unpaired brackets as a syntax error', () => {
      expect(() => parse(nested('x', 501))).toThrow(expect.objectContaining({ code: 'too-deep' }));
      expect(() => parse('sin('.repeat(45) + 'x' + ')'.repeat(44))).toThrow(expect.objectContaining({ code: 'syntax-error' }));
    });
  });

  it('a tree has fewer levels than twice the characters of its input, so short input is not walked for depth', () => {
    // The compact ways to nest: implicit products, powers, primes, unary signs, calls, brackets.
    const inputs = [
      '2(3(4(5(6x))))', 'x^x^x^x^x^x', "f''(g'(h(x)))", '-(-(-(-x)))', '+-+-x', 'sin(cos(tan(exp(log(x)))))',
      '((((((x))))))', 'a b c d e', '2x^3y^4', '1/2/3/4/5', 'x-y-z-w', '-x^-y^-z', ...CORPUS.map((c) => c.input),
    ];
    for (const input of inputs) {
      // At a limit of 2n − 1 the tree of an n-character input is walked; it must be within it.
      const tight = { maxLength: 20_000, maxDepth: 2 * input.length - 1 };
      let walked: Expr | undefined;
      try {
        walked = parseExpression(input, new Map(), tight).expr;
      } catch (error) {
        expect((error as { code?: string }).code).not.toBe('too-deep');
        continue;
      }
      expect(equals(walked, parseExpression(input, new Map(), { ...tight, maxDepth: 2 * input.length }).expr)).toBe(true);
    }
  });

  it('identifiers such as __proto__ and constructor are ordinary symbols', () => {
    expect(derive('__proto__ * constructor + toString', { wrt: 'constructor' }).toJSON().result).toContain('__proto__');
  });
});

describe('text printer', () => {
  // Every expression and step the corpus produces prints as text that parses back to the same
  // text (printing is a fixed point) and to the same values.
  it('round-trips every expression the corpus produces', () => {
    let checked = 0;
    for (const c of CORPUS) {
      const r = derive(c.input, c.options);
      const definitions = new Map(r.definitions.map((d) => [d.name, d]));
      const exprs = [r.expr, r.result, ...allSteps(r.steps).flatMap((s) => [s.before, s.after])];
      for (const e of exprs) {
        const text = toText(e);
        const back = parseExpression(text, definitions, undefined, { inertDerivatives: true }).expr;
        expect(toText(back)).toBe(text);
        if (!equals(back, e)) expect(compareNumerically(back, e, { definitions, count: 5 }).mismatch).toBeUndefined();
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it.each([
    ['a - (b - c)'], ['a - (b + c)'], ['a / (b * c)'], ['(a / b) / c'], ['a / b / c'], ['-(a * b)'], ['(-a)^2'], ['-a^2'],
    ['a^(b^c)'], ['(a^b)^c'], ['a * (b * c)'], ['a + (b + c)'], ['a + (-b)'], ['2^(-x)'], ['(1/3) * x'], ['x * (-1)'],
  ])('%s keeps its structure', (input) => {
    const e = parse(input);
    expect(equals(parse(toText(e)), e)).toBe(true);
  });
});
