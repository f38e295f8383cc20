// One derive call's derivations, which share what they find: the derivation of an inert derivative
// found inside the input (the first derivative inside the second, derivative(x^3, x) written in the
// text) is a part of its own, derived once and recalled; a defined function's derivative found in
// one part (σ') is recalled in the next. The rule lists come with the session, from src/index.ts.

import type { Definition, Expr, ExprOf, Path } from '../expr/expr.js';
import { children, equals, replaceMany, substitute, sym } from '../expr/expr.js';
import type { HashMap } from '../expr/expr-map.js';
import type { LatexOptions } from '../expr/latex.js';
import { hasDerivative } from '../expr/shape.js';
import { Derivation, Step } from './derivation.js';
import { checkBudget, type Budget } from './limits.js';
import { nodeCount } from './algebra.js';
import { RECALL, rewriteDerivatives, type KnownDerivatives, type RuleIndex } from './rewrite.js';
import { lawNote, mergeLazy, type LazyNote, type Method, type RewriteRule } from './rule.js';
import { simplify, type SimplifySettings } from './simplify.js';

const NONE: ReadonlySet<string> = new Set();

/** What one derive call shares between the derivations of its parts. */
export interface Session {
  /** The differentiation rules, indexed, and the collect step of a sub-derivation. */
  readonly rules: RuleIndex;
  readonly collect: RewriteRule;
  readonly method: Method;
  readonly definitions: ReadonlyMap<string, Definition>;
  readonly inside: ReadonlySet<string>;
  readonly budget: Budget;
  readonly latex: LatexOptions;
  readonly algebra: SimplifySettings;
  readonly simplify: boolean;
  /** The derivations of inner derivatives, by the inert derivative: one found twice is recalled. */
  readonly found: HashMap<Expr, Derivation>;
  /** Defined functions' derivatives found so far (σ' in the first derivative, recalled in the second). */
  readonly known: KnownDerivatives;
}

/** One derivation's own steps from d/d{wrt}[expr], and the parts it starts from. */
export interface Differentiated {
  readonly start: Expr;
  readonly steps: readonly Step[];
  readonly result: Expr;
  readonly parts: readonly Derivation[];
}

/**
 * Works out the inert derivative `start`. One inside it (derivative(x^3, x) in the input, or the
 * first derivative inside the second) is derived first, as a part of its own, and its result used
 * in one recall step; then the rules run, then the simplifier.
 */
export function differentiate(start: ExprOf<'d'>, session: Session): Differentiated {
  const { body: expr, wrt } = start;
  const parts: Derivation[] = [];
  const replacements: Array<readonly [Path, Expr]> = [];
  const notes: LazyNote[] = [];
  for (const [path, inner] of innerDerivatives(expr)) {
    let part = session.found.get(inner);
    if (part === undefined) {
      const found = differentiate(inner, session);
      part = new Derivation('', inner.body, inner.wrt, found.start, found.steps, found.result, [], [], true, session.latex, found.parts);
      session.found.set(inner, part);
    }
    parts.push(part);
    replacements.push([[0, ...path], part.result]);
    const said = lawNote(inner.body, part.result);
    notes.push(() => ({ text: said.text, values: { x: sym(inner.wrt), ...said.values } }));
  }
  const recalled: Step[] = [];
  let from: Expr = start;
  if (replacements.length > 0) {
    from = replaceMany(start, replacements);
    checkBudget(session.budget, from, 0);
    recalled.push(new Step(RECALL, start, from, replacements[0]![0], [], mergeLazy(notes), session.latex));
  }
  const differentiated = rewriteDerivatives(from, {
    rules: session.rules,
    collect: session.collect,
    // Only the input's own call f(x), when the input defined f, is derived through f's body: a
    // later order meets f' as a derivative found before, and recalls it.
    context: { method: session.method, definitions: session.definitions, inside: expr.kind === 'fn' && session.inside.has(expr.name) ? session.inside : NONE },
    budget: session.budget,
    latex: session.latex,
    simplify: (e) => simplify(e, session.algebra),
    known: session.known,
  });
  const simplified = session.simplify ? simplify(differentiated.result, session.algebra) : { steps: [], result: differentiated.result };
  rememberDefined(expr, wrt, simplified.result, session);
  return { start, steps: [...recalled, ...differentiated.steps, ...simplified.steps], result: simplified.result, parts };
}

/** The open inert derivatives in `e` that no other one holds, with their paths, in reading order. */
function innerDerivatives(e: Expr): Array<readonly [Path, ExprOf<'d'>]> {
  const found: Array<readonly [Path, ExprOf<'d'>]> = [];
  const visit = (node: Expr, path: number[]): void => {
    if (!hasDerivative(node)) return;
    if (node.kind === 'd' && node.at === undefined) {
      found.push([[...path], node]);
      return;
    }
    children(node).forEach((k, i) => visit(k, [...path, i]));
  };
  visit(e, []);
  return found;
}

/**
 * Records `result` as the derivative of each defined function whose body `expr` is, at the variable
 * (the first derivative of 1/(1+exp(-x)) is σ'(x) when σ is so defined): the next order recalls it.
 */
function rememberDefined(expr: Expr, wrt: string, result: Expr, session: Session): void {
  // Putting the variable for the parameter keeps a body's size, which is counted already: only a
  // body of the expression's size is substituted and compared (16,000 definitions are not).
  const size = nodeCount(expr);
  for (const def of session.definitions.values()) {
    if (def.params.length !== 1 || session.known.has(def.name) || nodeCount(def.body) !== size) continue;
    if (equals(substitute(def.body, new Map([[def.params[0]!, sym(wrt)]])), expr)) session.known.set(def.name, { param: wrt, result });
  }
}
