import { add, neg, zero } from '../../src/expr/expr.js';
import { isWrittenZero } from '../../src/expr/shape.js';
import { defineRewrite } from '../../src/engine/rule.js';

export default defineRewrite({
  id: 'drop-zero',
  title: 'Drop the zero terms',
  law: '0 \\cdot u = 0,\\quad u + 0 = u,\\quad 0 - u = -u',
  on: ['add', 'sub', 'mul', 'div', 'neg'],
  apply: (e) => {
    if (e.kind === 'num') return undefined;
    if (isWrittenZero(e)) return zero;
    if (e.kind === 'add' && e.terms.some(isWrittenZero)) {
      const kept = e.terms.filter((t) => !isWrittenZero(t));
      // 0 + 0 keeps no term: its sum is 0, not an empty sum (which prints as nothing).
      return kept.length === 0 ? zero : kept.length === 1 ? kept[0]! : add(...kept);
    }
    if (e.kind === 'sub' && isWrittenZero(e.right)) return e.left;
    if (e.kind === 'sub' && isWrittenZero(e.left)) return neg(e.right);
    return undefined;
  },
});
