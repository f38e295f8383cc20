// A Rule is data plus pure functions: it says where it fires and what it produces, never how to
// print it. Rules import the mathematics only: the expression core (src/expr/: the expression, its
// shape, maps keyed by structure, exact numbers), the algebra views (src/engine/algebra.ts) and this
// module; never a printer.

import type { Definition, Expr, ExprOf, Kind } from '../expr/expr.js';
import { dependsOn, equals, freeSymbols, isNum, mul, neg, nodes, num, one, sub } from '../expr/expr.js';
import { HashMap } from '../expr/expr-map.js';
import { hasDerivative, hasSymbol, hashOf, mayHoldName, mix } from '../expr/shape.js';
import { ONE, divQ, eqQ, negQ, subQ, type Rational } from '../expr/rational.js';
import { isBuiltin } from '../expr/functions.js';
import { holdsFamily } from '../expr/indexed.js';

/** How a quotient is differentiated: the quotient rule, as a negative power, or the reciprocal rule. */
export type Method = 'quotient' | 'chain' | 'reciprocal';

/** What a rule may know about the derivation it is part of. */
export interface RuleContext {
  /** The variable of differentiation of the derivative being rewritten. */
  readonly wrt: string;
  readonly method: Method;
  readonly definitions: ReadonlyMap<string, Definition>;
  /** Defined functions whose own derivative is being derived here, from their definition. */
  readonly inside: ReadonlySet<string>;
  /** A variable that is a function of the variable of differentiation (y in implicit differentiation). */
  readonly dependent?: string;
}

/**
 * The notes that say a step holds only where something is not 0 (a cancellation's "assuming {c} ≠ 0",
 * |x|'s and sign's point 0), each with the slot holding that expression: a derivative evaluated
 * where one of them is 0 has no value there, whatever the simplified result says (sign(0) is 0).
 */
export const NONZERO_ASSUMPTIONS: Readonly<Record<string, string>> = Object.freeze({
  'assuming {c} ≠ 0': 'c',
  '|{x}| is not differentiable at {x} = 0': 'x',
  'sign({x}) jumps at {x} = 0, where it has no derivative': 'x',
});

/** A per-instance explanation: `text` names slots as {u}, filled with `values` by a printer. */
export interface Note {
  readonly text: string;
  readonly values: Readonly<Record<string, Expr>>;
  /** Notes of the other places the same rule fired in the same step. */
  readonly also?: readonly Note[];
  /**
   * What each sub-derivation the rule opens derives, for its title: the body of the placeholder
   * derivative (`of`) and a template naming it as {e} ("u′: derivative of the numerator {e}").
   */
  readonly parts?: ReadonlyArray<{ readonly of: Expr; readonly text: string }>;
}

/** A differentiation or rewrite rule, fired on the body of an inert derivative d(body, x). */
export interface Rule<K extends Kind = Kind> {
  /** Stable kebab-case id; equal to the module's file name; never renamed. */
  readonly id: string;
  /** Short name shown to people, e.g. "Quotient rule". */
  readonly title: string;
  /** The law in LaTeX. */
  readonly law: string;
  /** The node kinds of the body it can fire on. */
  readonly on: readonly K[];
  /**
   * Whether the d(...) placeholders it leaves are derived as nested sub-derivations and then
   * substituted (product, quotient, chain), rather than left in the main chain (sum, negation).
   */
  readonly nests: boolean;
  when(body: ExprOf<K>, ctx: RuleContext): boolean;
  to(body: ExprOf<K>, ctx: RuleContext): Expr;
  note?(body: ExprOf<K>, ctx: RuleContext): Note;
}

/** Declares a rule; the object is frozen so rule tables cannot be changed at run time. */
export function defineRule<K extends Kind>(rule: Rule<K>): Rule<K> {
  return Object.freeze(rule);
}

/** Whether `rule` fires on `body`. */
export function applies(rule: Rule, body: Expr, ctx: RuleContext): boolean {
  return (rule.on as readonly Kind[]).includes(body.kind) && rule.when(body as never, ctx);
}

/** Whether `e` is constant with respect to the current variable. */
export const isConstant = (e: Expr, ctx: RuleContext): boolean =>
  !dependsOn(e, ctx.wrt) && (ctx.dependent === undefined || !dependsOn(e, ctx.dependent)) &&
  // By z_k, every z_j varies (it is z_k where j = k): only a name with an index is asked.
  !(ctx.wrt.includes('_') && holdsFamily(e, ctx.wrt));

/** Whether `e` is dy/dx for the dependent variable y: the unknown of implicit differentiation, which no rule takes further. */
export const isDependentDerivative = (e: Expr, dependent: string | undefined): boolean =>
  dependent !== undefined && e.kind === 'd' && e.at === undefined && e.body.kind === 'sym' && e.body.name === dependent;

/** Whether `e` contains no symbols at all (a number, e, π, or functions of them), nor a derivative. */
export const isNumeric = (e: Expr): boolean => !hasSymbol(e);

/** Whether `e` is exactly the variable of differentiation. */
export const isVariable = (e: Expr, ctx: RuleContext): boolean => e.kind === 'sym' && e.name === ctx.wrt;

// y first, as the reference derivations name the chain rule's outer variable; then the usual letters.
const FRESH = ['y', 'u', 'w', 'z', 's', 'v'];

/** A variable name used nowhere in `e` nor as the current variable, for the chain rule's outer function. */
export function freshName(e: Expr, ctx: RuleContext): string {
  // Most bodies hold no y: their names' bits say so, where listing their symbols walks them (the
  // chain rule asks this at every level of a nested input).
  if (FRESH[0] !== ctx.wrt && !mayHoldName(e, FRESH[0]!)) return FRESH[0]!;
  const used = new Set([...freeSymbols(e), ctx.wrt]);
  // Most bodies hold no derivative, and are not walked again for their bound variables.
  if (hasDerivative(e)) for (const node of nodes(e)) if (node.kind === 'd') used.add(node.wrt);
  for (let i = 0; ; i++) {
    const name = i < FRESH.length ? FRESH[i]! : `u_${i - FRESH.length + 1}`;
    if (!used.has(name)) return name;
  }
}

/** Whether a call is of a function that is neither built in nor defined by the user (f in f(x)). */
export const isUndefinedFunction = (e: ExprOf<'fn'>, ctx: RuleContext): boolean =>
  !isBuiltin(e.name) && !ctx.definitions.has(e.name);

/** The exact value of a number literal, including −n and n/m as the parser reads them (-1 is −(1)). */
export function literalValue(e: Expr): Rational | undefined {
  if (e.kind === 'num') return e.value;
  if (e.kind === 'neg') {
    const inner = literalValue(e.arg);
    return inner === undefined ? undefined : negQ(inner);
  }
  if (e.kind === 'div') {
    const [n, d] = [literalValue(e.num), literalValue(e.den)];
    return n === undefined || d === undefined || d.num === 0n ? undefined : divQ(n, d);
  }
  return undefined;
}

/** n − 1, folded when n is a number literal (the power rule's new exponent). */
export function decrement(n: Expr): Expr {
  const value = literalValue(n);
  return value === undefined ? sub(n, one) : num(subQ(value, ONE));
}

/** c·e, written −e for c = −1 and e for c = 1, so laws instantiate without a stray 1·. */
export function times(c: Expr, e: Expr): Expr {
  const value = literalValue(c);
  if (value !== undefined && eqQ(value, ONE)) return e;
  if (value !== undefined && eqQ(value, negQ(ONE))) return neg(e);
  if (isNum(e, 1)) return c;
  return mul(c, e);
}

/** The law a rule applied, as said of this instance: d/dx sin(x) = cos(x). */
export const lawNote = (f: Expr, derivative: Expr): Note => ({ text: 'd/d{x} {f} = {g}', values: { f, g: derivative } });

/** A derivative table: function name → its derivative at the argument u. */
export type DerivativeTable = Readonly<Record<string, (u: Expr) => Expr>>;

/** A rule for one family of functions applied directly to the variable, driven by a table. */
export function defineTableRule(spec: { id: string; title: string; law: string; table: DerivativeTable }): Rule<'fn'> {
  const { table } = spec;
  return defineRule({
    id: spec.id,
    title: spec.title,
    law: spec.law,
    on: ['fn'],
    nests: false,
    when: (body, ctx) => Object.hasOwn(table, body.name) && body.args.length === 1 && isVariable(body.args[0]!, ctx),
    to: (body) => table[body.name]!(body.args[0]!),
    note: (body) => lawNote(body, table[body.name]!(body.args[0]!)),
  });
}

/** What an algebraic rule may know: the user's definitions (for substituting them back). */
export interface AlgebraContext {
  readonly definitions: ReadonlyMap<string, Definition>;
  /** Equalities the caller states hold (sum(t_i, i) = 1), each left side replaced by its right. */
  readonly assumptions?: ReadonlyArray<readonly [Expr, Expr]>;
  /**
   * What the input holds that some rules are only for: sums over an index (and softmax), piecewise
   * cases (and max, min), |u|. A rule for what is absent is not asked at every node (when absent,
   * every rule is asked).
   */
  readonly holds?: { readonly sums: boolean; readonly cases: boolean; readonly abs: boolean };
}

/**
 * An algebraic rewrite at one node: returns the node's new form, or undefined where it does not
 * apply. It must never return a form structurally equal to the node.
 */
export interface RewriteRule {
  readonly id: string;
  readonly title: string;
  readonly law: string;
  /**
   * The kinds of node it can fire at (every kind when absent). The simplifier offers it no other
   * node, and skips subtrees holding none of them, so `apply` must leave every other kind alone.
   */
  readonly on?: readonly Kind[];
  /** Whether it can fire at all in a derivation with this context (always, when absent): normalising does not ask one that cannot. */
  usable?(ctx: AlgebraContext): boolean;
  apply(e: Expr, ctx: AlgebraContext): Expr | undefined;
  /** Said of the node before the rewrite (e.g. the factor a cancellation assumes is non-zero). */
  note?(e: Expr, ctx: AlgebraContext): Note | undefined;
}

/** Declares an algebraic rule (frozen). */
export function defineRewrite(rule: RewriteRule): RewriteRule {
  return Object.freeze(rule);
}

const noteHash = (n: Note): number => {
  let h = n.text.length;
  for (const [slot, v] of Object.entries(n.values)) h = mix(mix(h, slot.charCodeAt(0)), hashOf(v));
  return h;
};

const sameNote = (a: Note, b: Note): boolean => {
  if (a.text !== b.text) return false;
  const slots = Object.keys(a.values);
  return slots.length === Object.keys(b.values).length && slots.every((k) => Object.hasOwn(b.values, k) && equals(a.values[k]!, b.values[k]!));
};

/**
 * A note worked out when it is read. What a rule says of where it fired is wanted only when a step
 * is printed, and working it out repeats the rule's own work (the add-and-subtract note redoes the
 * trick): worked out while deriving, they made a sigmoid derivation right after a
 * mathjs.derivative call about 3.5% slower. Rules are pure, so a note read later is the same note.
 */
export type LazyNote = () => Note | undefined;

/** What `rule` says of the nodes it fired at in one step, merged into one note, when read. */
export function notesAt(rule: RewriteRule, sites: readonly Expr[], ctx: AlgebraContext): LazyNote | undefined {
  const explain = rule.note;
  return explain === undefined ? undefined : () => mergeNotes(defined(sites.map((node) => explain(node, ctx))));
}

/** Several places' notes as one note, merged when read (as mergeNotes merges them). */
export function mergeLazy(parts: readonly LazyNote[]): LazyNote | undefined {
  if (parts.length <= 1) return parts[0];
  return () => mergeNotes(defined(parts.map((part) => part())));
}

const defined = (notes: ReadonlyArray<Note | undefined>): Note[] => notes.filter((n): n is Note => n !== undefined);

/** The notes of several places as one note (duplicates dropped); each part stays translatable. */
export function mergeNotes(all: readonly Note[]): Note | undefined {
  if (all.length <= 1) return all[0];
  const seen = new HashMap<Note, true>(noteHash, sameNote);
  for (const n of all) seen.set(n, true);
  const notes = seen.keys();
  if (notes.length <= 1) return notes[0];
  return { text: notes[0]!.text, values: notes[0]!.values, also: notes.slice(1) };
}


/**
 * A move on an equation towards its unknown u (dy/dx in implicit differentiation): differentiate
 * both sides, gather the terms with u, factor it out, divide by its coefficient. Data plus a pure
 * function, as the other rules are; the engine (implicit.ts) applies them in their order.
 */
export interface EquationRule {
  readonly id: string;
  readonly title: string;
  readonly law: string;
  /** The equation after the move, or undefined where the move does not apply. */
  apply(e: ExprOf<'eq'>, u: ExprOf<'d'>): Expr | undefined;
  note?(e: ExprOf<'eq'>, u: ExprOf<'d'>): Note | undefined;
}

/** Declares an equation rule (frozen). */
export function defineEquationRule(rule: EquationRule): EquationRule {
  return Object.freeze(rule);
}

/**
 * A function stepdiff knows by its definition (σ, softplus, GELU, …): data only, its body written
 * as text that src/index.ts parses once. It is differentiated through its definition, as a user's
 * definition is, and its derivative written in the functions `writtenIn` names ('self' for itself).
 */
export interface BuiltinFunction {
  /** Stable id, the module's file name. */
  readonly id: string;
  /** The names it is called by (σ and sigmoid), each a definition of its own, printed as written. */
  readonly names: readonly string[];
  readonly params: readonly string[];
  readonly body: string;
  /** The functions its derivative is written in: 'self' for the function itself (σ' in σ); none to leave it as derived. */
  readonly writtenIn: readonly string[];
}

/** Declares a built-in function (frozen). */
export function defineBuiltin(f: BuiltinFunction): BuiltinFunction {
  return Object.freeze(f);
}

/**
 * A classic mistake, as a wrong version of one differentiation rule: it fires where that rule
 * fires, and produces what a learner making the mistake writes. Checking a learner's work re-derives
 * the function with it at one place at a time and compares the outcome with their line.
 */
export interface Mistake {
  /** Stable kebab-case id, the module's file name. */
  readonly id: string;
  readonly title: string;
  /** The id of the rule this is a wrong version of. */
  readonly variantOf: string;
  /** How many forms the mistake takes (a sign error in the quotient rule: reversed, or + for −); 1 when absent. */
  readonly forms?: number;
  /** The wrong law at one place, in form `form`: the body of d(body, x) to what the learner writes for it. */
  to(body: Expr, ctx: RuleContext, form: number): Expr | undefined;
  /** What went wrong there, for the learner; {dg} is filled with the derivative of the value in {g}. */
  explain(body: Expr, ctx: RuleContext): Note;
}

/** Declares a mistake (frozen). */
export function defineMistake(m: Mistake): Mistake {
  return Object.freeze(m);
}
