// Maps keyed by structure rather than identity: two equal expressions are the same key. Lookups go
// by the hash kept with each node and confirm with a structural comparison, so grouping terms or
// factors never builds a string for a subtree (a string key of every node costs size × depth).

import type { Expr } from './expr.js';
import { equals } from './expr.js';
import { hashOf } from './shape.js';

/** A map in insertion order, keyed by any value with a hash and an equality. */
export class HashMap<K, V> {
  private readonly buckets = new Map<number, number[]>();
  private readonly keyList: K[] = [];
  private readonly valueList: V[] = [];

  constructor(
    private readonly hash: (k: K) => number,
    private readonly same: (a: K, b: K) => boolean,
  ) {}

  private indexOf(k: K, h: number): number {
    const bucket = this.buckets.get(h);
    if (bucket !== undefined) for (const i of bucket) if (this.same(this.keyList[i]!, k)) return i;
    return -1;
  }

  /** The number of keys. */
  get size(): number {
    return this.keyList.length;
  }

  /** The value kept under a key equal to `k`. */
  get(k: K): V | undefined {
    const i = this.indexOf(k, this.hash(k));
    return i < 0 ? undefined : this.valueList[i];
  }

  /** Whether a key equal to `k` is present. */
  has(k: K): boolean {
    return this.indexOf(k, this.hash(k)) >= 0;
  }

  /** Sets the value under `k`; a key equal to `k` keeps its place (and its first spelling). */
  set(k: K, v: V): this {
    const h = this.hash(k);
    const i = this.indexOf(k, h);
    if (i >= 0) {
      this.valueList[i] = v;
      return this;
    }
    const bucket = this.buckets.get(h);
    if (bucket === undefined) this.buckets.set(h, [this.keyList.length]);
    else bucket.push(this.keyList.length);
    this.keyList.push(k);
    this.valueList.push(v);
    return this;
  }

  /** The values in insertion order. */
  values(): readonly V[] {
    return this.valueList;
  }

  /** The keys in insertion order. */
  keys(): readonly K[] {
    return this.keyList;
  }
}

/** A map keyed by expressions up to structural equality. */
export const exprMap = <V>(): HashMap<Expr, V> => new HashMap<Expr, V>(hashOf, equals);

/** A set of expressions up to structural equality. */
export function exprSet(items: Iterable<Expr> = []): HashMap<Expr, true> {
  const set = exprMap<true>();
  for (const e of items) set.set(e, true);
  return set;
}
