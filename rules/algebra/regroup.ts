import type { Expr } from '../../src/expr/expr.js';
import { add, children, mul } from '../../src/expr/expr.js';
import { defineRewrite } from '../../src/engine/rule.js';

/** Every level of a nested product (or sum) at once, so one step removes all the inner parentheses. */
function flatten(e: Expr, kind: 'mul' | 'add'): Expr[] {
  return children(e).flatMap((k) => (k.kind === kind ? flatten(k, kind) : [k]));
}

export default defineRewrite({
  id: 'regroup',
  title: 'Remove the inner parentheses',
  law: 'a\\,(b\\,c) = a\\,b\\,c,\\quad a + (b + c) = a + b + c',
  on: ['add', 'mul'],
  apply: (e) => {
    if (e.kind === 'mul' && e.factors.some((f) => f.kind === 'mul')) return mul(...flatten(e, 'mul'));
    if (e.kind === 'add' && e.terms.some((t) => t.kind === 'add')) return add(...flatten(e, 'add'));
    return undefined;
  },
});
