import type { Expr } from '../src/expr.js';
import { div, equals, isNum, mul, neg, num, one } from '../src/expr.js';
import { sumOf, termsOf } from '../src/algebra.js';
import { defineRewrite } from '../src/rule.js';

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
      for (const f of e.factors) {
        const s = unsign(f);
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

export default defineRewrite({
  id: 'signs',
  title: 'Simplify the signs',
  law: '-(-u) = u,\\quad a\\cdot(-b) = -ab,\\quad a - (-b) = a + b,\\quad -(a + b) = -a - b',
  apply: (e) => {
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
  },
});
