// A node's children, on their own so that modules expr.ts builds on can walk nodes too.

import type { Expr } from './expr.js';

// Leaves share one empty list: walks ask every node for its children.
const NONE: readonly Expr[] = Object.freeze([]);

/** The children of a node, in reading order. */
export function children(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'num': case 'sym': case 'const': return NONE;
    case 'add': return e.terms;
    case 'mul': return e.factors;
    case 'sub': return [e.left, e.right];
    case 'div': return [e.num, e.den];
    case 'pow': return [e.base, e.exp];
    case 'neg': return [e.arg];
    case 'fn': return e.args;
    case 'd': return e.at === undefined ? [e.body] : [e.body, e.at];
  }
}
