import type { Expr, ExprOf } from '../../src/expr/expr.js';
import { div, equals, isNum, mul, neg, num, one } from '../../src/expr/expr.js';
import { sumOf, termsOf } from '../../src/engine/algebra.js';
import { isSignFree } from '../../src/expr/shape.js';
import { defineRewrite } from '../../src/engine/rule.js';

/** Strips the signs of a product or quotient: (−a)·b/(−c) is a·b/c, positive. */
function unsign(e: Expr): { negative: boolean; body: Expr } {
  switch (e.kind) {
    case 'neg': {
      const inner = unsign(e.arg);
      return { negative: !inner.negative, body: inner.body };
    }
    case 'num': return e.value.num < 0n ? { negative: true, body: num(-e.value.num, e.value.den) } : { negative: false, body: e };
    case 'mul': {
      let negative = false;
      const factors: Expr[] = [];
      for (let i = 0; i < e.factors.length; i++) {
        const s = unsign(e.factors[i]!);
        negative = negative !== s.negative;
        // A −1 factor leaves only its sign; a 1 the user wrote stays for drop-one to remove.
        if (!(s.negative && isNum(s.body, 1))) factors.push(s.body);
      }
      return { negative, body: factors.length === 0 ? one : factors.length === 1 ? factors[0]! : mul(...factors) };
    }
    case 'div': {
      const top = unsign(e.num);
      const bottom = unsign(e.den);
      return { negative: top.negative !== bottom.negative, body: div(top.body, bottom.body) };
    }
    default: return { negative: false, body: e };
  }
}

// What follows says, without building anything, when the rule would give back the node as it is:
// it is tried at every new node of every step, and most of them have no sign to move.

// isSignFree (a fact every node's shape keeps, so asking it of every term walks no term): no
// negation, negative number or one-factor product on the product/quotient spine; unsign keeps it.
const plainTerm = (t: Expr): boolean => t.kind !== 'add' && t.kind !== 'sub' && isSignFree(t);
const negatedTerm = (t: Expr): boolean => t.kind === 'neg' && plainTerm(t.arg);

// sumOf writes a sum as runs of added terms, each later run opened by a subtraction; only the very
// first term may carry a minus of its own. These check a sum already has that form.
function settledAdd(e: ExprOf<'add'>): boolean {
  const first = e.terms[0]!;
  if (e.terms.length < 2 || !(plainTerm(first) || negatedTerm(first) || (first.kind === 'sub' && settledSub(first)))) return false;
  // Indexed: a slice per sum, asked of every new sum, was garbage.
  for (let i = 1; i < e.terms.length; i++) if (!plainTerm(e.terms[i]!)) return false;
  return true;
}

function settledSub(e: ExprOf<'sub'>): boolean {
  const left = e.left;
  return plainTerm(e.right) && (plainTerm(left) || negatedTerm(left) || (left.kind === 'add' && settledAdd(left)) || (left.kind === 'sub' && settledSub(left)));
}

/** Whether the rule leaves `e` as it is (checked without building the rewritten form). */
export function signsSettled(e: Expr): boolean {
  switch (e.kind) {
    case 'add': return settledAdd(e);
    case 'sub': return settledSub(e);
    case 'neg': return e.arg.kind !== 'add' && e.arg.kind !== 'sub' && isSignFree(e.arg);
    case 'mul': case 'div': return isSignFree(e);
    default: return true;
  }
}

/** The node with its signs moved out (−(−u) = u, a·(−b) = −ab, …), or undefined if that changes nothing. */
export function moveSigns(e: Expr): Expr | undefined {
  let out: Expr;
  if (e.kind === 'add' || e.kind === 'sub' || (e.kind === 'neg' && (e.arg.kind === 'add' || e.arg.kind === 'sub'))) {
    out = sumOf(termsOf(e).map((t) => {
      const s = unsign(t.expr);
      return { negative: t.negative !== s.negative, expr: s.body };
    }));
  } else if (e.kind === 'neg' || e.kind === 'mul' || e.kind === 'div') {
    const s = unsign(e);
    out = s.negative ? neg(s.body) : s.body;
  } else return undefined;
  return equals(out, e) ? undefined : out;
}

export default defineRewrite({
  id: 'signs',
  title: 'Simplify the signs',
  law: '-(-u) = u,\\quad a\\cdot(-b) = -ab,\\quad a - (-b) = a + b,\\quad -(a + b) = -a - b',
  on: ['add', 'sub', 'neg', 'mul', 'div'],
  apply: (e) => (signsSettled(e) ? undefined : moveSigns(e)),
});
