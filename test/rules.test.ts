// One table per rule module: the body of d(body, x), and what the rule rewrites it to. Each row also
// checks that this rule is the one the ordered list picks for that body.

import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALGEBRA_RULES, DIFFERENTIATION_RULES, EQUATION_RULES } from '../rules/index.js';
import { parseEquation } from '../src/parse/equation.js';
import type { Expr, ExprOf } from '../src/expr/expr.js';
import { parseDefinition, parseExpression } from '../src/parse/parse.js';
import { applies, type Method, type RuleContext } from '../src/engine/rule.js';
import { toText } from '../src/expr/text.js';

const sigmoid = parseDefinition('σ(x) = 1/(1+exp(-x))');
const loss = parseDefinition('L(a, b) = (a - b)^2');
const definitions = new Map([[sigmoid.name, sigmoid], [loss.name, loss]]);

function rewrite(input: string, method: Method = 'quotient', wrt = 'x'): { id: string; out: string } {
  const body = parseExpression(input, definitions).expr;
  // y is the dependent variable of implicit differentiation: a function of x (the chain rule's row log(y + x) shows it).
  const ctx: RuleContext = { wrt, method, definitions, inside: new Set(), dependent: 'y' };
  const rule = DIFFERENTIATION_RULES.find((r) => applies(r, body, ctx));
  if (rule === undefined) throw new Error(`no rule for ${input}`);
  return { id: rule.id, out: toText(rule.to(body as never, ctx)) };
}

const TABLES: Record<string, Array<[string, string, Method?, string?]>> = {
  constant: [['5', '0'], ['t', '0'], ['pi * e', '0'], ['log(a + 2)', '0'], ['sin(t)^2', '0']],
  variable: [['x', '1']],
  sum: [['x + x^2', 'derivative(x, x) + derivative(x^2, x)'], ['1 + x + t', 'derivative(1, x) + derivative(x, x) + derivative(t, x)']],
  difference: [['x - sin(x)', 'derivative(x, x) - derivative(sin(x), x)']],
  negation: [['-x', '-derivative(x, x)'], ['-(x^2 + 1)', '-derivative(x^2 + 1, x)']],
  'constant-multiple': [['3x', '3 * derivative(x, x)'], ['x * 2 * sin(x)', '2 * derivative(x * sin(x), x)'], ['x^2 / 2', 'derivative(x^2, x) / 2'], ['pi * x', 'pi * derivative(x, x)']],
  product: [['x * sin(x)', 'derivative(x, x) * sin(x) + x * derivative(sin(x), x)'], ['t * x', 'derivative(t, x) * x + t * derivative(x, x)'], ['x * x * x', 'derivative(x, x) * x * x + x * derivative(x, x) * x + x * x * derivative(x, x)']],
  quotient: [['1 / x', '(derivative(1, x) * x - 1 * derivative(x, x)) / x^2'], ['sin(x) / x', '(derivative(sin(x), x) * x - sin(x) * derivative(x, x)) / x^2']],
  reciprocal: [['1 / x', '-derivative(x, x) / x^2', 'reciprocal'], ['3 / x', '-(3 * derivative(x, x) / x^2)', 'reciprocal']],
  'negative-power': [['1 / (1 + x)', 'derivative((1 + x)^(-1), x)', 'chain'], ['2 / x', 'derivative(2 * x^(-1), x)', 'chain']],
  chain: [['sin(2x)', 'derivative(sin(y), y, 2 * x) * derivative(2 * x, x)'], ['(1 + x)^3', 'derivative(y^3, y, 1 + x) * derivative(1 + x, x)'], ['2^(x^2)', 'derivative(2^y, y, x^2) * derivative(x^2, x)'], ['f(x^2)', "derivative(f(y), y, x^2) * derivative(x^2, x)"], ['log(y + x)', 'derivative(log(u), u, y + x) * derivative(y + x, x)']],
  power: [['x^3', '3 * x^2'], ['x^2', '2 * x'], ['x^-1', '-x^(-2)'], ['x^0.5', '0.5 * x^(-0.5)'], ['x^n', 'n * x^(n - 1)'], ['x^1', '1']],
  exponential: [['exp(x)', 'exp(x)'], ['e^x', 'e^x'], ['2^x', '2^x * log(2)'], ['a^x', 'a^x * log(a)']],
  'general-power': [['x^x', 'x^x * derivative(x * log(x), x)'], ['(1 + x)^sin(x)', '(1 + x)^sin(x) * derivative(sin(x) * log(1 + x), x)']],
  logarithm: [['log(x)', '1 / x'], ['ln(x)', '1 / x'], ['log(x, 3)', '1 / (x * log(3))'], ['log2(x)', '1 / (x * log(2))'], ['log10(x)', '1 / (x * log(10))']],
  'change-of-base': [['log(2, x)', 'derivative(log(2) / log(x), x)'], ['log(x, x + 1)', 'derivative(log(x) / log(x + 1), x)']],
  root: [['sqrt(x)', '1 / (2 * sqrt(x))'], ['cbrt(x)', '1 / (3 * cbrt(x)^2)'], ['nthRoot(x, 4)', '1 / (4 * nthRoot(x, 4)^3)'], ['nthRoot(x, n)', '1 / (n * nthRoot(x, n)^(n - 1))']],
  'root-as-power': [['nthRoot(2, x)', 'derivative(2^(1 / x), x)']],
  abs: [['abs(x)', 'x / abs(x)']],
  trigonometric: [['sin(x)', 'cos(x)'], ['cos(x)', '-sin(x)'], ['tan(x)', 'sec(x)^2'], ['sec(x)', 'sec(x) * tan(x)'], ['csc(x)', '-csc(x) * cot(x)'], ['cot(x)', '-csc(x)^2']],
  hyperbolic: [['sinh(x)', 'cosh(x)'], ['cosh(x)', 'sinh(x)'], ['tanh(x)', '1 - tanh(x)^2'], ['sech(x)', '-sech(x) * tanh(x)'], ['csch(x)', '-csch(x) * coth(x)'], ['coth(x)', '-csch(x)^2']],
  'inverse-trigonometric': [['asin(x)', '1 / sqrt(1 - x^2)'], ['acos(x)', '-1 / sqrt(1 - x^2)'], ['atan(x)', '1 / (1 + x^2)'], ['asec(x)', '1 / (abs(x) * sqrt(x^2 - 1))'], ['acsc(x)', '-1 / (abs(x) * sqrt(x^2 - 1))'], ['acot(x)', '-1 / (1 + x^2)']],
  'inverse-hyperbolic': [['asinh(x)', '1 / sqrt(x^2 + 1)'], ['acosh(x)', '1 / sqrt(x^2 - 1)'], ['atanh(x)', '1 / (1 - x^2)'], ['asech(x)', '-1 / (x * sqrt(1 - x^2))'], ['acsch(x)', '-1 / (abs(x) * sqrt(1 + x^2))'], ['acoth(x)', '1 / (1 - x^2)']],
  'defined-function': [['σ(2x)', 'derivative(σ(y), y, 2 * x) * derivative(2 * x, x)'], ['σ(x)', 'derivative(σ(y), y, x) * derivative(x, x)']],
  definition: [['L(x, 2)', 'derivative((x - 2)^2, x)'], ['L(3x, t)', 'derivative((3 * x - t)^2, x)']],
  'undefined-function': [['f(x)', "f'(x)"], ["f'(x)", "f''(x)"]],
  'dependent-variable': [['y', 'derivative(y, x)']],
  'error-function': [['erf(x)', '2 / sqrt(pi) * exp(-x^2)']],
  sign: [['sign(x)', '0']],
  'max-min': [['max(0, x)', 'derivative(x < 0 ? 0 : x, x)'], ['min(x, 1)', 'derivative(x < 1 ? x : 1, x)'], ['max(0.01 * x, x)', 'derivative(x < 0 ? 0.01 * x : x, x)'], ['max(x^2, 1)', 'derivative(x^2 > 1 ? x^2 : 1, x)']],
  piecewise: [['x > 0 ? x^2 : 0', 'x > 0 ? derivative(x^2, x) : derivative(0, x)']],
  kronecker: [['z_j', 'δ(j, k)', undefined, 'z_k'], ['w_ij', 'δ(i, k) * δ(j, l)', undefined, 'w_kl'], ['w_kj', 'δ(j, l)', undefined, 'w_kl']],
  'sum-over-index': [['sum(exp(z_j), j)', 'sum(derivative(exp(z_j), z_k), j)', undefined, 'z_k'], ['sum(z_k, k)', 'sum(derivative(z_i, z_k), i)', undefined, 'z_k']],
  softmax: [['softmax(z_i)', 'derivative(exp(z_i) / sum(exp(z_j), j), z_k)', undefined, 'z_k']],
};

describe('rule modules', () => {
  for (const [id, rows] of Object.entries(TABLES)) {
    describe(id, () => {
      it.each(rows)('d/dx %s → %s', (input, expected, method, wrt) => {
        expect(rewrite(input, method, wrt)).toEqual({ id, out: expected });
      });
    });
  }

  it('every rule has a table, a unique kebab-case id equal to its file name in its folder, a title and a law', () => {
    const filesIn = (folder: string): string[] =>
      readdirSync(new URL(`../rules/${folder}/`, import.meta.url))
        .filter((f) => f.endsWith('.ts'))
        .map((f) => f.replace(/\.ts$/, ''))
        .sort();
    const ids = [...DIFFERENTIATION_RULES, ...ALGEBRA_RULES].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(DIFFERENTIATION_RULES.map((r) => r.id).sort()).toEqual(filesIn('differentiation'));
    expect(ALGEBRA_RULES.map((r) => r.id).sort()).toEqual(filesIn('algebra'));
    for (const rule of ALGEBRA_RULES) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(Object.isFrozen(rule)).toBe(true);
    }
    for (const rule of DIFFERENTIATION_RULES) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.title.length).toBeGreaterThan(0);
      expect(rule.law.length).toBeGreaterThan(0);
      expect(Object.isFrozen(rule)).toBe(true);
      expect(Object.keys(TABLES)).toContain(rule.id);
    }
  });
});

const COLLECT = ALGEBRA_RULES.find((r) => r.id === 'collect')!;

describe('collect', () => {
  it.each([
    ['0 + exp(-x) * (-1)', '-exp(-x)'],
    ['0 - 1', '-1'],
    ['2 * 1', '2'],
    ['x * (-1) * (-y)', 'x * y'],
    ['-(-x)', 'x'],
    ['x^1 + 0', 'x'],
    ['x / 1', 'x'],
    ['0 * sin(x) + y', 'y'],
  ])('%s → %s', (input, expected) => {
    expect(toText(COLLECT.apply(parseExpression(input).expr, { definitions: new Map() })!)).toBe(expected);
  });

  it('returns undefined when there is nothing to collect', () => {
    for (const input of ['exp(y)', '-1', '-x^2', 'x * y + 1']) expect(COLLECT.apply(parseExpression(input).expr, { definitions: new Map() })).toBeUndefined();
  });
});

// The moves of implicit differentiation, each on an equation with u = dy/dx: what it makes of it,
// or '' where it does not apply.
const EQUATION_TABLES: Record<string, Array<[string, string]>> = {
  'differentiate-both-sides': [['x^2 + y^2 = 1', 'derivative(x^2 + y^2, x) = derivative(1, x)']],
  'expand-unknown': [
    ['exp(x * y) * (y + x * derivative(y, x)) = 1 + derivative(y, x)', 'exp(x * y) * y + exp(x * y) * x * derivative(y, x) = 1 + derivative(y, x)'],
    ['2 * x - (y + x * derivative(y, x)) = 0', '2 * x - y - x * derivative(y, x) = 0'],
    ['(2 * y) * derivative(y, x) = -2 * x', ''],
    ['sin(derivative(y, x)) = x', ''],
  ],
  'move-terms': [
    ['2 * x + 2 * y * derivative(y, x) = 0', '2 * y * derivative(y, x) = -2 * x'],
    ['3 * x^2 + 3 * y^2 * derivative(y, x) = 6 * y + 6 * x * derivative(y, x)', '3 * y^2 * derivative(y, x) - 6 * x * derivative(y, x) = 6 * y - 3 * x^2'],
    ['2 * y * derivative(y, x) = -2 * x', ''],
  ],
  'factor-unknown': [
    ['3 * y^2 * derivative(y, x) - 6 * x * derivative(y, x) = 6 * y', '(3 * y^2 - 6 * x) * derivative(y, x) = 6 * y'],
    ['x * derivative(y, x) - derivative(y, x) = 1', '(x - 1) * derivative(y, x) = 1'],
    ['2 * y * derivative(y, x) = -2 * x', ''],
  ],
  'divide-by-coefficient': [
    ['2 * y * derivative(y, x) = -2 * x', 'derivative(y, x) = -2 * x / (2 * y)'],
    ['-derivative(y, x) = x', 'derivative(y, x) = -x'],
    ['derivative(y, x) / x = 1', 'derivative(y, x) = 1 / (1 / x)'],
    ['derivative(y, x) = x', ''],
  ],
};

describe('equation rules', () => {
  const u = parseExpression('derivative(y, x)', new Map(), undefined, { inertDerivatives: true }).expr as ExprOf<'d'>;
  const equation = (text: string): ExprOf<'eq'> => parseEquation(text, new Map(), undefined, { inertDerivatives: true }).expr as ExprOf<'eq'>;
  for (const rule of EQUATION_RULES) {
    it.each(EQUATION_TABLES[rule.id] ?? [])(`${rule.id}: %s → %s`, (input, expected) => {
      const after: Expr | undefined = rule.apply(equation(input), u);
      expect(after === undefined ? '' : toText(after)).toBe(expected);
    });
  }

  it('each has a table, an id equal to its file name in rules/equation, a title and a law, and is frozen', () => {
    const files = readdirSync(new URL('../rules/equation/', import.meta.url)).map((f) => f.replace(/\.ts$/, '')).sort();
    expect(EQUATION_RULES.map((r) => r.id).sort()).toEqual(files);
    for (const rule of EQUATION_RULES) {
      expect(Object.keys(EQUATION_TABLES)).toContain(rule.id);
      expect(rule.title.length).toBeGreaterThan(0);
      expect(rule.law.length).toBeGreaterThan(0);
      expect(Object.isFrozen(rule)).toBe(true);
    }
  });
});
