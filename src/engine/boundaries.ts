// Where the cases of a piecewise derivative meet (x < 0 ? 0 : 1 meets at 0), what happens there:
// the function jumps, or its derivatives from the left and from the right differ (a kink, ReLU at
// 0), or they agree and the function is differentiable there too (x > 0 ? x^2 : 0 at 0).

import type { Definition, Expr, ExprOf } from '../expr/expr.js';
import { callsIn, children, equals, replaceEvery, substitute, sym } from '../expr/expr.js';
import { isBuiltin } from '../expr/functions.js';
import { hasSymbol, KIND_BIT, shapeOf } from '../expr/shape.js';
import { toText } from '../expr/text.js';
import { approxText, valueText, type Message } from './derivation.js';
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

/** Whether `e` is a number as a reader takes one in (1/100, 2·log(2)): no variable, no case, no function that is itself piecewise or defined. */
function closedForm(e: Expr): boolean {
  if (hasSymbol(e) || (shapeOf(e).kinds & (KIND_BIT.cond | KIND_BIT.cmp)) !== 0) return false;
  return callsIn(e).every((call) => isBuiltin(call.name) && !PIECEWISE.has(call.name));
}

const PIECEWISE: ReadonlySet<string> = new Set(['max', 'min', 'sign', 'abs']);

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
    // Each one-sided derivative is the derivative's limit from that side, read numerically: another
    // piecewise part of it (heaviside(x) in x·heaviside(x)) may change at the same point. It is
    // written exactly where the case's own value at b, simplified, is that number.
    const yesIsLeft = test.op === '<' || test.op === '<=';
    const limit = (side: number): number => evaluate(result, { values: new Map([[x, b + side * 1e-7 * Math.max(1, Math.abs(b))]]), definitions: settings.definitions });
    const [fromLeft, fromRight] = [limit(-1), limit(1)];
    if (!Number.isFinite(fromLeft) || !Number.isFinite(fromRight)) continue;
    const shown = (branch: Expr, limitValue: number): string => {
      const exact = settings.simplify(substitute(replaceEvery(result, part, branch), new Map([[x, at]]))).result;
      return closedForm(exact) && Math.abs(value(exact) - limitValue) <= 1e-5 * Math.max(1, Math.abs(limitValue)) ? valueText(exact) : approxText(limitValue);
    };
    const [left, right] = [shown(yesIsLeft ? part.yes : part.no, fromLeft), shown(yesIsLeft ? part.no : part.yes, fromRight)];
    if (Math.abs(fromLeft - fromRight) <= 1e-5 * Math.max(1, Math.abs(fromLeft), Math.abs(fromRight))) {
      boundaries.push({ at, differentiable: true, message: { text: 'Differentiable at {point}: the derivative from either side is {v}', values: { point, v: left } } });
    } else {
      boundaries.push({ at, differentiable: false, message: { text: 'Not differentiable at {point}: the derivative from the left is {l}, from the right {r}', values: { point, l: left, r: right } } });
    }
  }
  return boundaries;
}
