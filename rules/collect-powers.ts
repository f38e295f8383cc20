import type { Expr } from '../src/expr.js';
import { add, key, num } from '../src/expr.js';
import { fromPower, isRational, numericValue, powerOf, productOf } from '../src/algebra.js';
import { addQ, isIntegerQ, mulQ, type Rational } from '../src/rational.js';
import { defineRewrite } from '../src/rule.js';

export default defineRewrite({
  id: 'collect-powers',
  title: 'Collect the powers',
  law: 'u \\cdot u = u^{2},\\quad u^{a} u^{b} = u^{a+b},\\quad (u^{a})^{n} = u^{an}',
  apply: (e) => {
    // (u^a)^b = u^{ab} only for an integer b: (x^2)^{1/2} is |x|, not x.
    if (e.kind === 'pow' && e.base.kind === 'pow') {
      const a = numericValue(e.base.exp);
      const b = numericValue(e.exp);
      if (a !== undefined && b !== undefined && isIntegerQ(b)) return fromPower(e.base.base, mulQ(a, b));
      return undefined;
    }
    if (e.kind !== 'mul') return undefined;
    const groups = new Map<string, { base: Expr; exps: Array<Rational | Expr> }>();
    for (const f of e.factors) {
      if (f.kind === 'num') {
        groups.set(`#${groups.size}`, { base: f, exps: [] });
        continue;
      }
      const { base, exp } = powerOf(f);
      const k = key(base);
      const group = groups.get(k);
      if (group === undefined) groups.set(k, { base, exps: [exp] });
      else group.exps.push(exp);
    }
    if ([...groups.values()].every((g) => g.exps.length <= 1)) return undefined;
    return productOf(
      [...groups.values()].map(({ base, exps }) => {
        if (exps.length === 0) return base;
        if (exps.every(isRational)) return fromPower(base, exps.reduce((a, b) => addQ(a, b)));
        return fromPower(base, add(...exps.map((x) => (isRational(x) ? num(x) : x))));
      }),
    );
  },
});
