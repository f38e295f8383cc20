// A derivative at a point: the values substituted in one step, the defined functions at those
// values written out by their definitions, then the simplifier's exact arithmetic (σ'(0) = 1/4,
// cos(π) = −1). Where the derivative has no value there (log(x) at 0, |x| at 0) the evaluation says
// why instead of giving NaN.

import type { Definition, Expr, ExprOf } from '../expr/expr.js';
import { callsIn, equals, fn, freeSymbols, replaceEvery, substitute, sym } from '../expr/expr.js';
import { hasSymbol } from '../expr/shape.js';
import { toText } from '../expr/text.js';
import { pointText, Step, type Evaluation, type Message } from './derivation.js';
import { degeneratePart } from './degenerate.js';
import { evaluate } from './evaluate.js';
import type { LatexOptions } from '../expr/latex.js';
import type { Rewritten } from './rewrite.js';

/** The engine's step that puts the point's values in. */
export const EVALUATE_AT = Object.freeze({ id: 'evaluate-at', title: 'Substitute the values', law: '' });

/** The engine's step that writes a defined function at a number out by its definition: σ(0) = 1/(1 + e^{−0}). */
export const DEFINITION_AT = Object.freeze({ id: 'definition-value', title: 'Use the definition at the value', law: '' });

/** What evaluating needs from the derivation it ends. */
export interface EvaluationSettings {
  readonly definitions: ReadonlyMap<string, Definition>;
  /** Exact simplification, without folding back into the definitions (σ(0) must stay 1/2). */
  readonly simplify: (e: Expr) => Rewritten;
  /** Whether an expression is zero everywhere (the simplifier's proof, for divisors). */
  readonly isZero: (e: Expr) => boolean;
  readonly latex: LatexOptions;
  /** What the derivation assumed is not 0 (see NONZERO_ASSUMPTIONS), in terms of the variables. */
  readonly assumed?: readonly Expr[];
}

const notDefined = (f: Expr, point: string): Message => ({ text: '{f} is not defined at {point}', values: { f: toText(f), point } });
const dividesByZero = (point: string): Message => ({ text: 'The derivative does not exist at {point}: it divides by zero there', values: { point } });
const partHasNoValue = (part: Expr, point: string): Message => ({ text: 'The derivative does not exist at {point}: {part} has no value there', values: { part: toText(part), point } });
const assumedNonZero = (c: Expr, point: string): Message => ({ text: 'The derivative does not exist at {point}: the derivation assumed {c} ≠ 0', values: { c: toText(c), point } });
const notFinite = (point: string): Message => ({ text: 'The derivative does not exist at {point}: it has no real value there', values: { point } });

/** Evaluates `result`, the derivative of `expr`, at `point`. */
export function evaluateAt(expr: Expr, result: Expr, point: ReadonlyArray<readonly [string, Expr]>, settings: EvaluationSettings): Evaluation {
  const values = new Map(point);
  const where = pointText(point);
  const numbers = new Map(point.map(([name, v]) => [name, evaluate(v, { values: new Map(), definitions: settings.definitions })]));
  // A derivative exists only where the function does: log(x) has none at 0, whatever 1/x says. A
  // pole (log(0), 1/0) is no value either, but a float's overflow (exp(1000)) is one.
  if (freeSymbols(expr).every((name) => numbers.has(name))) {
    const fx = evaluate(expr, { values: numbers, definitions: settings.definitions });
    if (Number.isNaN(fx) || (!Number.isFinite(fx) && degeneratePart(substitute(expr, values), settings.definitions, settings.isZero) !== undefined)) {
      return { point, steps: [], reason: notDefined(expr, where) };
    }
  }
  // A step that held only away from c = 0 (|x|' = x/|x| = sign(x)) gives no value where c is 0.
  for (const c of settings.assumed ?? []) {
    if (!freeSymbols(c).every((name) => numbers.has(name))) continue;
    if (evaluate(c, { values: numbers, definitions: settings.definitions }) === 0) return { point, steps: [], reason: assumedNonZero(c, where) };
  }
  const substituted = substitute(result, values);
  const notes = point.map(([name, v]) => () => ({ text: '{x} = {a}', values: { x: sym(name), a: v } }));
  const steps: Step[] = [new Step(EVALUATE_AT, result, substituted, [], [], () => ({ ...notes[0]!(), also: notes.slice(1).map((n) => n()) }), settings.latex)];
  let current = substituted;
  const unfolded = unfoldAtNumbers(current, settings.definitions);
  if (unfolded !== undefined) {
    steps.push(new Step(DEFINITION_AT, current, unfolded.after, [], [], unfolded.note, settings.latex));
    current = unfolded.after;
  }
  const fault = degeneratePart(current, settings.definitions, settings.isZero);
  if (fault !== undefined) return { point, steps, reason: fault.code === 'division-by-zero' ? dividesByZero(where) : partHasNoValue(fault.node, where) };
  const simplified = settings.simplify(current);
  steps.push(...simplified.steps);
  const value = simplified.result;
  const approx = !hasSymbol(value) ? evaluate(value, { values: new Map(), definitions: settings.definitions }) : undefined;
  if (approx !== undefined && Number.isNaN(approx)) return { point, steps, reason: notFinite(where) };
  // An exact value past a float's range (e^1000) has no decimal to show beside it.
  return { point, steps, value, ...(approx === undefined || !Number.isFinite(approx) ? {} : { approx }) };
}

/** `e` with every call of a defined function at numbers (no variable in its arguments) replaced by its body there. */
function unfoldAtNumbers(e: Expr, definitions: ReadonlyMap<string, Definition>): { after: Expr; note: () => { text: string; values: Record<string, Expr> } } | undefined {
  const calls = callsIn(e).filter((c): c is ExprOf<'fn'> => definitions.has(c.name) && c.primes === 0 && c.args.every((a) => !hasSymbol(a)));
  if (calls.length === 0) return undefined;
  let after = e;
  // Innermost first would not matter: a defined call's arguments are numbers, and its body holds no other call of it.
  for (const call of calls) {
    const def = definitions.get(call.name)!;
    const body = substitute(def.body, new Map(def.params.map((p, i) => [p, call.args[i]!])));
    after = replaceEvery(after, call, body);
  }
  const first = calls[0]!;
  const def = definitions.get(first.name)!;
  return { after, note: () => ({ text: '{f} is defined as {g}', values: { f: fn(def.name, def.params.map(sym)), g: def.body } }) };
}
