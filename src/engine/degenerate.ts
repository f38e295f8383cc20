// Input that has no value to differentiate: a division by something that is zero (1/(x − x), x/0,
// 1/log(1)), a logarithm of zero, 0^x, a constant outside the real domain (log(−1), sqrt(−4)). The
// rules would carry each through (the derivative of 1/(x − x) came out 0, 0/0 dropped as a zero
// term), so the input is refused before they fire, naming the part.

import type { Definition, Expr } from '../expr/expr.js';
import { children, freeSymbols } from '../expr/expr.js';
import { BUILTINS } from '../expr/functions.js';
import { toText } from '../expr/text.js';
import { evaluate, type Environment } from './evaluate.js';

/** Why an input has no value: the error code, the part of the input at fault and a sentence. */
export interface Degenerate {
  readonly code: 'division-by-zero' | 'undefined-value';
  /** The node at fault (a division, a power, a call), to point at in the input. */
  readonly node: Expr;
  readonly message: string;
}

const LOGARITHMS: ReadonlySet<string> = new Set(['log', 'ln', 'log2', 'log10']);

// Where a symbol-dependent divisor is sampled: three points, shifted per symbol so that x − y is
// not zero by accident. An identically zero divisor is zero at all of them; the simplifier confirms.
const SAMPLES = [0.5, 1.7, 2.9];

/** Whether `e` has a value that depends on nothing: no symbol, no undefined function, no derivative. */
function isConstant(e: Expr, definitions: ReadonlyMap<string, Definition>, memo: Map<Expr, boolean>): boolean {
  const known = memo.get(e);
  if (known !== undefined) return known;
  let constant: boolean;
  if (e.kind === 'sym' || e.kind === 'd') constant = false;
  else if (e.kind === 'fn' && (e.primes > 0 || !(BUILTINS.has(e.name) || definitions.has(e.name)))) constant = false;
  else constant = children(e).every((k) => isConstant(k, definitions, memo));
  memo.set(e, constant);
  return constant;
}

/** The children of `e` that must not be zero for `e` to have a value. */
function mustNotBeZero(e: Expr): Expr[] {
  if (e.kind === 'div') return [e.den];
  if (e.kind === 'fn' && e.primes === 0 && LOGARITHMS.has(e.name)) return [e.args[0]!];
  return [];
}

/** The fault of `node` (a division or a logarithm) whose `part` that must not be zero is zero, `why` said after it. */
function zeroPart(node: Expr, part: Expr, why: string): Degenerate {
  const division = node.kind === 'div';
  return { code: division ? 'division-by-zero' : 'undefined-value', node, message: `${division ? 'Division by zero' : `${toText(node)} is undefined`}${why}.` };
}

/** The fault of a node whose children all have values (constant ones given by `value`), if it has one. */
function faultAt(e: Expr, value: (e: Expr) => number | undefined): Degenerate | undefined {
  const own = value(e);
  for (const part of mustNotBeZero(e)) {
    if (value(part) === 0) return zeroPart(e, part, part.kind === 'num' ? '' : `: ${toText(part)} is 0`);
  }
  if (e.kind === 'pow' && value(e.base) === 0) {
    const exponent = value(e.exp);
    if (exponent === undefined) {
      return { code: 'undefined-value', node: e, message: `${toText(e)} is 0 only where ${toText(e.exp)} > 0 and has no value elsewhere; write 0 instead.` };
    }
    if (exponent < 0) return { code: 'division-by-zero', node: e, message: `Division by zero: ${toText(e)} is 1 / 0^${-exponent}.` };
  }
  // A constant with no real value whose parts all have one (overflow to ±Infinity is not this).
  if (own !== undefined && Number.isNaN(own) && children(e).every((k) => !Number.isNaN(value(k) ?? 0))) {
    return { code: 'undefined-value', node: e, message: `${toText(e)} has no real value.` };
  }
  return undefined;
}

/**
 * The first part of `e` (in pre-order, innermost fault first) that has no value: a constant
 * division by zero, logarithm of zero or value outside the reals, 0^u, or a division by an
 * expression `isZero` proves identically zero. Undefined when every part has a value somewhere.
 */
export function degeneratePart(e: Expr, definitions: ReadonlyMap<string, Definition>, isZero: (e: Expr) => boolean): Degenerate | undefined {
  const constants = new Map<Expr, boolean>();
  const values = new Map<Expr, number>();
  const env: Environment = { values: new Map(), definitions };
  const value = (node: Expr): number | undefined => {
    if (!isConstant(node, definitions, constants)) return undefined;
    let v = values.get(node);
    if (v === undefined) {
      v = evaluate(node, env);
      values.set(node, v);
    }
    return v;
  };
  // Post-order over distinct nodes: a fault is reported at the innermost node that has it.
  const done = new Set<Expr>();
  const stack: Array<[Expr, boolean]> = [[e, false]];
  while (stack.length > 0) {
    const [node, expanded] = stack.pop()!;
    if (done.has(node)) continue;
    if (!expanded) {
      stack.push([node, true]);
      const kids = children(node);
      for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, false]);
      continue;
    }
    done.add(node);
    const fault = faultAt(node, value) ?? zeroDivisor(node, definitions, isZero);
    if (fault !== undefined) return fault;
  }
  return undefined;
}

/** A division (or logarithm) of `node` by a symbol-dependent part that is zero everywhere. */
function zeroDivisor(node: Expr, definitions: ReadonlyMap<string, Definition>, isZero: (e: Expr) => boolean): Degenerate | undefined {
  for (const part of mustNotBeZero(node)) {
    if (looksZero(part, definitions) && isZero(part)) return zeroPart(node, part, `: ${toText(part)} is 0 for every value of its variables`);
  }
  return undefined;
}

/** Whether `e`, which depends on some symbol, is (numerically) zero at every sample point where it has a value. */
function looksZero(e: Expr, definitions: ReadonlyMap<string, Definition>): boolean {
  const symbols = freeSymbols(e);
  if (symbols.length === 0) return false;
  let finite = 0;
  for (const at of SAMPLES) {
    const values = new Map(symbols.map((name, i) => [name, at + 0.31 * i]));
    const v = evaluate(e, { values, definitions });
    if (Number.isNaN(v)) continue;
    if (Math.abs(v) > 1e-9) return false;
    finite++;
  }
  return finite > 0;
}
