// Issue 25, point 4: implicit differentiation. An equation in x and y, y a function of x: both sides
// differentiated with dy/dx left as the unknown, then gathered, factored and divided for dy/dx, and
// with order 2, y'' in x and y with y' substituted. Every step is checked, not just the result:
// a step on the sides holds for any function y(x) put in (here y = 2 + sin x); a step that moves
// terms keeps the equation's solution for dy/dx at random (x, y).

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { build, derive, gradient, numericDerivative, simplifyExpression, present, toLatexDocument, toMarkdown, toText, type Derivation, type Expr, type Step } from '../src/index.js';
import { evaluate } from '../src/engine/evaluate.js';
import { parseExpression } from '../src/parse/parse.js';
import { parseEquation } from '../src/parse/equation.js';
import { allSteps, close, compareNumerically, rejection, samplePoint, seeded } from './helpers.js';

const bin = fileURLToPath(new URL('../dist/lib/cli.js', import.meta.url));
const Y_OF_X = parseExpression('2 + sin(x)').expr;

/** `e` with the nodes equal to `target` replaced by `by`. */
function replaced(e: Expr, target: Expr, by: Expr): Expr {
  if (build.equals(e, target)) return by;
  return build.withChildren(e, build.children(e).map((k) => replaced(k, target, by)));
}

const isOpen = (e: Expr, y: string): boolean =>
  [...build.nodes(e)].some((n) => n.kind === 'd' && n.at === undefined && !(n.body.kind === 'sym' && n.body.name === y));

/** The value of dy/dx an equation step says, at (x, y): its sides are affine in dy/dx, so two values of it find the root. */
function solution(e: Expr, u: Expr, values: Map<string, number>): number {
  if (e.kind !== 'eq') throw new Error('not an equation');
  const f = (p: number): number => {
    const at = replaced(build.sub(e.left, e.right), u, build.sym('p'));
    return evaluate(at, { values: new Map([...values, ['p', p]]) });
  };
  const b = f(0);
  return -b / (f(1) - b);
}

/** The steps of an implicit derivation that do not hold, described; empty when all do. */
function unsound(d: Derivation): string[] {
  const y = d.dependent!;
  const u = build.d(build.sym(y), d.wrt);
  const problems: string[] = [];
  const asFunction = (e: Expr): Expr => build.substitute(e, new Map([[y, Y_OF_X]]));
  for (const step of d.chain.flatMap((part) => allSteps(part.steps))) {
    const { before, after } = step;
    const say = (why: string): void => void problems.push(`${step.rule}: ${step.toText()} (${why})`);
    if (step.rule === 'differentiate-both-sides' && before.kind === 'eq') {
      if (!build.equals(after, build.eq(build.d(before.left, d.wrt), build.d(before.right, d.wrt)))) say('not d/dx of each side');
    } else if (step.rule === 'substitute-derivative') {
      // Holds on the curve, where dy/dx is the first order's result: checked as that result is.
      if (!build.equals(replaced(before, u, d.chain[0]!.result), after)) say('not dy/dx replaced by its value');
    } else if (step.rule === 'recall') {
      // d/dx of the lower order's result, which holds on the curve: checked as that result is.
      const lower = d.chain.find((part) => part.steps.includes(step))!.parts[0]!;
      if (!build.equals(after, build.d(lower.result, d.wrt))) say('not the derivative of the order below');
    } else if (before.kind === 'eq' && after.kind === 'eq' && !isOpen(before, y) && !isOpen(after, y)) {
      const random = seeded(11);
      for (let i = 0; i < 6; i++) {
        const values = samplePoint([d.wrt, y], random);
        const [a, b] = [solution(before, u, values), solution(after, u, values)];
        if (Number.isFinite(a) && Number.isFinite(b) && !close(a, b)) say(`dy/dx ${a} vs ${b}`);
      }
    } else if (before.kind === 'eq' && after.kind === 'eq') {
      for (const side of ['left', 'right'] as const) {
        const { mismatch } = compareNumerically(asFunction(before[side]), asFunction(after[side]), { count: 6 });
        if (mismatch !== undefined) say(`${side} side: ${mismatch}`);
      }
    } else {
      const { mismatch } = compareNumerically(asFunction(before), asFunction(after), { count: 6 });
      if (mismatch !== undefined) say(mismatch);
    }
  }
  return problems;
}

/** -F_x / F_y for the equation's F = left − right at (x, y): dy/dx wherever F_y ≠ 0. */
function slope(equation: Expr, x: string, y: string, values: Map<string, number>): number {
  if (equation.kind !== 'eq') throw new Error('not an equation');
  const f = build.sub(equation.left, equation.right);
  const partial = (name: string): number => numericDerivative((v) => evaluate(f, { values: new Map([...values, [name, v]]) }), values.get(name)!);
  return -partial(x) / partial(y);
}

/** Whether `result` is -F_x/F_y at random points. */
function agreesWithSlope(d: Derivation): boolean {
  const random = seeded(5);
  let compared = 0;
  for (let i = 0; i < 12; i++) {
    const values = samplePoint([d.wrt, d.dependent!], random);
    const expected = slope(d.expr, d.wrt, d.dependent!, values);
    const got = evaluate(d.result, { values });
    if (!Number.isFinite(expected) || !Number.isFinite(got)) continue;
    compared++;
    if (!close(expected, got, 1e-4)) return false;
  }
  return compared >= 6;
}

const implicit = (input: string, order?: number): Derivation => derive(input, { wrt: 'x', dependent: 'y', ...(order === undefined ? {} : { order }) });
const rulesOf = (steps: readonly Step[]): string[] => steps.map((s) => s.rule);

describe('implicit differentiation', () => {
  it('the unit circle gives -x / y by the reference steps: both sides, the rules, gather, divide assuming y ≠ 0', () => {
    const d = implicit('x^2 + y^2 = 1');
    expect(toText(d.result)).toBe('-x / y');
    expect(d.complete).toBe(true);
    expect(d.dependent).toBe('y');
    const rules = rulesOf(d.steps);
    expect(rules[0]).toBe('differentiate-both-sides');
    expect(rules).toEqual(expect.arrayContaining(['sum', 'power', 'chain', 'constant', 'move-terms', 'divide-by-coefficient']));
    expect(rules.indexOf('move-terms')).toBeLessThan(rules.indexOf('divide-by-coefficient'));
    const moved = d.steps.find((s) => s.rule === 'move-terms')!;
    expect(toText(moved.after)).toBe('2 * y * derivative(y, x) = -2 * x');
    const divided = d.steps.find((s) => s.rule === 'divide-by-coefficient')!;
    expect(divided.explanation).toBe('Divide by the coefficient of the derivative: assuming 2 * y ≠ 0.');
    // The chain rule writes dy/dx as y's inner derivative.
    const chain = d.steps.find((s) => s.rule === 'chain')!;
    expect(toText(chain.after)).toContain('(2 * y) * derivative(y, x)');
    expect(unsound(d)).toEqual([]);
    expect(agreesWithSlope(d)).toBe(true);
  });

  it('the folium x^3 + y^3 = 6xy gives (2y − x²)/(y² − 2x): factor out dy/dx, divide, cancel the 3', () => {
    const d = implicit('x^3 + y^3 = 6*x*y');
    expect(toText(d.result)).toBe('(2 * y - x^2) / (y^2 - 2 * x)');
    expect(rulesOf(d.steps)).toEqual(expect.arrayContaining(['product', 'expand-unknown', 'move-terms', 'factor-unknown', 'divide-by-coefficient', 'cancel']));
    expect(toText(d.steps.find((s) => s.rule === 'factor-unknown')!.after)).toBe('(3 * y^2 - 6 * x) * derivative(y, x) = 6 * y - 3 * x^2');
    expect(unsound(d)).toEqual([]);
    expect(agreesWithSlope(d)).toBe(true);
  });

  it('exp(x*y) = x + y: the chain and product rules inside, multiplied out before gathering', () => {
    const d = implicit('exp(x*y) = x + y');
    expect(toText(d.result)).toBe('(1 - y * exp(x * y)) / (x * exp(x * y) - 1)');
    expect(rulesOf(d.steps)).toEqual(expect.arrayContaining(['chain', 'expand-unknown', 'move-terms', 'factor-unknown']));
    expect(unsound(d)).toEqual([]);
    expect(agreesWithSlope(d)).toBe(true);
  });

  it.each([
    ['y = x^2', '2 * x'],
    ['sin(x + y) = x*y', '(y - cos(x + y)) / (cos(x + y) - x)'],
    ['sin(y) = x', 'sec(y)'],
    ['x*y = 1', '-y / x'],
    ['y^2 = x^3 + x', '(3 * x^2 + 1) / (2 * y)'],
    ['sqrt(x) + sqrt(y) = 3', '-sqrt(y) / sqrt(x)'],
    ['x^2 - x*y + y^2 = 3', '(y - 2 * x) / (2 * y - x)'],
    ['tan(x*y) = y', ''],
  ])('%s gives %s, every step sound, equal to -F_x/F_y', (input, expected) => {
    const d = implicit(input);
    if (expected !== '') expect(toText(d.result)).toBe(expected);
    expect(unsound(d)).toEqual([]);
    expect(agreesWithSlope(d)).toBe(true);
  });

  it("with order 2 the circle's y'' is -(y² + x²)/y³: the first order a part, dy/dx substituted back", () => {
    const d = implicit('x^2 + y^2 = 1', 2);
    expect(d.order).toBe(2);
    expect(d.parts.map((p) => toText(p.result))).toEqual(['-x / y']);
    expect(toText(d.result)).toBe('-(y^2 + x^2) / y^3');
    const rules = rulesOf(d.steps);
    expect(rules[0]).toBe('recall');
    expect(rules).toContain('substitute-derivative');
    expect(unsound(d)).toEqual([]);
    // y'' = d/dx R(x, y(x)) = R_x + R_y · R with R = -x/y.
    const r = d.parts[0]!.result;
    const random = seeded(9);
    for (let i = 0; i < 6; i++) {
      const values = samplePoint(['x', 'y'], random);
      const partial = (name: string): number => numericDerivative((v) => evaluate(r, { values: new Map([...values, [name, v]]) }), values.get(name)!);
      const expected = partial('x') + partial('y') * evaluate(r, { values });
      expect(close(evaluate(d.result, { values }), expected, 1e-4)).toBe(true);
    }
  });

  it("the folium's y'' and exp(x*y) = x + y's are sound too, and a third order continues from the second", () => {
    for (const input of ['x^3 + y^3 = 6*x*y', 'exp(x*y) = x + y']) expect(unsound(implicit(input, 2)), input).toEqual([]);
    const third = implicit('x^2 + y^2 = 1', 3);
    expect(third.chain.map((p) => p.order)).toEqual([1, 2, 3]);
    expect(unsound(third)).toEqual([]);
  });

  it('prints dy/dx in LaTeX, ⇒ between the equations, a heading saying y is a function of x, in en and zh', () => {
    const d = implicit('x^2 + y^2 = 1');
    const latex = d.toLatex();
    expect(latex).toContain('\\frac{d y}{d x}');
    expect(latex).toContain('&\\Rightarrow');
    expect(latex).not.toContain('\\left[y\\right]');
    expect(d.toText()).toContain('Differentiate implicitly with respect to x, y a function of x:');
    expect(d.toText('zh')).toContain('对 x 隐函数求导（y 是 x 的函数）');
    expect(d.toText('zh')).toContain('两边同时求导');
    expect(present(d, 'zh').heading).toBe('对 x 隐函数求导（y 是 x 的函数）');
    expect(toMarkdown(d)).toContain('\\Rightarrow');
    expect(toLatexDocument(d)).toContain('\\frac{d y}{d x} = -\\frac{x}{y}');
    const second = implicit('x^2 + y^2 = 1', 2);
    expect(second.toLatex()).toContain('\\frac{d^{2} y}{d x^{2}}');
    expect(second.heading()).toBe('Second derivative with respect to x');
  });

  it('JSON says dependent, and the text form of every step reads back to the same equation', () => {
    const d = implicit('x^3 + y^3 = 6*x*y');
    const json = d.toJSON();
    expect(json).toMatchObject({ input: 'x^3 + y^3 = 6*x*y', wrt: 'x', dependent: 'y', result: '(2 * y - x^2) / (y^2 - 2 * x)', complete: true });
    expect(json.steps[0]!.after).toBe('derivative(x^3 + y^3, x) = derivative(6 * x * y, x)');
    for (const step of d.steps) {
      expect(build.equals(parseEquation(toText(step.after), new Map(), undefined, { inertDerivatives: true }).expr, step.after), toText(step.after)).toBe(true);
    }
    const back = derive(toText(d.expr), { dependent: 'y' });
    expect(toText(back.result)).toBe(toText(d.result));
  });

  it('with simplify: false the equation is still solved for dy/dx, nothing simplified', () => {
    const d = derive('x^2 + y^2 = 1', { dependent: 'y', simplify: false });
    expect(toText(d.result)).toBe('-2 * x / (2 * y)');
    expect(d.steps.map((s) => s.rule)).not.toContain('cancel');
    expect(unsound(d)).toEqual([]);
  });

  it('at a point on the circle, the slope: (0.6, 0.8) gives -3/4', () => {
    const d = derive('x^2 + y^2 = 1', { dependent: 'y', at: { x: 0.6, y: 0.8 } });
    expect(d.toJSON()).toMatchObject({ value: '-0.75', approx: -0.75 });
  });

  it('takes the variable of differentiation as the only other one, and an equation as an Expr', () => {
    expect(toText(derive('t^2 + y^2 = 4', { dependent: 'y' }).result)).toBe('-t / y');
    expect(derive('t^2 + y^2 = 4', { dependent: 'y' }).wrt).toBe('t');
    const equation = build.eq(build.add(build.pow(build.sym('x'), build.num(2)), build.pow(build.sym('y'), build.num(2))), build.num(1));
    expect(toText(derive(equation, { dependent: 'y' }).result)).toBe('-x / y');
  });

  it.each([
    ['x^2 + y^2', { dependent: 'y' }, 'invalid-equation', undefined],
    ['x^2 = 1', { dependent: 'y' }, 'invalid-equation', undefined],
    ['x = y = 1', { dependent: 'y' }, 'invalid-equation', 6],
    ['x^2 + y^2 = ', { dependent: 'y' }, 'invalid-equation', 10],
    ['x^2 + y^2 = 1 +', { dependent: 'y' }, 'syntax-error', 15],
    ['x^2 + y^2 = 1', {}, 'invalid-equation', 10],
    ['y = x^2', {}, 'invalid-equation', 2],
    ['x + y = y + 1', { dependent: 'y' }, 'invalid-equation', undefined],
    ['x*y = 1', { dependent: 'x', wrt: 'x' }, 'invalid-option', undefined],
    ['x*y*z = 1', { dependent: 'y' }, 'ambiguous-variable', undefined],
    ['x^2 + y^2 = 1', { dependent: 'pi' }, 'constant-variable', undefined],
    ['x^2 + y^2 = 1', { dependent: 3 }, 'invalid-variable', undefined],
    ['x^2 + y^2 = 1/0', { dependent: 'y' }, 'division-by-zero', 13],
  ] as const)('%s with %j is %s', (input, options, code, position) => {
    const error = rejection(input, options as never);
    expect(error.code).toBe(code);
    expect(error.position).toBe(position);
  });

  it('gradient, hessian and simplifyExpression refuse an equation, and dependent', () => {
    expect(() => gradient('x^2 + y^2 = 1', { wrt: ['x', 'y'] })).toThrow(expect.objectContaining({ code: 'invalid-equation' }));
    expect(() => gradient('x^2 + y', { wrt: ['x', 'y'], dependent: 'y' } as never)).toThrow(expect.objectContaining({ code: 'invalid-option' }));
    const equation = build.eq(build.sym('x'), build.sym('y'));
    expect(() => simplifyExpression(equation)).toThrow(expect.objectContaining({ code: 'invalid-equation' }));
  });

  it('an equation nested inside an expression is refused', () => {
    const nested = build.add(build.eq(build.sym('x'), build.sym('y')), build.num(1));
    expect(() => derive(nested, { dependent: 'y' })).toThrow(/equation can only be the whole expression/);
  });

  it('CLI: --dependent y, with --order 2 and JSON; an equation without it exits 2 naming the option', () => {
    const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
    const text = run('x^2 + y^2 = 1', '--dependent', 'y');
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Result: -x / y');
    const json = JSON.parse(run('x^3 + y^3 = 6*x*y', '--dependent', 'y', '--format', 'json').stdout) as { result: string; dependent: string };
    expect(json).toMatchObject({ result: '(2 * y - x^2) / (y^2 - 2 * x)', dependent: 'y' });
    expect(run('x^2 + y^2 = 1', '--dependent', 'y', '--order', '2').stdout).toContain('Result: -(y^2 + x^2) / y^3');
    const refused = run('x^2 + y^2 = 1');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--dependent');
    expect(refused.stdout).toBe('');
  });
});
