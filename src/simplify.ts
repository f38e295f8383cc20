// The simplifier: drives algebraic rules over a whole expression and records one Step per rule
// application (a rule fires at every outermost node it applies to, in one step). Normalising rules
// run to a fixpoint; strategies (short sequences of rules) are kept only when they make the
// expression smaller, or, for goals, when they end by substituting a definition back. It never
// returns a step whose expression differs in value from the one before.

import { checkBudget, type Budget } from './limits.js';
import type { Expr, Kind, Path } from './expr.js';
import { at, children, equals, nodes, replaceAt, withChildren } from './expr.js';
import { cost } from './algebra.js';
import type { LatexOptions } from './latex.js';
import { mergeNotes, type AlgebraContext, type Note, type RewriteRule } from './rule.js';
import { Step } from './derivation.js';

/** A sequence of rules tried together at one node. */
export interface Strategy {
  readonly id: string;
  /** The rules in order; an optional one is skipped where it does not apply. */
  readonly sequence: ReadonlyArray<{ readonly rule: RewriteRule; readonly optional?: boolean }>;
  /** Where the first rule fires: at the node the strategy is tried on (default), or anywhere inside it. */
  readonly start?: 'root' | 'inside';
  /** The kinds of node the strategy is tried on (all when absent). */
  readonly on?: readonly Kind[];
  /** Keep the result when it is smaller, or when it substituted a definition back. */
  readonly accept: 'smaller' | 'substituted';
}

/** The largest subtree (by cost) on which strategies are tried. */
export const MAX_STRATEGY_COST = 400;

/** The rules and strategies one simplification uses. */
export interface SimplifySettings {
  readonly normalise: readonly RewriteRule[];
  readonly strategies: readonly Strategy[];
  /** Tried only when there are definitions to fold the result into. */
  readonly goals: readonly Strategy[];
  readonly context: AlgebraContext;
  readonly budget: Budget;
  readonly latex: LatexOptions;
}

/** The steps taken and the expression they end on. */
export interface Simplified {
  readonly steps: readonly Step[];
  readonly result: Expr;
}

/**
 * `e` with `rule` applied at every outermost node where it fires, or undefined when it fires nowhere.
 * `clean` holds subtrees already known to have no node the rule fires on; rules look only at the
 * node they are given, and subtrees are shared between steps, so after a rewrite only the new
 * nodes on the changed path are looked at again.
 */
export function applyEverywhere(
  e: Expr,
  rule: RewriteRule,
  ctx: AlgebraContext,
  clean?: WeakSet<Expr>,
): { after: Expr; path: Path; note?: Note } | undefined {
  let first: Path | undefined;
  const notes: Note[] = [];
  // One path stack for the whole walk; copied only where the rule fires first.
  const path: number[] = [];
  const visit = (node: Expr): Expr => {
    if (clean?.has(node)) return node;
    const out = rule.apply(node, ctx);
    if (out !== undefined && !equals(out, node)) {
      first ??= [...path];
      const note = rule.note?.(node, ctx);
      if (note !== undefined) notes.push(note);
      return out;
    }
    const kids = children(node);
    let changed = false;
    const next = kids.map((k, i) => {
      path.push(i);
      const v = visit(k);
      path.pop();
      changed ||= v !== k;
      return v;
    });
    if (!changed) clean?.add(node);
    return changed ? withChildren(node, next) : node;
  };
  const after = visit(e);
  if (first === undefined) return undefined;
  const note = mergeNotes(notes);
  return note === undefined ? { after, path: first } : { after, path: first, note };
}

class Run {
  readonly steps: Step[] = [];
  /** Per rule, the subtrees it is known not to fire anywhere in. */
  private readonly clean = new Map<RewriteRule, WeakSet<Expr>>();
  /** Per strategy, the nodes it is known to fail on. */
  private readonly failed = new Map<Strategy, WeakSet<Expr>>();

  /** `trial` runs belong to a strategy being tried: their steps are kept only if it succeeds. */
  constructor(
    private readonly settings: SimplifySettings,
    private readonly trial = false,
  ) {}

  private record(rule: RewriteRule, before: Expr, after: Expr, path: Path, note: Note | undefined): void {
    checkBudget(this.settings.budget, after, this.steps.length + 1, !this.trial);
    this.steps.push(new Step(rule, before, after, path, [], note, this.settings.latex));
  }

  /** Applies the normalising rules, first rule first, until none fires. */
  normalise(start: Expr): Expr {
    let current = start;
    for (let progressed = true; progressed; ) {
      progressed = false;
      for (const rule of this.settings.normalise) {
        let clean = this.clean.get(rule);
        if (clean === undefined) this.clean.set(rule, (clean = new WeakSet()));
        const r = applyEverywhere(current, rule, this.settings.context, clean);
        if (r === undefined) continue;
        this.record(rule, current, r.after, r.path, r.note);
        current = r.after;
        progressed = true;
        break;
      }
    }
    return current;
  }

  /** Tries `strategy` at the node at `path`; returns the new whole expression and its steps, or undefined. */
  private attempt(whole: Expr, path: Path, strategy: Strategy): { after: Expr; steps: Step[] } | undefined {
    // Most strategies do not even start at most nodes, so the trial run is set up only once they do.
    let trial: Run | undefined;
    let focus = at(whole, path);
    const start = focus;
    let substituted = false;
    let started = false;
    for (const { rule, optional } of strategy.sequence) {
      // The first rule that applies must fire at the node itself (an optional one skipped does not
      // count); later ones anywhere inside it.
      const r = !started && strategy.start !== 'inside' ? this.applyAtRoot(focus, rule) : applyEverywhere(focus, rule, this.settings.context);
      if (r === undefined) {
        if (optional) continue;
        return undefined;
      }
      started = true;
      trial ??= new Run(this.settings, true);
      trial.record(rule, replaceAt(whole, path, focus), replaceAt(whole, path, r.after), [...path, ...r.path], r.note);
      focus = r.after;
      if (rule.id === 'substitute') substituted = true;
    }
    const accepted = strategy.accept === 'substituted' ? substituted : cost(focus) < cost(start);
    return accepted && trial !== undefined ? { after: replaceAt(whole, path, focus), steps: trial.steps } : undefined;
  }

  private applyAtRoot(focus: Expr, rule: RewriteRule): { after: Expr; path: Path; note?: Note } | undefined {
    const out = rule.apply(focus, this.settings.context);
    if (out === undefined || equals(out, focus)) return undefined;
    const note = rule.note?.(focus, this.settings.context);
    return note === undefined ? { after: out, path: [] } : { after: out, path: [], note };
  }

  /** The first strategy that succeeds at some node (outermost first), applied; undefined if none does. */
  strategise(whole: Expr, strategies: readonly Strategy[]): Expr | undefined {
    // Pre-order over the nodes, outermost first, with one path stack for the walk.
    const path: number[] = [];
    const search = (node: Expr): { after: Expr; steps: Step[] } | undefined => {
      // Strategies rewrite a subtree several times over to judge the result; on a very large subtree
      // that costs more than it can save, so they are tried on subtrees up to a bounded size.
      if (cost(node) <= MAX_STRATEGY_COST) {
        for (const strategy of strategies) {
          let failed = this.failed.get(strategy);
          if (failed === undefined) this.failed.set(strategy, (failed = new WeakSet()));
          // Whether a strategy succeeds depends only on the subtree it starts from.
          if (failed.has(node) || (strategy.on !== undefined && !strategy.on.includes(node.kind))) continue;
          const done = this.attempt(whole, [...path], strategy);
          if (done !== undefined) return done;
          failed.add(node);
        }
      }
      const kids = children(node);
      for (let i = 0; i < kids.length; i++) {
        path.push(i);
        const done = search(kids[i]!);
        path.pop();
        if (done !== undefined) return done;
      }
      return undefined;
    };
    const done = search(whole);
    if (done === undefined) return undefined;
    for (const step of done.steps) {
      checkBudget(this.settings.budget, step.after, this.steps.length + 1);
      this.steps.push(step);
    }
    return done.after;
  }
}

/** Simplifies `e` step by step; with definitions, also tries to express it in the defined functions. */
export function simplify(e: Expr, settings: SimplifySettings): Simplified {
  const run = new Run(settings);
  let current = run.normalise(e);
  const strategies = settings.context.definitions.size > 0 ? [...settings.goals, ...settings.strategies] : settings.strategies;
  for (;;) {
    const next = run.strategise(current, strategies);
    if (next === undefined) break;
    current = run.normalise(next);
  }
  return { steps: run.steps, result: current };
}

/** Whether `e` calls any of the named functions. */
export const callsAny = (e: Expr, names: ReadonlySet<string>): boolean =>
  [...nodes(e)].some((n) => n.kind === 'fn' && names.has(n.name));
