// The engine layer (src/engine/), above the input layer: Rule (rule.ts), this rewriter, the
// simplifier and the algebra views its rules share, Step and Derivation with their text, LaTeX and
// JSON forms and the words they explain themselves in, the work limits, and numeric evaluation. It
// imports src/expr/ and src/parse/ only, and names no rule: the rule lists are rules/'s, and
// src/index.ts hands them to the engine.
//
// The rewriter: starting from an inert derivative, it repeatedly rewrites the first d(...) left in
// the expression with the first rule that fires, recording the whole expression after every step.
// It stops when no d(...) is left, or with a StepdiffError; it never returns a partial result.

import { StepdiffError } from '../expr/errors.js';
import type { Expr, Kind, Path } from '../expr/expr.js';
import { at, childAt, childCount, d, findPath, replaceAt, replaceMany, substitute, sym } from '../expr/expr.js';
import { hasDerivative } from '../expr/shape.js';
import type { LatexOptions } from '../expr/latex.js';
import { isDependentDerivative, mergeLazy, notesAt, type LazyNote, type RewriteRule, type Rule, type RuleContext } from './rule.js';
import { checkBudget, type Budget } from './limits.js';
import { Step } from './derivation.js';
import { toText } from '../expr/text.js';

/** The engine's own step: putting the derivatives of the parts back into the template. */
export const SUBSTITUTE_PARTS = Object.freeze({ id: 'substitute-parts', title: 'Substitute the derivatives of the parts', law: '' });

/** Differentiation rules by the kind of body they fire on, each kind's in their order. */
export type RuleIndex = ReadonlyMap<Kind, readonly Rule[]>;

/** `rules` indexed by the kinds in their `on`: built once for a rule list, not once per derivation. */
export function indexRules(rules: readonly Rule[]): RuleIndex {
  const rulesFor = new Map<Kind, Rule[]>();
  for (const rule of rules) {
    for (const kind of rule.on) {
      const list = rulesFor.get(kind);
      if (list === undefined) rulesFor.set(kind, [rule]);
      else list.push(rule);
    }
  }
  return rulesFor;
}

/** Settings for one run of the rewriter. */
export interface RewriteSettings {
  /** The differentiation rules, indexed (see indexRules). */
  readonly rules: RuleIndex;
  /** Tidies the result of each sub-derivation (the textbook's "collect"), shown as its own step. */
  readonly collect?: RewriteRule;
  readonly context: Omit<RuleContext, 'wrt'>;
  readonly budget: Budget;
  readonly latex: LatexOptions;
  /** Simplifies a defined function's derivative so it can be folded back (σ' = σ(1 − σ)). */
  readonly simplify?: (e: Expr) => Rewritten;
  /**
   * Defined functions' derivatives already found (by an earlier part: σ' in the first derivative,
   * recalled in the second), and where this run records the ones it finds.
   */
  readonly known?: KnownDerivatives;
}

/** f → f'(param), for defined functions whose derivative has been found. */
export type KnownDerivatives = Map<string, { readonly param: string; readonly result: Expr }>;

/** The engine's step for reusing a defined function's derivative derived earlier. */
export const RECALL = Object.freeze({ id: 'recall', title: 'Use the derivative found above', law: '' });

/** Shared by every sub-derivation of one derivation. */
interface State {
  steps: number;
  /** The rules for each kind of body, in their order: the ones whose `on` names that kind. */
  readonly rulesFor: RuleIndex;
  /** f → f'(param) for defined functions already differentiated. */
  readonly derivatives: KnownDerivatives;
  /** Whether a node is a derivative still to be worked out. */
  readonly isOpen: (e: Expr) => boolean;
}

/** The steps taken and the expression they end on. */
export interface Rewritten {
  readonly steps: readonly Step[];
  readonly result: Expr;
}

/** The test for a derivative still to be worked out: open, and not dy/dx of the dependent variable, which stays. */
const openTest = (dependent: string | undefined): ((e: Expr) => boolean) =>
  dependent === undefined ? (e) => e.kind === 'd' && e.at === undefined : (e) => e.kind === 'd' && e.at === undefined && !isDependentDerivative(e, dependent);
const isEvaluatedDerivative = (e: Expr): boolean => e.kind === 'd' && e.at !== undefined;

/** Rewrites every inert derivative in `start` away. */
export function rewriteDerivatives(start: Expr, settings: RewriteSettings): Rewritten {
  return run(start, settings, { steps: 0, rulesFor: settings.rules, derivatives: settings.known ?? new Map(), isOpen: openTest(settings.context.dependent) });
}

/**
 * The context of one derivative, built as one literal of a fixed layout. A spread of the settings'
 * context kept giving V8 new hidden classes (about three per derivation), so the rules reading it
 * (ctx.wrt in isConstant, asked of node after node) kept missing their inline caches.
 */
const contextFor = (c: RewriteSettings['context'], wrt: string): RuleContext => ({ method: c.method, definitions: c.definitions, inside: c.inside, dependent: c.dependent, wrt });

/** The first rule, in order, that differentiates `body` (the index narrows the candidates to those for its kind). */
export function ruleFor(body: Expr, ctx: RuleContext, rules: RuleIndex): Rule | undefined {
  const candidates = rules.get(body.kind);
  if (candidates === undefined) return undefined;
  // Each candidate fires on this kind of body (that is how the index was built): only its guard is asked.
  for (let i = 0; i < candidates.length; i++) if (candidates[i]!.when(body as never, ctx)) return candidates[i];
  return undefined;
}

function run(start: Expr, settings: RewriteSettings, state: State): Rewritten {
  const steps: Step[] = [];
  let current = start;
  for (;;) {
    const path = findDerivative(current, state.isOpen);
    if (path === undefined) return { steps, result: current };
    // Counts the step and bounds its size and time; what it prints is counted as each step is kept.
    checkBudget(settings.budget, current, ++state.steps, false);
    const derivative = at(current, path) as Extract<Expr, { kind: 'd' }>;
    const ctx = contextFor(settings.context, derivative.wrt);
    const rule = ruleFor(derivative.body, ctx, state.rulesFor);
    if (rule === undefined) {
      throw new StepdiffError('no-rule', `No rule differentiates ${toText(derivative.body)}.`);
    }
    const template = rule.to(derivative.body as never, ctx);
    const note = noteOf(rule, derivative, ctx);
    if (!rule.nests) {
      // An in-place rule fires, in one step, at every open derivative it is the rule for: the power
      // rule on each term of a polynomial is one step, as a textbook writes it.
      const replacements: Array<readonly [Path, Expr]> = [[path, template]];
      const notes = note === undefined ? [] : [note];
      for (const other of openDerivatives(current, state.isOpen).slice(1)) {
        const another = at(current, other) as Extract<Expr, { kind: 'd' }>;
        const otherCtx = contextFor(settings.context, another.wrt);
        if (ruleFor(another.body, otherCtx, state.rulesFor) !== rule) continue;
        replacements.push([other, rule.to(another.body as never, otherCtx)]);
        const otherNote = noteOf(rule, another, otherCtx);
        if (otherNote !== undefined) notes.push(otherNote);
      }
      const after = replaceMany(current, replacements);
      steps.push(kept(new Step(rule, current, after, path, [], mergeLazy(notes), settings.latex), settings, state));
      current = after;
      continue;
    }
    const { shown, resolved, substeps } = deriveParts(template, settings, state);
    const after = replaceAt(current, path, shown);
    steps.push(kept(new Step(rule, current, after, path, substeps, note, settings.latex), settings, state));
    current = after;
    if (resolved !== shown) {
      const substituted = replaceAt(current, path, resolved);
      steps.push(kept(new Step(SUBSTITUTE_PARTS, current, substituted, path, [], undefined, settings.latex), settings, state));
      current = substituted;
    }
  }
}

/** `step`, once its expression is counted toward what printing the derivation costs. */
function kept(step: Step, settings: RewriteSettings, state: State): Step {
  checkBudget(settings.budget, step.after, state.steps);
  return step;
}

/** A sub-derivation: the rewrite of one part's derivative, then its collect step if that changes anything. */
function runPart(start: Expr, settings: RewriteSettings, state: State): Rewritten {
  const part = run(start, settings, state);
  const collected = settings.collect?.apply(part.result, settings.context);
  if (collected === undefined || settings.collect === undefined) return part;
  const note = notesAt(settings.collect, [part.result], settings.context);
  const step = kept(new Step(settings.collect, part.result, collected, [], [], note, settings.latex), settings, state);
  return { steps: [...part.steps, step], result: collected };
}

/** The rule's note on one derivative, worked out when read; every note may name the variable as {x}. */
function noteOf(rule: Rule, derivative: Extract<Expr, { kind: 'd' }>, ctx: RuleContext): LazyNote | undefined {
  const explain = rule.note;
  if (explain === undefined) return undefined;
  return () => {
    const raw = explain(derivative.body as never, ctx);
    return { ...raw, values: { x: sym(derivative.wrt), ...raw.values } };
  };
}

/** The path of the first derivative (pre-order) that passes `test`; finished subtrees are skipped. */
const findDerivative = (e: Expr, test: (node: Expr) => boolean): Path | undefined => findPath(e, test, hasDerivative);

/** The paths of the open derivatives in `e`, in reading order (they never contain one another). */
function openDerivatives(e: Expr, isOpen: (e: Expr) => boolean): Path[] {
  const found: Path[] = [];
  const path: number[] = [];
  const visit = (node: Expr): void => {
    if (!hasDerivative(node)) return;
    if (isOpen(node)) {
      found.push([...path]);
      return;
    }
    for (let i = 0, n = childCount(node); i < n; i++) {
      path.push(i);
      visit(childAt(node, i));
      path.pop();
    }
  };
  visit(e);
  return found;
}

/**
 * The derivative of the outer function f(y) with respect to y. A defined function's derivative is
 * derived from its definition once, simplified so it can be folded back into f, and recalled later.
 */
function outerDerivative(body: Expr, y: string, settings: RewriteSettings, state: State): Rewritten {
  const defined = body.kind === 'fn' && settings.context.definitions.has(body.name) ? body.name : undefined;
  if (defined === undefined) return runPart(d(body, y), settings, state);
  const known = state.derivatives.get(defined);
  if (known !== undefined) {
    const result = substitute(known.result, new Map([[known.param, sym(y)]]));
    return { steps: [kept(new Step(RECALL, d(body, y), result, [], [], undefined, settings.latex), settings, state)], result };
  }
  const inside = new Set([...settings.context.inside, defined]);
  const part = runPart(d(body, y), { ...settings, context: { method: settings.context.method, definitions: settings.context.definitions, inside, dependent: settings.context.dependent } }, state);
  const simplified = settings.simplify?.(part.result) ?? { steps: [], result: part.result };
  state.derivatives.set(defined, { param: y, result: simplified.result });
  return { steps: [...part.steps, ...simplified.steps], result: simplified.result };
}

/**
 * Derives the placeholders of a nesting rule's template as sub-derivations. Evaluated derivatives
 * (the chain rule's outer f'(u) at u = g) are resolved before the step is shown, as a textbook
 * writes f'(g)·g' at once; the open ones are resolved by the substitute step that follows.
 */
function deriveParts(
  template: Expr,
  settings: RewriteSettings,
  state: State,
): { shown: Expr; resolved: Expr; substeps: Step[] } {
  const substeps: Step[] = [];
  let shown = template;
  for (let path = findDerivative(shown, isEvaluatedDerivative); path !== undefined; path = findDerivative(shown, isEvaluatedDerivative)) {
    const placeholder = at(shown, path) as Extract<Expr, { kind: 'd' }>;
    const part = outerDerivative(placeholder.body, placeholder.wrt, settings, state);
    substeps.push(...part.steps);
    shown = replaceAt(shown, path, substitute(part.result, new Map([[placeholder.wrt, placeholder.at!]])));
  }
  let resolved = shown;
  for (let path = findDerivative(resolved, state.isOpen); path !== undefined; path = findDerivative(resolved, state.isOpen)) {
    const part = runPart(at(resolved, path), settings, state);
    substeps.push(...part.steps);
    resolved = replaceAt(resolved, path, part.result);
  }
  return { shown, resolved, substeps };
}
