// The simplifier: drives algebraic rules over a whole expression and records one Step per rule
// application (a rule fires at every outermost node it applies to, in one step). Normalising rules
// run to a fixpoint; strategies (short sequences of rules) are kept only when they make the
// expression smaller, or, for goals, when they end by substituting a definition back. It never
// returns a step whose expression differs in value from the one before.

import { StepdiffError } from './errors.js';
import type { Expr, Path } from './expr.js';
import { at, children, key, nodes, replaceAt, withChildren } from './expr.js';
import { cost } from './algebra.js';
import type { LatexOptions } from './latex.js';
import type { AlgebraContext, Note, RewriteRule } from './rule.js';
import { Step } from './derivation.js';

/** A sequence of rules tried together at one node. */
export interface Strategy {
  readonly id: string;
  /** The rules in order; an optional one is skipped where it does not apply. */
  readonly sequence: ReadonlyArray<{ readonly rule: RewriteRule; readonly optional?: boolean }>;
  /** Where the first rule fires: at the node the strategy is tried on (default), or anywhere inside it. */
  readonly start?: 'root' | 'inside';
  /** Keep the result when it is smaller, or when it substituted a definition back. */
  readonly accept: 'smaller' | 'substituted';
}

/** The rules and strategies one simplification uses. */
export interface SimplifySettings {
  readonly normalise: readonly RewriteRule[];
  readonly strategies: readonly Strategy[];
  /** Tried only when there are definitions to fold the result into. */
  readonly goals: readonly Strategy[];
  readonly context: AlgebraContext;
  readonly maxSteps: number;
  readonly latex: LatexOptions;
}

/** The steps taken and the expression they end on. */
export interface Simplified {
  readonly steps: readonly Step[];
  readonly result: Expr;
}

/** The notes of several places as one note (duplicates dropped); each part stays translatable. */
function mergeNotes(all: readonly Note[]): Note | undefined {
  const seen = new Set<string>();
  const notes = all.filter((n) => {
    const id = `${n.text}|${Object.entries(n.values).map(([k, v]) => `${k}=${key(v)}`).join(',')}`;
    return seen.has(id) ? false : (seen.add(id), true);
  });
  if (notes.length <= 1) return notes[0];
  return { ...notes[0]!, also: notes.slice(1) };
}

/** `e` with `rule` applied at every outermost node where it fires, or undefined when it fires nowhere. */
export function applyEverywhere(e: Expr, rule: RewriteRule, ctx: AlgebraContext): { after: Expr; path: Path; note?: Note } | undefined {
  let first: Path | undefined;
  const notes: Note[] = [];
  const visit = (node: Expr, path: Path): Expr => {
    const out = rule.apply(node, ctx);
    if (out !== undefined && key(out) !== key(node)) {
      first ??= path;
      const note = rule.note?.(node, ctx);
      if (note !== undefined) notes.push(note);
      return out;
    }
    const kids = children(node);
    if (kids.length === 0) return node;
    const next = kids.map((k, i) => visit(k, [...path, i]));
    return next.every((k, i) => k === kids[i]) ? node : withChildren(node, next);
  };
  const after = visit(e, []);
  if (first === undefined) return undefined;
  const note = mergeNotes(notes);
  return note === undefined ? { after, path: first } : { after, path: first, note };
}

class Run {
  readonly steps: Step[] = [];

  constructor(private readonly settings: SimplifySettings) {}

  private record(rule: RewriteRule, before: Expr, after: Expr, path: Path, note: Note | undefined): void {
    if (this.steps.length >= this.settings.maxSteps) {
      throw new StepdiffError('too-many-steps', `Simplification needs more than ${this.settings.maxSteps} steps.`);
    }
    this.steps.push(new Step(rule, before, after, path, [], note, this.settings.latex));
  }

  /** Applies the normalising rules, first rule first, until none fires. */
  normalise(start: Expr): Expr {
    let current = start;
    for (let progressed = true; progressed; ) {
      progressed = false;
      for (const rule of this.settings.normalise) {
        const r = applyEverywhere(current, rule, this.settings.context);
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
    const trial = new Run(this.settings);
    let focus = at(whole, path);
    const start = focus;
    let substituted = false;
    for (const [i, { rule, optional }] of strategy.sequence.entries()) {
      // The first rule must fire at the node itself; later ones anywhere inside it.
      const r = i === 0 && strategy.start !== 'inside' ? this.applyAtRoot(focus, rule) : applyEverywhere(focus, rule, this.settings.context);
      if (r === undefined) {
        if (optional) continue;
        return undefined;
      }
      trial.record(rule, replaceAt(whole, path, focus), replaceAt(whole, path, r.after), [...path, ...r.path], r.note);
      focus = r.after;
      if (rule.id === 'substitute') substituted = true;
    }
    const accepted = strategy.accept === 'substituted' ? substituted : cost(focus) < cost(start);
    return accepted ? { after: replaceAt(whole, path, focus), steps: trial.steps } : undefined;
  }

  private applyAtRoot(focus: Expr, rule: RewriteRule): { after: Expr; path: Path; note?: Note } | undefined {
    const out = rule.apply(focus, this.settings.context);
    if (out === undefined || key(out) === key(focus)) return undefined;
    const note = rule.note?.(focus, this.settings.context);
    return note === undefined ? { after: out, path: [] } : { after: out, path: [], note };
  }

  /** The first strategy that succeeds at some node (outermost first), applied; undefined if none does. */
  strategise(whole: Expr, strategies: readonly Strategy[]): Expr | undefined {
    const paths: Path[] = [];
    const collect = (node: Expr, path: Path): void => {
      paths.push(path);
      children(node).forEach((k, i) => collect(k, [...path, i]));
    };
    collect(whole, []);
    for (const path of paths) {
      for (const strategy of strategies) {
        const done = this.attempt(whole, path, strategy);
        if (done === undefined) continue;
        for (const step of done.steps) {
          if (this.steps.length >= this.settings.maxSteps) {
            throw new StepdiffError('too-many-steps', `Simplification needs more than ${this.settings.maxSteps} steps.`);
          }
          this.steps.push(step);
        }
        return done.after;
      }
    }
    return undefined;
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
