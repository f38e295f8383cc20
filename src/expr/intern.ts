// Hash-consing for one simplification run: structurally equal subtrees become one object. The
// simplifier memoises by node (which rules fire nowhere in a subtree, what a rule or strategy gave
// there), so a subtree that occurs in many places (the chain and product rules copy their
// arguments, and rewriting one copy made a new object per place) is then looked at once, not once
// per copy: on a random 10,000-node tree the raw derivative held 47,000 node objects but only
// 12,000 distinct subtrees.

import type { Expr } from './expr.js';
import { childAt, childCount, children, equals, withChildren } from './expr.js';
import { hashOf } from './shape.js';

/** A set of subtrees known to have some property (a WeakSet is one). */
export interface NodeSet {
  has(e: Expr): boolean;
  add(e: Expr): unknown;
}

/** A table of canonical nodes: one object kept for each distinct subtree the run has met. */
export class Interner {
  /** Canonical nodes by hash: one node, or the few that share a hash. */
  private readonly table = new Map<number, Expr | Expr[]>();
  /** Nodes met that are not canonical, and the canonical node equal to each. */
  private readonly copies = new Map<Expr, Expr>();

  constructor(
    /** Marks the canonical nodes (a bit of the run's memo slot is cheaper to ask than a map). */
    private readonly canonical: NodeSet,
  ) {}

  /** The canonical node equal to `e` (`e` itself when it is the first of its kind met). */
  intern(e: Expr): Expr {
    if (this.canonical.has(e)) return e;
    const known = this.copies.get(e);
    if (known !== undefined) return known;
    let kids: Expr[] | undefined;
    for (let i = 0, n = childCount(e); i < n; i++) {
      const kid = childAt(e, i);
      const shared = this.intern(kid);
      if (shared !== kid) (kids ??= children(e).slice())[i] = shared;
    }
    const found = this.internNode(kids === undefined ? e : withChildren(e, kids));
    if (found !== e) this.copies.set(e, found);
    return found;
  }

  /** The canonical node equal to `e`, whose children are canonical already (a node rebuilt from them). */
  internNode(e: Expr): Expr {
    // Equal nodes with canonical children have identical children: equals compares each child by
    // identity first and does not descend.
    const h = hashOf(e);
    const held = this.table.get(h);
    if (held === undefined) this.table.set(h, e);
    else if (!Array.isArray(held)) {
      if (equals(held, e)) return held;
      this.table.set(h, [held, e]);
    } else {
      for (const other of held) if (equals(other, e)) return other;
      held.push(e);
    }
    this.canonical.add(e);
    return e;
  }
}
