// The simplifier: drives algebraic rules over a whole expression and records one Step per rule
// application (a rule fires at every outermost node it applies to, in one step). Normalising rules
// run to a fixpoint; strategies (short sequences of rules) are kept only when they make the
// expression smaller, or, for goals, when they end by substituting a definition back. It never
// returns a step whose expression differs in value from the one before.

import { checkBudget, type Budget } from './limits.js';
import type { Expr, Kind, Path } from '../expr/expr.js';
import { callsIn, childAt, childCount, children, equals, replaceMany, withChildren } from '../expr/expr.js';
import { compoundFractions, cost, TEXTBOOK_COST } from './algebra.js';
import { KIND_BIT, kindBits, shapeOf, type Shape } from '../expr/shape.js';
import type { LatexOptions } from '../expr/latex.js';
import { mergeLazy, notesAt, type AlgebraContext, type LazyNote, type RewriteRule } from './rule.js';
import { Step } from './derivation.js';
import { Interner, type NodeSet } from '../expr/intern.js';

/** A sequence of rules tried together at one node. */
export interface Strategy {
  readonly id: string;
  /** The rules in order; an optional one is skipped where it does not apply. */
  readonly sequence: ReadonlyArray<{ readonly rule: RewriteRule; readonly optional?: boolean }>;
  /** Where the first rule fires: at the node the strategy is tried on (default), or anywhere inside it. */
  readonly start?: 'root' | 'inside';
  /** The kinds of node the strategy is tried on (all when absent). */
  readonly on?: readonly Kind[];
  /**
   * The largest subtree (by cost) it is tried on, for a move made for the reader's sake (order,
   * clearing fractions): it is tried only where the whole expression is of a size a reader takes
   * in (at most MAX_STRATEGY_COST), and there on subtrees up to this size.
   */
  readonly upTo?: number;
  /**
   * Keep the result when it is smaller (and holds no more compound fractions: a size-driven move
   * must leave a form a textbook prints), when it is no larger (neutral: a reorder), when it holds
   * fewer compound fractions, or when it substituted a definition back.
   */
  readonly accept: 'smaller' | 'neutral' | 'clearer' | 'substituted';
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

/** What a rule gave at the nodes where it fired (a Map or a WeakMap is one). */
export interface NodeMap {
  get(e: Expr): Expr | undefined;
  set(e: Expr, value: Expr): unknown;
}

/**
 * One bit of the memo slot every node's shape has, owned by one simplification run: a WeakSet's
 * job without its cost (a lookup in a WeakSet of millions of nodes dominated large derivations).
 */
class MemoBit implements NodeSet {
  constructor(
    readonly owner: object,
    readonly bit: number,
  ) {}

  has(e: Expr): boolean {
    return this.holds(shapeOf(e));
  }

  /** Whether the node whose shape is `s` is in the set (for walks that have read the shape already). */
  holds(s: Shape): boolean {
    return s.memoOwner === this.owner && (s.memoClean & this.bit) !== 0;
  }

  add(e: Expr): void {
    (ownMemo(e, this.owner).memoClean |= this.bit);
  }
}

/** The memo slot of `e`, emptied first if another run wrote it (it says nothing of this run's rules). */
function ownMemo(e: Expr, owner: object): Shape {
  const s = shapeOf(e);
  if (s.memoOwner !== owner) {
    s.memoOwner = owner;
    s.memoClean = 0;
    s.memoFailed = 0;
  }
  return s;
}

/** The memo slot holds 31 bits; sets beyond that are WeakSets. */
const MEMO_BITS = 31;

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
  clean?: NodeSet,
  /** What the rule gave at nodes where it fired before (kept and read, when given). */
  fired?: NodeMap,
  /** The run's table of canonical nodes: the nodes built are interned (when given). */
  interner?: Interner,
): { after: Expr; path: Path; note?: LazyNote } | undefined {
  // Most calls find the whole expression already clean: answered before the walk's state is built.
  if (clean?.has(e)) return undefined;
  const fires = kindBits(rule.on);
  if ((shapeOf(e).kinds & fires) === 0) return undefined;
  let first: Path | undefined;
  // Where it fired, for its note (worked out when read).
  let sites: Expr[] | undefined;
  // One path stack for the whole walk; copied only where the rule fires first.
  const path: number[] = [];
  // What the walk gave for each node it changed. A subtree that occurs in several places is one
  // object (interned), rewritten once: the other places get the same result, and their notes,
  // being the same, would be merged away.
  let done: Map<Expr, Expr> | undefined;
  // Called only on nodes not known clean: the parent checks, saving a call per clean child.
  const visit = (node: Expr): Expr => {
    const again = done?.get(node);
    if (again !== undefined) return again;
    const out = (KIND_BIT[node.kind] & fires) === 0 ? undefined : (fired?.get(node) ?? firing(rule, node, ctx, fired, interner));
    if (out !== undefined) {
      (done ??= new Map()).set(node, out);
      first ??= [...path];
      (sites ??= []).push(node);
      return out;
    }
    // The new children, copied only once one of them changes (most visits change nothing).
    let next: Expr[] | undefined;
    for (let i = 0, n = childCount(node); i < n; i++) {
      const kid = childAt(node, i);
      // A leaf, or any subtree without a node the rule fires at, is skipped without a call.
      const s = shapeOf(kid);
      if ((s.kinds & fires) === 0 || (clean !== undefined && (clean instanceof MemoBit ? clean.holds(s) : clean.has(kid)))) continue;
      path.push(i);
      const v = visit(kid);
      path.pop();
      if (v !== kid && next === undefined) next = children(node).slice();
      if (next !== undefined) next[i] = v;
    }
    if (next === undefined) {
      clean?.add(node);
      return node;
    }
    // Its other children are the node's own: canonical when the node is.
    const rebuilt = interner === undefined ? withChildren(node, next) : interner.internNode(withChildren(node, next));
    (done ??= new Map()).set(node, rebuilt);
    return rebuilt;
  };
  const after = visit(e);
  if (first === undefined) return undefined;
  const note = notesAt(rule, sites!, ctx);
  return note === undefined ? { after, path: first } : { after, path: first, note };
}

/**
 * What `rule` gives at `node` when that differs from the node, else undefined; interned (when an
 * interner is given) before it is kept in `fired`, so a remembered result is canonical already.
 */
function firing(rule: RewriteRule, node: Expr, ctx: AlgebraContext, fired?: NodeMap, interner?: Interner): Expr | undefined {
  const given = rule.apply(node, ctx);
  if (given === undefined || equals(given, node)) return undefined;
  const out = interner === undefined ? given : interner.intern(given);
  fired?.set(node, out);
  return out;
}

/** One rule of a strategy as it fired inside the subtree the strategy was tried on. */
interface Move {
  /** The rule's position in the strategy's sequence. */
  readonly index: number;
  readonly rule: RewriteRule;
  /** The subtree after the rule. */
  readonly after: Expr;
  /** Where in the subtree it fired first. */
  readonly path: Path;
  readonly note?: LazyNote;
}

/** A strategy that succeeded at the node at `path`, and the moves it made there. */
interface Success {
  readonly path: Path;
  readonly moves: readonly Move[];
}

/** Per normalising rule, in order: what firstFiring reads at every node. */
interface ScanTables {
  /** The kinds of node the rule fires at (KIND_BITs). */
  readonly fires: readonly number[];
  readonly sets: readonly NodeSet[];
  /** The rule's memo bit, or 0 when its set is a WeakSet. */
  readonly bits: readonly number[];
  /** below[i]: the memo bits of the rules before i. */
  readonly below: readonly number[];
  /** firesBelow[i]: the kinds of node the rules before i fire at. */
  readonly firesBelow: readonly number[];
  /** spilled[i]: whether a rule before i has a WeakSet. */
  readonly spilled: readonly boolean[];
}

class Run {
  readonly steps: Step[] = [];
  /** Every node the run works on is interned, so its memos hold for each place a subtree occurs. */
  readonly interner: Interner;
  /** Marks the memo slots this run wrote (an object of its own, so the slots keep nothing else alive). */
  private readonly token = {};
  /** How many memo bits this run has handed out (declared before the fields that take one). */
  private sets = 0;
  // The run's own tables are Maps, not WeakMaps: its interner keeps every node it meets alive until
  // it ends anyway, and a WeakMap costs more to fill, and the garbage collector more to trace.
  /** Per node, the strategies that succeed there and their moves. */
  private readonly succeeded = new Map<Expr, Map<Strategy, readonly Move[]>>();
  /** Per rule, the subtrees it is known not to fire anywhere in (it depends only on the subtree). */
  private readonly clean = new Map<RewriteRule, NodeSet>();
  /**
   * Per rule, what it gave where it fired during a strategy's trial. Strategies try the same rule on
   * the same node (common-denominator on a sum, at its root and inside the quotient around it), and
   * a trial mostly fails: the answer is remembered, and the same node object comes back each time.
   */
  private readonly fired = new Map<RewriteRule, Map<Expr, Expr>>();
  /** What normalising makes of the nodes a strategy's trial left (see settled). */
  private readonly settledForms = new Map<Expr, Expr>();
  /** The subtrees where none of the strategies succeeds at any node. */
  private readonly exhausted = this.nodeSet();
  /** The same, for rounds on an expression too large for the moves made for the reader's sake (see Strategy.upTo). */
  private readonly exhaustedWithout = this.nodeSet();
  private scanTables: ScanTables | undefined;
  /**
   * Per strategy, the kinds of node its first move can fire at: those of its leading optional rules
   * and of its first required one (at the node itself, or anywhere inside it for start: 'inside').
   */
  private readonly openers: readonly number[];
  /** The normalising rules that can fire in this run's context, in order. */
  private readonly normalising: readonly RewriteRule[];

  constructor(
    private readonly settings: SimplifySettings,
    /** The strategies tried, in order. */
    private readonly strategies: readonly Strategy[],
  ) {
    this.interner = new Interner(this.nodeSet());
    this.normalising = settings.normalise.filter((rule) => rule.usable?.(settings.context) ?? true);
    this.openers = strategies.map((strategy) => {
      let kinds = 0;
      for (const { rule, optional } of strategy.sequence) {
        kinds |= kindBits(rule.on);
        if (optional !== true) break;
      }
      return kinds;
    });
  }

  /** A new, empty set of nodes for this run. */
  private nodeSet(): NodeSet {
    return this.sets < MEMO_BITS ? new MemoBit(this.token, 1 << this.sets++) : new WeakSet<Expr>();
  }

  private firedFor(rule: RewriteRule): Map<Expr, Expr> {
    let fired = this.fired.get(rule);
    if (fired === undefined) this.fired.set(rule, (fired = new Map()));
    return fired;
  }

  private cleanFor(rule: RewriteRule): NodeSet {
    let clean = this.clean.get(rule);
    if (clean === undefined) this.clean.set(rule, (clean = this.nodeSet()));
    return clean;
  }

  private record(rule: RewriteRule, before: Expr, after: Expr, path: Path, note: LazyNote | undefined): void {
    checkBudget(this.settings.budget, after, this.steps.length + 1);
    this.steps.push(new Step(rule, before, after, path, [], note, this.settings.latex));
  }

  /** Applies the normalising rules, first rule first, until none fires. */
  normalise(start: Expr): Expr {
    return this.normaliseWith(start, true);
  }

  /**
   * Where normalising takes `e`, without recording the steps: a strategy is judged by the form it
   * leaves once the normalising rules have tidied it (√u·√u is u, like terms combined), as that
   * is the form the reader is shown. Remembered per node.
   */
  private settled(e: Expr): Expr {
    let out = this.settledForms.get(e);
    if (out === undefined) this.settledForms.set(e, (out = this.normaliseWith(e, false)));
    return out;
  }

  private normaliseWith(start: Expr, recording: boolean): Expr {
    const rules = this.normalising;
    let current = start;
    for (let count = 1; ; count++) {
      const first = this.firstFiring(current);
      if (first === rules.length) return current;
      const rule = rules[first]!;
      const r = applyEverywhere(current, rule, this.settings.context, this.cleanFor(rule), undefined, this.interner)!;
      if (recording) this.record(rule, current, r.after, r.path, r.note);
      else checkBudget(this.settings.budget, r.after, this.steps.length + count, false);
      current = r.after;
    }
  }

  /**
   * The index of the first normalising rule that fires anywhere in `e` (the count of rules when
   * none does). One walk asks every rule at each node, reading the node and its memo word once
   * where a walk per rule read them once per rule. Once a rule is found firing, only the rules
   * before it are still asked.
   */
  private firstFiring(e: Expr): number {
    const rules = this.normalising;
    const ctx = this.settings.context;
    const token = this.token;
    const { fires, sets, bits, below, firesBelow, spilled } = (this.scanTables ??= this.tablesFor(rules));
    // The rules before `bound` are asked in the subtree of `node`; returns the first that fires there,
    // or `bound`. Every rule before the index returned fires nowhere in the subtree: marked clean.
    const scan = (node: Expr, bound: number): number => {
      const shape = ownMemo(node, token);
      const own = KIND_BIT[node.kind];
      let open = false;
      for (let i = 0; i < bound; i++) {
        const fire = fires[i]!;
        const bit = bits[i]!;
        if ((shape.kinds & fire) === 0 || (bit !== 0 ? (shape.memoClean & bit) !== 0 : sets[i]!.has(node))) continue;
        if ((own & fire) !== 0 && firing(rules[i]!, node, ctx) !== undefined) {
          bound = i;
          break;
        }
        open = true;
      }
      if (open) {
        for (let i = 0, n = childCount(node); i < n && bound > 0; i++) {
          const kid = childAt(node, i);
          // A child with no node any rule still asked fires at, or one this run knows clean for all of
          // them, is not entered (nor its memo rewritten).
          const known = shapeOf(kid);
          if ((known.kinds & firesBelow[bound]!) === 0) continue;
          if (known.memoOwner === token && (known.memoClean & below[bound]!) === below[bound] && !spilled[bound]) continue;
          bound = scan(kid, bound);
        }
      }
      shape.memoClean |= below[bound]!;
      if (spilled[bound]) for (let i = 0; i < bound; i++) if (bits[i] === 0) sets[i]!.add(node);
      return bound;
    };
    return scan(e, rules.length);
  }

  /** What firstFiring needs of each normalising rule, built once per run. */
  private tablesFor(rules: readonly RewriteRule[]): ScanTables {
    // Each rule's clean set is a bit of the memo word (read once per node), or a WeakSet past 31 sets.
    const sets = rules.map((rule) => this.cleanFor(rule));
    const bits = sets.map((set) => (set instanceof MemoBit ? set.bit : 0));
    const fires = rules.map((rule) => kindBits(rule.on));
    const below = [0];
    const firesBelow = [0];
    const spilled = [false];
    for (let i = 0; i < rules.length; i++) {
      below.push(below[i]! | bits[i]!);
      firesBelow.push(firesBelow[i]! | fires[i]!);
      spilled.push(spilled[i]! || bits[i] === 0);
    }
    return { fires, sets, bits, below, firesBelow, spilled };
  }

  /** What `strategy` does at `node`: its moves when it succeeds there, else undefined (remembered). */
  private tryAt(node: Expr, strategy: Strategy, index: number): readonly Move[] | undefined {
    // Whether a strategy succeeds, and how, depends only on the subtree it starts from. Failures,
    // the common case, are bits in the node's memo slot; the few successes are kept by the run.
    const bit = index < MEMO_BITS ? 1 << index : 0;
    if ((ownMemo(node, this.token).memoFailed & bit) !== 0) return undefined;
    const known = this.succeeded.get(node)?.get(strategy);
    if (known !== undefined) return known;
    const moves = this.attempt(node, strategy);
    if (moves === undefined) ownMemo(node, this.token).memoFailed |= bit;
    else {
      let atNode = this.succeeded.get(node);
      if (atNode === undefined) this.succeeded.set(node, (atNode = new Map()));
      atNode.set(strategy, moves);
    }
    return moves;
  }

  private attempt(node: Expr, strategy: Strategy): readonly Move[] | undefined {
    const moves: Move[] = [];
    let focus = node;
    let substituted = false;
    for (let index = 0; index < strategy.sequence.length; index++) {
      const { rule, optional } = strategy.sequence[index]!;
      // The first rule that applies must fire at the node itself (an optional one skipped does not
      // count); later ones anywhere inside it.
      const r = moves.length === 0 && strategy.start !== 'inside' ? this.applyAtRoot(focus, rule) : applyEverywhere(focus, rule, this.settings.context, this.cleanFor(rule), this.firedFor(rule), this.interner);
      if (r === undefined) {
        if (optional) continue;
        return undefined;
      }
      // A trial is printed only if kept, but it must stay within the size and time bounds.
      checkBudget(this.settings.budget, r.after, this.steps.length + 1, false);
      moves.push(r.note === undefined ? { index, rule, after: r.after, path: r.path } : { index, rule, after: r.after, path: r.path, note: r.note });
      focus = r.after;
      if (rule.id === 'substitute') substituted = true;
    }
    if (strategy.accept === 'substituted') return substituted && moves.length > 0 ? moves : undefined;
    const judge = (form: Expr): boolean =>
      strategy.accept === 'clearer' ? compoundFractions(form) < compoundFractions(node)
      : (strategy.accept === 'neutral' ? cost(form) <= cost(node) : cost(form) < cost(node)) && compoundFractions(form) <= compoundFractions(node);
    // The form as the moves left it decides when it can; else the form normalising leaves, on a
    // subtree of a size a reader takes in (on larger ones that costs more than it saves).
    const accepted = judge(focus) || (cost(node) <= TEXTBOOK_COST && judge(this.settled(focus)));
    return accepted && moves.length > 0 ? moves : undefined;
  }

  private applyAtRoot(focus: Expr, rule: RewriteRule): { after: Expr; path: Path; note?: LazyNote } | undefined {
    // A rule known to fire nowhere in the subtree (found by an earlier walk) does not fire at its root.
    if ((KIND_BIT[focus.kind] & kindBits(rule.on)) === 0 || this.cleanFor(rule).has(focus)) return undefined;
    const fired = this.firedFor(rule);
    const out = fired.get(focus) ?? firing(rule, focus, this.settings.context, fired, this.interner);
    if (out === undefined) return undefined;
    const note = notesAt(rule, [focus], this.settings.context);
    return note === undefined ? { after: out, path: [] } : { after: out, path: [], note };
  }

  /**
   * The first strategy that succeeds at some node (outermost first), applied there and at every
   * later node whose first successful strategy is the same one, one step per rule of the strategy
   * (as the normalising rules fire everywhere at once); undefined if no strategy succeeds anywhere.
   */
  strategise(whole: Expr): Expr | undefined {
    // Pre-order over the nodes, outermost first, with one path stack for the walk.
    const path: number[] = [];
    let chosen: Strategy | undefined;
    const successes: Success[] = [];
    let found = 0;
    const readable = cost(whole) <= MAX_STRATEGY_COST;
    // A subtree where no strategy succeeds without the reader's moves may still take one of them.
    const exhausted = readable ? this.exhausted : this.exhaustedWithout;
    // After a rewrite only the nodes on the changed path are new; the rest were searched before,
    // and the parent skips them (search is called only on nodes not known exhausted).
    const search = (node: Expr, partial: boolean): void => {
      // Strategies rewrite a subtree several times over to judge the result; on a very large subtree
      // that costs more than it can save, so they are tried on subtrees up to a bounded size. A sum
      // that is a run of a larger sum's terms (x² − 4x in x² − 4x + 4) is no whole of its own:
      // factoring it would leave the half-factored x(x − 4) + 4.
      if (!partial && cost(node) <= MAX_STRATEGY_COST) {
        const own = KIND_BIT[node.kind];
        const below = shapeOf(node).kinds;
        for (let index = 0; index < this.strategies.length; index++) {
          const strategy = this.strategies[index]!;
          if (strategy.on !== undefined && !strategy.on.includes(node.kind)) continue;
          if (strategy.upTo !== undefined && (!readable || cost(node) > strategy.upTo)) continue;
          // Where its first rule could not fire, a strategy fails before trying: no memo, no trial.
          if (((strategy.start === 'inside' ? below : own) & this.openers[index]!) === 0) continue;
          const moves = this.tryAt(node, strategy, index);
          if (moves === undefined) continue;
          found++;
          chosen ??= strategy;
          // A node whose first success is another strategy waits for a later round, whole.
          if (strategy === chosen) successes.push({ path: [...path], moves });
          return;
        }
      }
      const before = found;
      const sum = isSum(node);
      for (let i = 0, n = childCount(node); i < n; i++) {
        const kid = childAt(node, i);
        if (exhausted.has(kid)) continue;
        path.push(i);
        search(kid, sum && isSum(kid));
        path.pop();
      }
      // A partial sum was not tried whole: it is known exhausted only where it was.
      if (found === before && !partial) exhausted.add(node);
    };
    if (!exhausted.has(whole)) search(whole, false);
    if (chosen === undefined) return undefined;
    // The successes sit in disjoint subtrees: each advances by its own moves, rule by rule.
    const next = successes.map(() => 0);
    let current = whole;
    for (let index = 0; index < chosen.sequence.length; index++) {
      const replacements: Array<readonly [Path, Expr]> = [];
      let first: Path | undefined;
      const notes: LazyNote[] = [];
      successes.forEach((success, i) => {
        const move = success.moves[next[i]!];
        if (move?.index !== index) return;
        next[i]!++;
        replacements.push([success.path, move.after]);
        first ??= [...success.path, ...move.path];
        if (move.note !== undefined) notes.push(move.note);
      });
      if (first === undefined) continue;
      const after = this.interner.intern(replaceMany(current, replacements));
      this.record(chosen.sequence[index]!.rule, current, after, first, mergeLazy(notes));
      current = after;
    }
    return current;
  }
}

const isSum = (e: Expr): boolean => e.kind === 'add' || e.kind === 'sub';

/** Simplifies `e` step by step; with definitions, also tries to express it in the defined functions. */
export function simplify(e: Expr, settings: SimplifySettings): Simplified {
  const strategies = settings.context.definitions.size > 0 ? [...settings.goals, ...settings.strategies] : settings.strategies;
  const run = new Run(settings, strategies);
  let current = run.normalise(run.interner.intern(e));
  for (;;) {
    const next = run.strategise(current);
    if (next === undefined) break;
    current = run.normalise(next);
  }
  return { steps: run.steps, result: current };
}

/** Whether `e` calls any of the named functions. */
export const callsAny = (e: Expr, names: ReadonlySet<string>): boolean => callsIn(e).some((call) => names.has(call.name));
