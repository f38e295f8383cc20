// Implicit differentiation: an equation in x and y, y a function of x. Both sides are differentiated
// by the same rules as any derivative, y's derivative staying the unknown dy/dx; each side is
// simplified; then the equation rules (rules/equation/) solve for dy/dx, and its value is simplified.
// A higher order differentiates the lower order's result, putting dy/dx back in as found.

import type { Expr, ExprOf } from '../expr/expr.js';
import { children, d, eq, equals, isNum, replaceMany, sym } from '../expr/expr.js';
import { hasDerivative } from '../expr/shape.js';
import { StepdiffError } from '../expr/errors.js';
import { toText } from '../expr/text.js';
import { Step } from './derivation.js';
import { checkBudget } from './limits.js';
import { coefficientOf, holds, linearTerms } from './linear.js';
import { sumOf, termsOf } from './algebra.js';
import { RECALL, rewriteDerivatives } from './rewrite.js';
import { lawNote, type EquationRule } from './rule.js';
import type { Differentiated, Session } from './session.js';
import { simplify } from './simplify.js';

/** The engine's step that puts dy/dx, found in the lower order, into a higher one. */
export const SUBSTITUTE_DERIVATIVE = Object.freeze({ id: 'substitute-derivative', title: 'Substitute the derivative found above', law: '' });

/** The derivation of dy/dx from `equation`, y = `dependent` a function of `wrt`; `moves` are the equation rules, differentiating both sides first. */
export function differentiateImplicitly(equation: ExprOf<'eq'>, wrt: string, dependent: string, session: Session, moves: readonly EquationRule[]): Differentiated {
  const u = d(sym(dependent), wrt) as ExprOf<'d'>;
  const steps: Step[] = [];
  let current: Expr = equation;
  const move = (rule: EquationRule): void => {
    const at = current as ExprOf<'eq'>;
    const after = rule.apply(at, u);
    if (after === undefined) return;
    checkBudget(session.budget, after, 0);
    const note = rule.note === undefined ? undefined : () => rule.note!(at, u);
    steps.push(new Step(rule, current, after, [], [], note, session.latex));
    current = after;
  };
  const [both, expand, ...solving] = moves;
  move(both!);
  const differentiated = rewriteDerivatives(current, rewriteSettings(session, dependent));
  steps.push(...differentiated.steps);
  current = differentiated.result;
  // Multiplied out first, then simplified term by term: simplified whole, a side would be factored
  // (2x + 2y·y' as 2(x + y·y')) only to be multiplied out again.
  move(expand!);
  for (const side of [0, 1] as const) current = simplifyTerms(current as ExprOf<'eq'>, side, session, steps);
  refuseUndetermined(current as ExprOf<'eq'>, u, session);
  for (const rule of solving) move(rule);
  const solved = current as ExprOf<'eq'>;
  if (!equals(solved.left, u) || holds(solved.right, u)) {
    throw new StepdiffError('no-rule', `The differentiated equation ${toText(solved)} could not be solved for derivative(${dependent}, ${wrt}): it does not hold it as a factor of its terms.`);
  }
  current = simplifySide(solved, 1, session, steps);
  return { start: equation, steps, result: (current as ExprOf<'eq'>).right, parts: [] };
}

/**
 * The next order: d/dx of `lower`'s result, dy/dx inside it replaced by `lower`'s result (y'' of the
 * circle in x and y alone), then simplified. `start` is the derivative of the lower order's start.
 */
export function differentiateAgain(start: ExprOf<'d'>, lower: Differentiated, first: Expr, dependent: string, session: Session): Differentiated {
  const wrt = start.wrt;
  const u = d(sym(dependent), wrt) as ExprOf<'d'>;
  const from = d(lower.result, wrt);
  const steps: Step[] = [new Step(RECALL, start, from, [0], [], () => ({ text: lawNote(u.body, lower.result).text, values: { x: sym(wrt), f: sym(dependent), g: lower.result } }), session.latex)];
  const differentiated = rewriteDerivatives(from, rewriteSettings(session, dependent));
  steps.push(...differentiated.steps);
  let current = differentiated.result;
  const places = pathsOf(current, u);
  if (places.length > 0) {
    const substituted = replaceMany(current, places.map((p) => [p, first] as const));
    checkBudget(session.budget, substituted, 0);
    steps.push(new Step(SUBSTITUTE_DERIVATIVE, current, substituted, places[0]!, [], () => ({ text: '{f} = {g}', values: { f: u, g: first } }), session.latex));
    current = substituted;
  }
  const simplified = session.simplify ? simplify(current, session.algebra) : { steps: [], result: current };
  return { start, steps: [...steps, ...simplified.steps], result: simplified.result, parts: [] };
}

function rewriteSettings(session: Session, dependent: string): Parameters<typeof rewriteDerivatives>[1] {
  return {
    rules: session.rules,
    collect: session.collect,
    context: { method: session.method, definitions: session.definitions, inside: new Set(), dependent },
    budget: session.budget,
    latex: session.latex,
    simplify: (e) => simplify(e, session.algebra),
    known: session.known,
  };
}

/** Refuses an equation whose terms with dy/dx cancel (x + y = y + 1): it says nothing of dy/dx, and dividing by its coefficient would divide by 0. */
function refuseUndetermined(e: ExprOf<'eq'>, u: ExprOf<'d'>, session: Session): void {
  const left = linearTerms(e.left, u);
  const right = linearTerms(e.right, u);
  if (left === undefined || right === undefined) return;
  const coefficients = [...left, ...right.map((t) => ({ negative: !t.negative, expr: t.expr }))]
    .filter((t) => holds(t.expr, u))
    .map((t) => ({ negative: t.negative, expr: coefficientOf(t.expr, u) }));
  if (coefficients.length > 0 && !isNum(simplify(sumOf(coefficients), session.algebra).result, 0)) return;
  throw new StepdiffError('invalid-equation', `Differentiated, the equation is ${toText(e)}: the terms with derivative(${u.body.kind === 'sym' ? u.body.name : ''}, ${u.wrt}) cancel, so it does not determine the derivative.`);
}

/** One side of `e` (0 the left), and the equation with another expression in its place. */
function sideOf(e: ExprOf<'eq'>, side: 0 | 1): { readonly expr: Expr; readonly place: (s: Expr) => Expr } {
  return side === 0 ? { expr: e.left, place: (s) => eq(s, e.right) } : { expr: e.right, place: (s) => eq(e.left, s) };
}

/** `e` with one side simplified, each of the simplifier's steps shown on the whole equation. */
function simplifySide(e: ExprOf<'eq'>, side: 0 | 1, session: Session, steps: Step[]): Expr {
  const { expr, place } = sideOf(e, side);
  const simplified = session.simplify ? simplify(expr, session.algebra) : { steps: [], result: expr };
  for (const step of simplified.steps) steps.push(step.within(place, [side]));
  return place(simplified.result);
}

/** `e` with each term of one side simplified on its own (the side is a sum of its terms, as expand-unknown leaves it). */
function simplifyTerms(e: ExprOf<'eq'>, side: 0 | 1, session: Session, steps: Step[]): Expr {
  const { expr, place } = sideOf(e, side);
  const terms = termsOf(expr);
  if (!equals(sumOf(terms), expr)) return simplifySide(e, side, session, steps);
  if (!session.simplify) return e;
  terms.forEach((term, i) => {
    const simplified = simplify(term.expr, session.algebra);
    const within = (s: Expr): Expr => place(sumOf(terms.map((t, j) => (j === i ? { negative: t.negative, expr: s } : t))));
    for (const step of simplified.steps) steps.push(step.within(within, [side]));
    terms[i] = { negative: term.negative, expr: simplified.result };
  });
  return place(sumOf(terms));
}

/** The paths of the nodes equal to `u` in `e`. */
function pathsOf(e: Expr, u: Expr): number[][] {
  const found: number[][] = [];
  const visit = (node: Expr, path: number[]): void => {
    if (equals(node, u)) found.push(path);
    else if (hasDerivative(node)) children(node).forEach((k, i) => visit(k, [...path, i]));
  };
  visit(e, []);
  return found;
}
