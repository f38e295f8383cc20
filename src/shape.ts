// Facts about a subtree gathered bottom-up: its size, its printed cost and what it contains. They
// are computed once, when a node is built, and kept on the node under a symbol, so checking a
// growing expression or searching it for work never walks a subtree twice.

import type { Expr } from './expr.js';
import { children } from './children.js';
import { isTerminating } from './precedence.js';

/** What a subtree holds and costs. */
export interface Shape {
  /** The size of the subtree as its printed text parses: −3 is two nodes, 1/3 three, ln 2 one. */
  readonly cost: number;
  readonly nodes: number;
  /** Whether a symbol (or a derivative) occurs in it. */
  readonly symbol: boolean;
  /** Whether a function call occurs in it. */
  readonly call: boolean;
  /** Whether an inert derivative d(…) occurs in it. */
  readonly derivative: boolean;
}

/** Where a node built by the builders keeps its shape; not one of the node's fields. */
export const SHAPE: unique symbol = Symbol('shape');

type Shaped = { readonly [SHAPE]?: Shape };

// Nodes a caller wrote as plain objects carry no shape: theirs is computed on demand and kept here.
const computed = new WeakMap<Expr, Shape>();

/** The shape of `e`, given the node's children. */
export function shapeFrom(e: Expr, kids: readonly Expr[]): Shape {
  let cost = 0;
  let nodes = 1;
  let symbol = e.kind === 'sym' || e.kind === 'd';
  let call = e.kind === 'fn';
  let derivative = e.kind === 'd';
  for (const k of kids) {
    const s = shapeOf(k);
    cost += s.cost;
    nodes += s.nodes;
    symbol ||= s.symbol;
    call ||= s.call;
    derivative ||= s.derivative;
  }
  if (e.kind === 'num') cost = (e.value.num < 0n ? 1 : 0) + (isTerminating(e.value.den) ? 1 : 3);
  // A constant such as ln 2 counts as one node, as a numeric library would print it as one number.
  else if (!symbol && call) cost = 1;
  // a + b + c parses as two binary nodes; a call is its node and its name.
  else cost += e.kind === 'add' || e.kind === 'mul' ? kids.length - 1 : e.kind === 'fn' ? 2 : 1;
  return { cost, nodes, symbol, call, derivative };
}

/** The shape of `e` (kept on the node, or computed once for a node written as a plain object). */
export function shapeOf(e: Expr): Shape {
  const kept = (e as Shaped)[SHAPE];
  if (kept !== undefined) return kept;
  let shape = computed.get(e);
  if (shape === undefined) {
    shape = shapeFrom(e, children(e));
    computed.set(e, shape);
  }
  return shape;
}
