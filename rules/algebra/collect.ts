import type { Expr } from '../../src/expr/expr.js';
import { add, children, isNum, mul, neg, nodes, num, one, withChildren, zero } from '../../src/expr/expr.js';
import { collectedForm, isCollected } from '../../src/expr/shape.js';
import { defineRewrite, type Note } from '../../src/engine/rule.js';

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

/** The moves `tidy` makes in `e`, named as on the main chain, in that order. */
function movesIn(e: Expr): string[] {
  const seen = new Set<string>();
  for (const n of nodes(e)) {
    if ((n.kind === 'add' && n.terms.some((t) => isNum(t, 0))) || (n.kind === 'sub' && (isNum(n.left, 0) || isNum(n.right, 0))) || (n.kind === 'mul' && n.factors.some((f) => isNum(f, 0)))) seen.add(ZERO_TERMS);
    if ((n.kind === 'mul' && n.factors.some((f) => isNum(f, 1))) || (n.kind === 'div' && isNum(n.den, 1)) || (n.kind === 'pow' && (isNum(n.exp, 1) || isNum(n.exp, 0)))) seen.add(ONES);
    if ((n.kind === 'neg' && (n.arg.kind === 'neg' || (n.arg.kind === 'num' && n.arg.value.num <= 0n))) || (n.kind === 'mul' && n.factors.some((f) => isNum(f, -1) || f.kind === 'neg'))) seen.add(SIGNS);
  }
  return [ZERO_TERMS, ONES, SIGNS].filter((m) => seen.has(m));
}

const ZERO_TERMS = 'drop the zero terms';
const ONES = 'drop the factors 1';
const SIGNS = 'simplify the signs';

export default defineRewrite({
  id: 'collect',
  title: 'Collect',
  law: '0 + u = u,\\ 1\\cdot u = u,\\ u\\cdot(-1) = -u,\\ 0 - u = -u',
  apply: (e) => {
    const tidied = tidy(e);
    return tidied === e ? undefined : tidied;
  },
  // Says which of the main chain's named moves the one collect step of a sub-derivation made.
  note: (e) => {
    const [first, ...rest] = movesIn(e).map((text): Note => ({ text, values: {} }));
    return first === undefined ? undefined : rest.length === 0 ? first : { ...first, also: rest };
  },
});
