import type { Expr } from '../../src/expr/expr.js';
import { div, equals, fn, isNum, num, pow, sym, withChildren } from '../../src/expr/expr.js';
import { freeIndices, renameIndex } from '../../src/expr/indexed.js';
import { factorsOf, hasSeveralTerms, productOf, sumOf, type Term, termsOf } from '../../src/engine/algebra.js';
import { defineRewrite } from '../../src/engine/rule.js';

/** Σ_j e^{u_j}, the normaliser of a softmax over u: the family u_j (as written with j) and its index j. */
function normaliser(e: Expr): { family: Expr; j: string } | undefined {
  if (e.kind !== 'fn' || e.name !== 'sum' || e.args[1]?.kind !== 'sym') return undefined;
  const [body, index] = e.args as [Expr, Extract<Expr, { kind: 'sym' }>];
  if (body.kind !== 'fn' || body.name !== 'exp' || !freeIndices(body.args[0]!).has(index.name)) return undefined;
  return { family: body.args[0]!, j: index.name };
}

/** Whether `v` is a member u_m of the family u_j, for some index m. */
const member = (v: Expr, of: { family: Expr; j: string }): boolean =>
  [...freeIndices(v)].some((m) => equals(renameIndex(of.family, of.j, m, { sym, withChildren }), v));

/** One e^{z_m} over one power of Σ_j e^{z_j} in a quotient: its place in the numerator and the denominator. */
function site(e: Expr): { top: readonly Expr[]; at: number; bottom: readonly Expr[]; power: number; exponent: number } | undefined {
  if (e.kind !== 'div') return undefined;
  const top = factorsOf(e.num);
  const bottom = factorsOf(e.den);
  for (let power = 0; power < bottom.length; power++) {
    const f = bottom[power]!;
    const of = normaliser(f.kind === 'pow' ? f.base : f);
    const exponent = f.kind === 'pow' ? (isNum(f.exp) && f.exp.value.den === 1n ? Number(f.exp.value.num) : 0) : 1;
    if (of === undefined || exponent < 1) continue;
    const at = top.findIndex((t) => t.kind === 'fn' && t.name === 'exp' && member(t.args[0]!, of));
    if (at >= 0) return { top, at, bottom, power, exponent };
  }
  return undefined;
}

/** One e^{z_m} of the numerator and one power of Σ_j e^{z_j} of the denominator made a softmax(z_m). */
function foldOnce(e: Expr): Expr | undefined {
  const found = site(e);
  if (found === undefined) return undefined;
  const { top, at, bottom, power, exponent } = found;
  const soft = fn('softmax', [(top[at] as Extract<Expr, { kind: 'fn' }>).args[0]!]);
  const numerator = productOf([...top.slice(0, at), soft, ...top.slice(at + 1)]);
  const s = bottom[power]!;
  const base = s.kind === 'pow' ? s.base : s;
  const reduced = exponent === 1 ? [] : [exponent === 2 ? base : pow(base, num(exponent - 1))];
  const rest = [...bottom.slice(0, power), ...reduced, ...bottom.slice(power + 1)];
  return rest.length === 0 ? numerator : div(numerator, productOf(rest));
}

/**
 * A sum over Σ_j e^{u_j} whose every term holds an e^{u_m} or Σ_j e^{u_j} itself, split: each term
 * folded or cancelled ((t_k·S − e^{u_k})/S is t_k − softmax(u_k)).
 */
function splitFold(sum: Expr, den: Expr): Expr | undefined {
  const split: Term[] = [];
  for (const t of termsOf(sum)) {
    const factors = factorsOf(t.expr);
    const cancels = factors.findIndex((f) => equals(f, den));
    const folded = cancels >= 0 ? productOf(factors.filter((_, i) => i !== cancels)) : foldOnce(div(t.expr, den));
    if (folded === undefined) return undefined;
    split.push({ negative: t.negative, expr: folded });
  }
  return sumOf(split);
}

// e^{z_m} / Σ_j e^{z_j} is softmax(z_m): the quotient rule's result for a softmax is written back
// in softmax, as σ's is in σ, one factor at a time (e^{z_i} e^{z_k} / S² is softmax(z_i) e^{z_k} / S).
export default defineRewrite({
  id: 'softmax-fold',
  title: 'Write the quotient as a softmax',
  law: '\\frac{e^{z_m}}{\\sum_{j} e^{z_j}} = \\operatorname{softmax}(z_m)',
  on: ['div'],
  usable: (ctx) => ctx.holds?.sums ?? true,
  apply: (e) => {
    if (e.kind !== 'div') return undefined;
    if (normaliser(e.den.kind === 'pow' ? e.den.base : e.den) !== undefined) {
      // A sum over the normaliser, alone or times other factors (x_l·(t_k·S − e^{u_k})/S).
      const factors = factorsOf(e.num);
      const several = factors.findIndex(hasSeveralTerms);
      if (several >= 0 && factors.every((f, i) => i === several || !hasSeveralTerms(f))) {
        const split = splitFold(factors[several]!, e.den);
        if (split !== undefined) return productOf([...factors.slice(0, several), split, ...factors.slice(several + 1)]);
      }
    }
    return foldOnce(e);
  },
});
