import type { Expr } from '../../src/expr/expr.js';
import { add, equals, num } from '../../src/expr/expr.js';
import { hashOf } from '../../src/expr/shape.js';
import { exprMap } from '../../src/expr/expr-map.js';
import { baseOf, fromPower, isRational, numericValue, powerOf, productOf } from '../../src/engine/algebra.js';
import { addQ, isIntegerQ, mulQ, type Rational } from '../../src/expr/rational.js';
import { defineRewrite } from '../../src/engine/rule.js';

/** Up to this many factors, a product is checked pair by pair for a repeated base; longer, by hashes. */
const PAIRWISE = 8;

/** Whether two factors (numbers aside) may share a base: false is certain, true may be a hash collision. */
function repeatsBase(factors: readonly Expr[]): boolean {
  if (factors.length > PAIRWISE) {
    const seen = new Set<number>();
    for (const f of factors) {
      if (f.kind === 'num') continue;
      const h = hashOf(baseOf(f));
      if (seen.has(h)) return true;
      seen.add(h);
    }
    return false;
  }
  for (let i = 1; i < factors.length; i++) {
    if (factors[i]!.kind === 'num') continue;
    const base = baseOf(factors[i]!);
    for (let j = 0; j < i; j++) if (factors[j]!.kind !== 'num' && equals(baseOf(factors[j]!), base)) return true;
  }
  return false;
}

export default defineRewrite({
  id: 'collect-powers',
  title: 'Collect the powers',
  law: 'u \\cdot u = u^{2},\\quad u^{a} u^{b} = u^{a+b},\\quad (u^{a})^{n} = u^{an}',
  on: ['mul', 'pow'],
  apply: (e) => {
    // (u^a)^b = u^{ab} only for an integer b: (x^2)^{1/2} is |x|, not x.
    if (e.kind === 'pow' && e.base.kind === 'pow') {
      const a = numericValue(e.base.exp);
      const b = numericValue(e.exp);
      if (a !== undefined && b !== undefined && isIntegerQ(b)) return fromPower(e.base.base, mulQ(a, b));
      return undefined;
    }
    if (e.kind !== 'mul') return undefined;
    if (!repeatsBase(e.factors)) return undefined;
    // In order of first appearance; a number is a group of its own.
    const groups: Array<{ base: Expr; exps: Array<Rational | Expr> }> = [];
    const byBase = exprMap<{ base: Expr; exps: Array<Rational | Expr> }>();
    for (let i = 0; i < e.factors.length; i++) {
      const f = e.factors[i]!;
      if (f.kind === 'num') {
        groups.push({ base: f, exps: [] });
        continue;
      }
      const { base, exp } = powerOf(f);
      const group = byBase.get(base);
      if (group !== undefined) group.exps.push(exp);
      else {
        const fresh = { base, exps: [exp] };
        byBase.set(base, fresh);
        groups.push(fresh);
      }
    }
    if (groups.every((g) => g.exps.length <= 1)) return undefined;
    return productOf(
      groups.map(({ base, exps }) => {
        if (exps.length === 0) return base;
        if (exps.every(isRational)) return fromPower(base, exps.reduce((a, b) => addQ(a, b)));
        return fromPower(base, add(...exps.map((x) => (isRational(x) ? num(x) : x))));
      }),
    );
  },
});
