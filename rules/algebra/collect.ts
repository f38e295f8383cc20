import type { Expr } from '../../src/expr/expr.js';
import { add, children, isNum, mul, neg, num, one, withChildren, zero } from '../../src/expr/expr.js';
import { collectedForm, isCollected } from '../../src/expr/shape.js';
import { defineRewrite } from '../../src/engine/rule.js';

/**
 * One bottom-up pass of the identities below; each is exact wherever the input is defined. A subtree
 * already in collected form (a fact its shape keeps, such as a part's collected result, shared by
 * every later step) is returned as it is, without a walk.
 */
function tidy(e: Expr): Expr {
  return isCollected(e) ? e : collectedForm(e, tidyNode);
}

function tidyNode(e: Expr): Expr {
  const kids = children(e);
  const tidied = kids.map(tidy);
  const node = tidied.every((k, i) => k === kids[i]) ? e : withChildren(e, tidied);
  switch (node.kind) {
    case 'add': {
      const terms = node.terms.filter((t) => !isNum(t, 0));
      return terms.length === 0 ? zero : terms.length === 1 ? terms[0]! : terms.length === node.terms.length ? node : add(...terms);
    }
    case 'sub':
      if (isNum(node.right, 0)) return node.left;
      if (isNum(node.left, 0)) return negate(node.right);
      return node;
    case 'neg': return node.arg.kind === 'neg' || (node.arg.kind === 'num' && node.arg.value.num <= 0n) ? negate(node.arg) : node;
    case 'mul': {
      if (node.factors.some((f) => isNum(f, 0))) return zero;
      const sign = node.factors.filter((f) => isNum(f, -1) || f.kind === 'neg').length % 2 === 1;
      const factors = node.factors.map((f) => (f.kind === 'neg' ? f.arg : f)).filter((f) => !isNum(f, 1) && !isNum(f, -1));
      const body = factors.length === 0 ? one : factors.length === 1 ? factors[0]! : mul(...factors);
      if (!sign && factors.length === node.factors.length && factors.every((f, i) => f === node.factors[i])) return node;
      return sign ? negate(body) : body;
    }
    case 'div': return isNum(node.den, 1) ? node.num : node;
    case 'pow':
      if (isNum(node.exp, 1)) return node.base;
      if (isNum(node.exp, 0)) return one;
      return node;
    default: return node;
  }
}

/** −u, folded: −(−u) = u, −0 = 0, −(−n) = n; otherwise written −u. */
function negate(e: Expr): Expr {
  if (e.kind === 'neg') return e.arg;
  if (e.kind === 'num' && e.value.num <= 0n) return num(-e.value.num, e.value.den);
  return neg(e);
}

export default defineRewrite({
  id: 'collect',
  title: 'Collect',
  law: '0 + u = u,\\ 1\\cdot u = u,\\ u\\cdot(-1) = -u,\\ 0 - u = -u',
  apply: (e) => {
    const tidied = tidy(e);
    return tidied === e ? undefined : tidied;
  },
});
