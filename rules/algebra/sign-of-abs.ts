import type { Expr } from '../../src/expr/expr.js';
import { div, equals, fn } from '../../src/expr/expr.js';
import { factorsOf, productOf } from '../../src/engine/algebra.js';
import { defineRewrite } from '../../src/engine/rule.js';

/** The index pair (in numerator, in denominator) of a factor u over |u|, if the quotient has one. */
function pair(top: readonly Expr[], bottom: readonly Expr[]): [number, number] | undefined {
  for (let j = 0; j < bottom.length; j++) {
    const f = bottom[j]!;
    if (f.kind !== 'fn' || f.name !== 'abs') continue;
    const i = top.findIndex((t) => equals(t, f.args[0]!));
    if (i >= 0) return [i, j];
  }
  return undefined;
}

// u/|u| is the sign of u wherever it is defined (u ≠ 0): the derivative of |u| as a teacher writes it.
export default defineRewrite({
  id: 'sign-of-abs',
  title: 'A value over its absolute value is its sign',
  law: '\\frac{u}{|u|} = \\operatorname{sgn}(u) \\quad (u \\neq 0)',
  on: ['div'],
  usable: (ctx) => ctx.holds?.abs ?? true,
  apply: (e) => {
    if (e.kind !== 'div') return undefined;
    const top = factorsOf(e.num);
    const bottom = factorsOf(e.den);
    const found = pair(top, bottom);
    if (found === undefined) return undefined;
    const [i, j] = found;
    const sign = fn('sign', [top[i]!]);
    const numerator = productOf([...top.slice(0, i), sign, ...top.slice(i + 1)]);
    const rest = bottom.filter((_, k) => k !== j);
    return rest.length === 0 ? numerator : div(numerator, productOf(rest));
  },
  note: (e) => {
    if (e.kind !== 'div') return undefined;
    const top = factorsOf(e.num);
    const found = pair(top, factorsOf(e.den));
    return found === undefined ? undefined : { text: 'assuming {c} ≠ 0', values: { c: top[found[0]]! } };
  },
});
