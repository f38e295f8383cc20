import type { Expr } from '../../src/expr/expr.js';
import { div, fn } from '../../src/expr/expr.js';
import { holdsIndex } from '../../src/expr/indexed.js';
import { factorsOf, productOf } from '../../src/engine/algebra.js';
import { defineRewrite } from '../../src/engine/rule.js';

// What does not change with the index is the same in every term: it comes out of the sum.
export default defineRewrite({
  id: 'sum-factor',
  title: 'Take the constant factors out of the sum',
  law: '\\sum_{j} c\\,a_j = c \\sum_{j} a_j',
  on: ['fn'],
  usable: (ctx) => ctx.holds?.sums ?? true,
  apply: (e) => {
    if (e.kind !== 'fn' || e.name !== 'sum' || e.args.length !== 2 || e.args[1]!.kind !== 'sym') return undefined;
    const [body, index] = e.args as [Expr, Extract<Expr, { kind: 'sym' }>];
    const j = index.name;
    const top = factorsOf(body.kind === 'div' ? body.num : body);
    const out = top.filter((f) => !holdsIndex(f, j));
    const denominator = body.kind === 'div' && !holdsIndex(body.den, j) ? body.den : undefined;
    const stays = top.filter((f) => holdsIndex(f, j));
    if (stays.length === 0 || (out.length === 0 && denominator === undefined)) return undefined;
    const inner = body.kind === 'div' && denominator === undefined ? div(productOf(stays), body.den) : productOf(stays);
    const taken = productOf([...out, fn('sum', [inner, index])]);
    return denominator === undefined ? taken : div(taken, denominator);
  },
});
