import type { Expr } from '../../src/expr/expr.js';
import { div, equals, fn, isNum, num, pow } from '../../src/expr/expr.js';
import { indexedName } from '../../src/expr/indexed.js';
import { hasSeveralTerms, productOf, sumOf, termsOf, type Term } from '../../src/engine/algebra.js';
import { defineRewrite } from '../../src/engine/rule.js';

const factorsOf = (e: Expr): readonly Expr[] => (e.kind === 'mul' ? e.factors : [e]);

/** The base z of sum(exp(z_j), j), the normaliser of a softmax over z. */
function normaliser(e: Expr): string | undefined {
  if (e.kind !== 'fn' || e.name !== 'sum' || e.args[1]?.kind !== 'sym') return undefined;
  const [body, index] = e.args as [Expr, Extract<Expr, { kind: 'sym' }>];
  if (body.kind !== 'fn' || body.name !== 'exp' || body.args[0]?.kind !== 'sym') return undefined;
  const z = indexedName(body.args[0].name);
  return z !== undefined && z.indices.length === 1 && z.indices[0] === index.name ? z.base : undefined;
}

/** One e^{z_m} over one power of Σ_j e^{z_j} in a quotient: its place in the numerator and the denominator. */
function site(e: Expr): { top: readonly Expr[]; at: number; bottom: readonly Expr[]; power: number; exponent: number } | undefined {
  if (e.kind !== 'div') return undefined;
  const top = factorsOf(e.num);
  const bottom = factorsOf(e.den);
  for (let power = 0; power < bottom.length; power++) {
    const f = bottom[power]!;
    const base = normaliser(f.kind === 'pow' ? f.base : f);
    const exponent = f.kind === 'pow' ? (isNum(f.exp) && f.exp.value.den === 1n ? Number(f.exp.value.num) : 0) : 1;
    if (base === undefined || exponent < 1) continue;
    const at = top.findIndex((t) => t.kind === 'fn' && t.name === 'exp' && t.args[0]?.kind === 'sym' && indexedName(t.args[0].name)?.base === base && indexedName(t.args[0].name)?.indices.length === 1);
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

// e^{z_m} / Σ_j e^{z_j} is softmax(z_m): the quotient rule's result for a softmax is written back
// in softmax, as σ's is in σ, one factor at a time (e^{z_i} e^{z_k} / S² is softmax(z_i) e^{z_k} / S).
export default defineRewrite({
  id: 'softmax-fold',
  title: 'Write the quotient as a softmax',
  law: '\\frac{e^{z_m}}{\\sum_{j} e^{z_j}} = \\operatorname{softmax}(z_m)',
  on: ['div'],
  apply: (e) => {
    // A sum over Σ_j e^{z_j} whose every term holds an e^{z_m} or Σ_j e^{z_j} itself: split, each
    // term folded or cancelled ((t_k·S − e^{z_k})/S is t_k − softmax(z_k)).
    if (e.kind === 'div' && hasSeveralTerms(e.num) && normaliser(e.den.kind === 'pow' ? e.den.base : e.den) !== undefined) {
      const split: Term[] = [];
      for (const t of termsOf(e.num)) {
        const factors = factorsOf(t.expr);
        const cancels = factors.findIndex((f) => equals(f, e.den));
        const folded = cancels >= 0 ? productOf(factors.filter((_, i) => i !== cancels)) : foldOnce(div(t.expr, e.den));
        if (folded === undefined) return undefined;
        split.push({ negative: t.negative, expr: folded });
      }
      return sumOf(split);
    }
    return foldOnce(e);
  },
});
