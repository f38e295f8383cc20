// The bottom layer, the expression core (src/expr/): the `Expr` union and its builders, structural
// facts (shape, hashing, maps keyed by structure), exact rationals, the function table, interning,
// the typed errors, and the expression printers (text, LaTeX). It imports no other layer and no
// package; src/parse, src/engine, rules/ and src/present build on it, in that order (the layers
// and what each may import are checked by test/layers.test.ts).
//
// This module: the builders and structural operations of Expr, an immutable discriminated union
// that keeps the user's form (a quotient stays a `div`, a difference a `sub`, `-x` a `neg`); every
// node is frozen once built and never mutated.

import { type Rational, rational, ONE, ZERO, eqQ } from './rational.js';
import { childAt, childCount, children } from './children.js';
import { KIND_BIT, SHAPE, hasCall, hasSymbol, hashOf, shapeFrom, shapeOf, type Shape } from './shape.js';
import { toText } from './text.js';
import type { Comparison, ConstantName, Definition, Expr, ExprOf, Kind, Path } from './types.js';

export { childAt, childCount, children };
export type { Comparison, ConstantName, Definition, Expr, ExprOf, Kind, Path } from './types.js';

// Node's prints itself the way the library does: String(e) and `${e}` give the text form, and so
// do JSON.stringify (a BigInt inside would make it throw) and console.log (which showed every
// field of every kind, most of them undefined).
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * A node under construction: every field of every kind, those of other kinds left undefined.
 *
 * Every node has every field, in this order, from this one constructor: V8 then gives all nodes one
 * hidden class, and the engine's reads of a node's kind, shape and children are monomorphic. With a
 * layout per kind they were megamorphic, served from V8's process-wide stub cache, which any other
 * library's work evicts: interleaved with mathjs.derivative, as the bench runs it, sigmoid's
 * derivation took 0.46–0.48 ms rather than 0.38–0.44 ms. The shape's slot is named here too, so V8
 * keeps it inside the object rather than in a separate property store.
 */
class Blank {
  value: Rational | undefined = undefined;
  name: string | undefined = undefined;
  terms: readonly Expr[] | undefined = undefined;
  left: Expr | undefined = undefined;
  right: Expr | undefined = undefined;
  factors: readonly Expr[] | undefined = undefined;
  num: Expr | undefined = undefined;
  den: Expr | undefined = undefined;
  base: Expr | undefined = undefined;
  exp: Expr | undefined = undefined;
  arg: Expr | undefined = undefined;
  args: readonly Expr[] | undefined = undefined;
  primes: number | undefined = undefined;
  body: Expr | undefined = undefined;
  wrt: string | undefined = undefined;
  at: Expr | undefined = undefined;
  op: Comparison | undefined = undefined;
  test: Expr | undefined = undefined;
  yes: Expr | undefined = undefined;
  no: Expr | undefined = undefined;
  [SHAPE]: Shape | undefined = undefined;

  constructor(readonly kind: Kind) {}

  /** The text form, as toText prints it. */
  toString(): string {
    return toText(this as unknown as Expr);
  }

  /** The text form: JSON holds an expression as the text that parses back to it. */
  toJSON(): string {
    return this.toString();
  }

  [INSPECT](): string {
    return `Expr(${this.toString()})`;
  }
}

const blank = (kind: Kind): Blank => new Blank(kind);

// Every node is shaped (see shape.ts) and frozen as it is built. Its child list is readonly by type
// but not frozen: V8 (Node 20) runs slice, filter, every, some and find on a frozen array 3–16×
// slower than on a plain one, and rules call them on terms and factors all the time (freezing the
// lists made sigmoid's derivation 11% and the degree-600 polynomial's 20% slower). No code keeps a
// list it has given to a builder.
const built = (e: Blank): Expr => {
  const node = e as unknown as Expr;
  e[SHAPE] = shapeFrom(node);
  return Object.freeze(node);
};

/** The exact number n/den (whole numbers, as numbers or bigints), or a Rational. */
export const num = (n: number | bigint | Rational, den: bigint | number = 1n): Expr => {
  const e = blank('num');
  e.value = typeof n === 'object' ? n : rational(BigInt(n), BigInt(den));
  return built(e);
};
export const sym = (name: string): Expr => {
  const e = blank('sym');
  e.name = name;
  return built(e);
};
export const constant = (name: ConstantName): Expr => {
  const e = blank('const');
  e.name = name;
  return built(e);
};
// The list builders keep the array they are given: a rest parameter is a new array already.
const sumOfList = (terms: Expr[]): Expr => {
  const e = blank('add');
  e.terms = terms;
  return built(e);
};
const productOfList = (factors: Expr[]): Expr => {
  const e = blank('mul');
  e.factors = factors;
  return built(e);
};
export const add = (...terms: Expr[]): Expr => sumOfList(terms);
export const sub = (left: Expr, right: Expr): Expr => {
  const e = blank('sub');
  e.left = left;
  e.right = right;
  return built(e);
};
/** The comparison left op right, the test of a piecewise expression. */
export const cmp = (op: Comparison, left: Expr, right: Expr): Expr => {
  const e = blank('cmp');
  e.op = op;
  e.left = left;
  e.right = right;
  return built(e);
};
/** The piecewise expression test ? yes : no. */
export const cond = (test: Expr, yes: Expr, no: Expr): Expr => {
  const e = blank('cond');
  e.test = test;
  e.yes = yes;
  e.no = no;
  return built(e);
};
/** The equation left = right. */
export const eq = (left: Expr, right: Expr): Expr => {
  const e = blank('eq');
  e.left = left;
  e.right = right;
  return built(e);
};
export const mul = (...factors: Expr[]): Expr => productOfList(factors);
export const div = (numerator: Expr, denominator: Expr): Expr => {
  const e = blank('div');
  e.num = numerator;
  e.den = denominator;
  return built(e);
};
export const pow = (base: Expr, exponent: Expr): Expr => {
  const e = blank('pow');
  e.base = base;
  e.exp = exponent;
  return built(e);
};
export const neg = (arg: Expr): Expr => {
  const e = blank('neg');
  e.arg = arg;
  return built(e);
};
export const fn = (name: string, args: Expr[], primes = 0): Expr => {
  const e = blank('fn');
  e.name = name;
  e.args = args;
  e.primes = primes;
  return built(e);
};
/** The inert derivative d/d{wrt}[body]; with `at`, evaluated at {wrt} = at. */
export const d = (body: Expr, wrt: string, at?: Expr): Expr => {
  const e = blank('d');
  e.body = body;
  e.wrt = wrt;
  e.at = at;
  return built(e);
};

/** How many open derivatives by the same variable `e` is, one inside the other: d/dx[d/dx[f]] is 2, f is 0. */
export function derivativeOrder(e: Expr): number {
  let order = 0;
  for (let inner = e; inner.kind === 'd' && inner.at === undefined && (order === 0 || inner.wrt === (e as ExprOf<'d'>).wrt); inner = inner.body) order++;
  return order;
}

export const E = constant('e');
export const zero = num(ZERO);
export const one = num(ONE);
export const two = num(2);

export const isNum = (e: Expr, value?: number): e is ExprOf<'num'> =>
  e.kind === 'num' && (value === undefined || (e.value.den === 1n && e.value.num === BigInt(value)));

/** The same node with new children (same count and order as `children`); the node keeps `kids`, a list of the caller's own. */
export function withChildren(e: Expr, kids: Expr[]): Expr {
  switch (e.kind) {
    case 'num': case 'sym': case 'const': return e;
    case 'add': return sumOfList(kids);
    case 'mul': return productOfList(kids);
    case 'sub': return sub(kids[0]!, kids[1]!);
    case 'div': return div(kids[0]!, kids[1]!);
    case 'pow': return pow(kids[0]!, kids[1]!);
    case 'neg': return neg(kids[0]!);
    case 'fn': return fn(e.name, kids, e.primes);
    case 'd': return d(kids[0]!, e.wrt, kids[1]);
    case 'eq': return eq(kids[0]!, kids[1]!);
    case 'cmp': return cmp(e.op, kids[0]!, kids[1]!);
    case 'cond': return cond(kids[0]!, kids[1]!, kids[2]!);
  }
}

/** `e` with every occurrence of `part` replaced by `by`; a subtree without a node of part's kind is kept as it is, unwalked. */
export function replaceEvery(e: Expr, part: Expr, by: Expr): Expr {
  if (equals(e, part)) return by;
  if ((shapeOf(e).kinds & KIND_BIT[part.kind]) === 0) return e;
  return withChildren(e, children(e).map((k) => replaceEvery(k, part, by)));
}

/** Structural equality. */
export function equals(a: Expr, b: Expr): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind || hashOf(a) !== hashOf(b)) return false;
  switch (a.kind) {
    case 'num': return eqQ(a.value, (b as ExprOf<'num'>).value);
    case 'sym': case 'const': return a.name === (b as ExprOf<'sym'>).name;
    case 'fn': {
      const f = b as ExprOf<'fn'>;
      if (a.name !== f.name || a.primes !== f.primes) return false;
      break;
    }
    case 'd': if (a.wrt !== (b as ExprOf<'d'>).wrt) return false; break;
    case 'cmp': if (a.op !== (b as ExprOf<'cmp'>).op) return false; break;
    default: break;
  }
  const n = childCount(a);
  if (n !== childCount(b)) return false;
  for (let i = 0; i < n; i++) if (!equals(childAt(a, i), childAt(b, i))) return false;
  return true;
}

/** Whether `e` depends on the symbol `x` (a derivative's own bound variable does not count). */
export function dependsOn(e: Expr, x: string): boolean {
  if (!hasSymbol(e)) return false;
  switch (e.kind) {
    case 'sym': return e.name === x;
    case 'd':
      if (e.at !== undefined) return dependsOn(e.at, x) || (e.wrt !== x && dependsOn(e.body, x));
      return dependsOn(e.body, x);
    default:
      // Asked of node after node by the rules: an indexed loop, no child list or closure per call.
      for (let i = 0, n = childCount(e); i < n; i++) if (dependsOn(childAt(e, i), x)) return true;
      return false;
  }
}

/** The free symbols of `e`, in order of first appearance. */
export function freeSymbols(e: Expr): string[] {
  const seen = new Set<string>();
  const visit = (node: Expr, bound: ReadonlySet<string>): void => {
    if (!hasSymbol(node)) return;
    if (node.kind === 'sym') {
      if (!bound.has(node.name)) seen.add(node.name);
      return;
    }
    if (node.kind === 'd' && node.at !== undefined) {
      visit(node.body, new Set([...bound, node.wrt]));
      visit(node.at, bound);
      return;
    }
    for (let i = 0, n = childCount(node); i < n; i++) visit(childAt(node, i), bound);
  };
  visit(e, new Set());
  return [...seen];
}

/** The free symbols of `exprs` and of the definitions' bodies beyond their parameters (a definition's t in σ(z) = …). */
export function variablesOf(exprs: readonly Expr[], definitions: readonly Definition[]): Set<string> {
  return new Set([...exprs.flatMap(freeSymbols), ...definitions.flatMap((def) => freeSymbols(def.body).filter((s) => !def.params.includes(s)))]);
}

/** Replaces every free occurrence of the symbols in `values` (simultaneously). */
export function substitute(e: Expr, values: ReadonlyMap<string, Expr>): Expr {
  if (e.kind === 'sym') return values.get(e.name) ?? e;
  if (e.kind === 'd' && e.at !== undefined && values.has(e.wrt)) {
    const inner = new Map(values);
    inner.delete(e.wrt);
    return d(substitute(e.body, inner), e.wrt, substitute(e.at, values));
  }
  // The new children, copied only once one of them changes: most subtrees hold none of the symbols.
  let next: Expr[] | undefined;
  for (let i = 0, n = childCount(e); i < n; i++) {
    const kid = childAt(e, i);
    const v = substitute(kid, values);
    if (v !== kid) (next ??= children(e).slice())[i] = v;
  }
  return next === undefined ? e : withChildren(e, next);
}

/** The node at `path`. */
export function at(e: Expr, path: Path): Expr {
  let node = e;
  for (const i of path) node = children(node)[i]!;
  return node;
}

/** `e` with the node at `path` replaced by `replacement`. */
export function replaceAt(e: Expr, path: Path, replacement: Expr): Expr {
  if (path.length === 0) return replacement;
  const kids = [...children(e)];
  kids[path[0]!] = replaceAt(kids[path[0]!]!, path.slice(1), replacement);
  return withChildren(e, kids);
}

/** `e` with each node at the given paths replaced, every node on the way rebuilt once (paths disjoint). */
export function replaceMany(e: Expr, replacements: ReadonlyArray<readonly [Path, Expr]>, depth = 0): Expr {
  if (replacements.length === 0) return e;
  const whole = replacements.find(([path]) => path.length === depth);
  if (whole !== undefined) return whole[1];
  const byChild = new Map<number, Array<readonly [Path, Expr]>>();
  for (const r of replacements) {
    const i = r[0][depth]!;
    const group = byChild.get(i);
    if (group === undefined) byChild.set(i, [r]);
    else group.push(r);
  }
  const kids = [...children(e)];
  for (const [i, group] of byChild) kids[i] = replaceMany(kids[i]!, group, depth + 1);
  return withChildren(e, kids);
}

/**
 * The path of the first node (pre-order) that satisfies `test`, or undefined; subtrees for which
 * `enter` is false are not looked into.
 */
export function findPath(e: Expr, test: (node: Expr) => boolean, enter: (node: Expr) => boolean = () => true): Path | undefined {
  // One path stack for the search, copied once when found (not a new array per level on the way up).
  const path: number[] = [];
  const search = (node: Expr): boolean => {
    if (!enter(node)) return false;
    if (test(node)) return true;
    for (let i = 0, n = childCount(node); i < n; i++) {
      path.push(i);
      if (search(childAt(node, i))) return true;
      path.pop();
    }
    return false;
  };
  return search(e) ? path : undefined;
}

/** Every node of `e` in pre-order (iteratively: a recursive generator costs O(depth) per node). */
export function* nodes(e: Expr): Generator<Expr> {
  const stack: Expr[] = [e];
  while (stack.length > 0) {
    const node = stack.pop()!;
    yield node;
    const kids = children(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
}

/** The function calls in `e`, in pre-order; subtrees without a call are not walked. */
export function callsIn(e: Expr): Array<ExprOf<'fn'>> {
  const found: Array<ExprOf<'fn'>> = [];
  const stack: Expr[] = [e];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!hasCall(node)) continue;
    if (node.kind === 'fn') found.push(node);
    const kids = children(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return found;
}

/** Number of nodes in `e`. */
export function size(e: Expr): number {
  let n = 0;
  for (const _ of nodes(e)) n++;
  return n;
}
