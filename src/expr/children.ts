// A node's children, on their own so that modules expr.ts builds on can walk nodes too.

import type { Expr } from './types.js';

// Leaves share one empty list: walks ask every node for its children.
const NONE: readonly Expr[] = Object.freeze([]);

/** The children of a node, in reading order. */
export function children(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'num': case 'sym': case 'const': return NONE;
    case 'add': return e.terms;
    case 'mul': return e.factors;
    case 'sub': case 'eq': case 'cmp': return [e.left, e.right];
    case 'cond': return [e.test, e.yes, e.no];
    case 'div': return [e.num, e.den];
    case 'pow': return [e.base, e.exp];
    case 'neg': return [e.arg];
    case 'fn': return e.args;
    case 'd': return e.at === undefined ? [e.body] : [e.body, e.at];
  }
}

/** How many children `e` has (as `children(e).length`, without building the list). */
export function childCount(e: Expr): number {
  switch (e.kind) {
    case 'num': case 'sym': case 'const': return 0;
    case 'add': return e.terms.length;
    case 'mul': return e.factors.length;
    case 'sub': case 'div': case 'pow': case 'eq': case 'cmp': return 2;
    case 'cond': return 3;
    case 'neg': return 1;
    case 'fn': return e.args.length;
    case 'd': return e.at === undefined ? 1 : 2;
  }
}

/** The child of `e` at `i` (as `children(e)[i]`): walks over millions of new nodes ask it without a list per node. */
export function childAt(e: Expr, i: number): Expr {
  switch (e.kind) {
    case 'num': case 'sym': case 'const': throw new RangeError('a leaf has no children');
    case 'add': return e.terms[i]!;
    case 'mul': return e.factors[i]!;
    case 'sub': case 'eq': case 'cmp': return i === 0 ? e.left : e.right;
    case 'cond': return i === 0 ? e.test : i === 1 ? e.yes : e.no;
    case 'div': return i === 0 ? e.num : e.den;
    case 'pow': return i === 0 ? e.base : e.exp;
    case 'neg': return e.arg;
    case 'fn': return e.args[i]!;
    case 'd': return i === 0 ? e.body : e.at!;
  }
}
