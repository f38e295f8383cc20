// Where the cases of a piecewise derivative meet (x < 0 ? 0 : 1 meets at 0), what happens there:
// the function jumps, or its derivatives from the left and from the right differ (a kink, ReLU at
// 0), or they agree and the function is differentiable there too (x > 0 ? x^2 : 0 at 0).

import type { Definition, Expr, ExprOf } from '../expr/expr.js';
import { children, equals, substitute, sym, withChildren } from '../expr/expr.js';
import { hasSymbol, KIND_BIT, shapeOf } from '../expr/shape.js';
import { toText } from '../expr/text.js';
import { valueText, type Message } from './derivation.js';
import { evaluate } from './evaluate.js';
import type { Rewritten } from './rewrite.js';

/** One boundary of a piecewise derivative, and what the derivation says of it. */
export interface Boundary {
  /** The variable's value there. */
  readonly at: Expr;
  readonly differentiable: boolean;
  readonly message: Message;
}

/** What the boundaries are read with: exact arithmetic, and the definitions the function calls. */
export interface BoundarySettings {
  readonly definitions: ReadonlyMap<string, Definition>;
  readonly simplify: (e: Expr) => Rewritten;
}

/** The piecewise parts of `result` whose test is the variable against a number, each once, in reading order. */
function tests(result: Expr, x: string): Array<ExprOf<'cond'>> {
  const found: Array<ExprOf<'cond'>> = [];
  const visit = (e: Expr): void => {
    if (e.kind === 'cond' && e.test.kind === 'cmp' && equals(e.test.left, sym(x)) && !hasSymbol(e.test.right)) found.push(e);
    children(e).forEach(visit);
  };
  visit(result);
  return found;
}

/** `e` with the node `part` replaced by `by` wherever it occurs. */
function replaced(e: Expr, part: Expr, by: Expr): Expr {
  if (equals(e, part)) return by;
  return children(e).length === 0 ? e : withChildren(e, children(e).map((k) => replaced(k, part, by)));
}

/** What `result`, the derivative of `f` by `x`, does at each boundary of its cases. */
export function boundariesOf(f: Expr, result: Expr, x: string, settings: BoundarySettings): Boundary[] {
  const boundaries: Boundary[] = [];
  // Most results have no cases: their shape says so without a walk.
  if ((shapeOf(result).kinds & KIND_BIT.cond) === 0) return boundaries;
  for (const part of tests(result, x)) {
    const test = part.test as ExprOf<'cmp'>;
    const at = test.right;
    if (boundaries.some((b) => equals(b.at, at))) continue;
    const b = evaluate(at, { values: new Map() });
    const value = (e: Expr): number => evaluate(e, { values: new Map([[x, b]]), definitions: settings.definitions });
    const point = `${x} = ${toText(at)}`;
    // A jump: f from the left and from the right of b apart (the unit step at 0).
    const near = (side: number): number => evaluate(f, { values: new Map([[x, b + side * 1e-9 * Math.max(1, Math.abs(b))]]), definitions: settings.definitions });
    const [before, after] = [near(-1), near(1)];
    if (Number.isFinite(before) && Number.isFinite(after) && Math.abs(before - after) > 1e-6 * Math.max(1, Math.abs(before), Math.abs(after))) {
      boundaries.push({ at, differentiable: false, message: { text: 'Not differentiable at {point}: the function jumps there', values: { point } } });
      continue;
    }
    const yesIsLeft = test.op === '<' || test.op === '<=';
    const side = (branch: Expr): Expr => settings.simplify(substitute(replaced(result, part, branch), new Map([[x, at]]))).result;
    const [left, right] = yesIsLeft ? [side(part.yes), side(part.no)] : [side(part.no), side(part.yes)];
    if (Number.isNaN(value(left)) || Number.isNaN(value(right))) continue;
    if (equals(left, right) || Math.abs(value(left) - value(right)) <= 1e-12 * Math.max(1, Math.abs(value(left)))) {
      boundaries.push({ at, differentiable: true, message: { text: 'Differentiable at {point}: the derivative from either side is {v}', values: { point, v: valueText(left) } } });
    } else {
      boundaries.push({ at, differentiable: false, message: { text: 'Not differentiable at {point}: the derivative from the left is {l}, from the right {r}', values: { point, l: valueText(left), r: valueText(right) } } });
    }
  }
  return boundaries;
}
