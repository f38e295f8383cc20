import type { Expr } from '../src/expr.js';
import { add, isNum, neg, zero } from '../src/expr.js';
import { defineRewrite } from '../src/rule.js';

/** Whether `e` is 0 as written: 0, a product with a factor 0, 0/u, −0. */
function isZero(e: Expr): boolean {
  switch (e.kind) {
    case 'num': return isNum(e, 0);
    case 'mul': return e.factors.some(isZero);
    case 'div': return isZero(e.num);
    case 'neg': return isZero(e.arg);
    default: return false;
  }
}

export default defineRewrite({
  id: 'drop-zero',
  title: 'Drop the zero terms',
  law: '0 \\cdot u = 0,\\quad u + 0 = u,\\quad 0 - u = -u',
  on: ['add', 'sub', 'mul', 'div', 'neg'],
  apply: (e) => {
    if (e.kind === 'num') return undefined;
    if (isZero(e)) return zero;
    if (e.kind === 'add' && e.terms.some(isZero)) {
      const kept = e.terms.filter((t) => !isZero(t));
      // 0 + 0 keeps no term: its sum is 0, not an empty sum (which prints as nothing).
      return kept.length === 0 ? zero : kept.length === 1 ? kept[0]! : add(...kept);
    }
    if (e.kind === 'sub' && isZero(e.right)) return e.left;
    if (e.kind === 'sub' && isZero(e.left)) return neg(e.right);
    return undefined;
  },
});
