import type { Expr } from '../../src/expr/expr.js';
import { equals, one, sym, withChildren } from '../../src/expr/expr.js';
import { renameIndex } from '../../src/expr/indexed.js';
import { factorsOf, productOf } from '../../src/engine/algebra.js';
import { defineRewrite } from '../../src/engine/rule.js';

/** The δ(j, k) or δ(k, j) among the factors, k another index, and what it sets j to. */
function delta(factors: readonly Expr[], j: string): { at: number; k: string } | undefined {
  for (let at = 0; at < factors.length; at++) {
    const f = factors[at]!;
    if (f.kind !== 'fn' || f.name !== 'δ') continue;
    const [a, b] = f.args as [Expr, Expr];
    if (a.kind !== 'sym' || b.kind !== 'sym') continue;
    if (a.name === j && b.name !== j) return { at, k: b.name };
    if (b.name === j && a.name !== j) return { at, k: a.name };
  }
  return undefined;
}

// δ(j, k) is 0 in every term of the sum but the one where j = k: the sum is that term.
export default defineRewrite({
  id: 'kronecker-sum',
  title: 'Collapse the sum by the Kronecker delta',
  law: '\\sum_{j} \\delta_{jk}\\,f_j = f_k',
  on: ['fn'],
  usable: (ctx) => ctx.holds?.sums ?? true,
  apply: (e) => {
    if (e.kind !== 'fn' || e.name !== 'sum' || e.args.length !== 2 || e.args[1]!.kind !== 'sym') return undefined;
    const body = e.args[0]!;
    const j = (e.args[1] as Extract<Expr, { kind: 'sym' }>).name;
    const top = body.kind === 'div' ? body.num : body;
    const factors = factorsOf(top);
    const found = delta(factors, j);
    if (found === undefined) return undefined;
    const rest = productOf(factors.filter((_, i) => i !== found.at));
    const kept = body.kind === 'div' ? withChildren(body, [rest, body.den]) : rest;
    const collapsed = renameIndex(kept, j, found.k, { sym, withChildren });
    return equals(collapsed, body) && equals(collapsed, one) ? one : collapsed;
  },
  note: (e) => {
    if (e.kind !== 'fn' || e.args[1]?.kind !== 'sym') return undefined;
    const j = e.args[1].name;
    const found = delta(factorsOf(e.args[0]!.kind === 'div' ? (e.args[0] as Extract<Expr, { kind: 'div' }>).num : e.args[0]!), j);
    return found === undefined ? undefined : { text: 'only the term {j} = {k} is left', values: { j: sym(j), k: sym(found.k) } };
  },
});
