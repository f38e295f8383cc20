// An expression as a sum of terms that are either free of an unknown u or hold it once as a factor
// (c·u): the form implicit differentiation solves for dy/dx in, since a derivative is linear in it.

import type { Expr } from '../expr/expr.js';
import { div, equals, findPath, mul, neg, one } from '../expr/expr.js';
import { productOf, termsOf, type Term } from './algebra.js';

/** Whether `u` occurs in `e`. */
export const holds = (e: Expr, u: Expr): boolean => findPath(e, (node) => equals(node, u)) !== undefined;

/**
 * The signed terms of `e`, products and quotients over a sum that holds `u` multiplied out, so that
 * each term is free of u or holds it once as a factor; undefined where u is not such a factor (in a
 * call, a power or a denominator, or twice in one product).
 */
export function linearTerms(e: Expr, u: Expr): Term[] | undefined {
  const out: Term[] = [];
  for (const term of termsOf(e)) {
    const parts = linearTerm(term.expr, u);
    if (parts === undefined) return undefined;
    for (const part of parts) out.push({ negative: term.negative !== part.negative, expr: part.expr });
  }
  return out;
}

function linearTerm(e: Expr, u: Expr): Term[] | undefined {
  if (equals(e, u) || !holds(e, u)) return [{ negative: false, expr: e }];
  switch (e.kind) {
    case 'add': case 'sub': case 'neg': return linearTerms(e, u);
    case 'mul': {
      const at = e.factors.findIndex((f) => holds(f, u));
      if (e.factors.some((f, i) => i !== at && holds(f, u))) return undefined;
      const inner = linearTerms(e.factors[at]!, u);
      // A factor that is one term already leaves the product as written: (2y)·y' stays, it is not multiplied out.
      if (inner?.length === 1 && !inner[0]!.negative && equals(inner[0]!.expr, e.factors[at]!)) return [{ negative: false, expr: e }];
      const before = e.factors.slice(0, at);
      const after = e.factors.slice(at + 1);
      return inner?.map((t) => ({ negative: t.negative, expr: productOf([...before, t.expr, ...after]) }));
    }
    case 'div':
      if (holds(e.den, u)) return undefined;
      if (termsOf(e.num).length === 1 && linearTerm(e.num, u)?.length === 1) return [{ negative: false, expr: e }];
      return linearTerms(e.num, u)?.map((t) => ({ negative: t.negative, expr: div(t.expr, e.den) }));
    default: return undefined;
  }
}

/** The coefficient of `u` in a term that holds it once as a factor (as linearTerms leaves them): 3·y²·u is 3·y². */
export function coefficientOf(term: Expr, u: Expr): Expr {
  if (equals(term, u)) return one;
  switch (term.kind) {
    case 'neg': return neg(coefficientOf(term.arg, u));
    case 'div': return div(coefficientOf(term.num, u), term.den);
    case 'mul': {
      const at = term.factors.findIndex((f) => holds(f, u));
      const inner = coefficientOf(term.factors[at]!, u);
      const rest = term.factors.filter((_, i) => i !== at);
      return productOf(equals(inner, one) ? rest : [...rest.slice(0, at), inner, ...rest.slice(at)]);
    }
    default: throw new Error('not a term linear in the unknown');
  }
}

/** c·u with the coefficient first, as a teacher writes (3y² − 6x)·dy/dx. */
export const timesUnknown = (c: Expr, u: Expr): Expr => (equals(c, one) ? u : mul(c, u));
