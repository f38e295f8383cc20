// Maps keyed by structure rather than identity: two equal expressions are the same key. Lookups go
// by the hash kept with each node and confirm with a structural comparison, so grouping terms or
// factors never builds a string for a subtree (a string key of every node costs size × depth).

import type { Expr } from './expr.js';
import { equals } from './expr.js';
import { hashOf } from './shape.js';

/** Up to this many keys a map is searched by its list of hashes; beyond, through buckets. */
const SCAN_LIMIT = 8;

/** A map in insertion order, keyed by any value with a hash and an equality. */
export class HashMap<K, V> {
  // Most maps rules build hold a few keys (a term's factors): a scan of their hashes is cheaper
  // than creating and filling a Map, which is made only once there are more.
  private buckets: Map<number, number[]> | undefined;
  private readonly hashList: number[] = [];
  private readonly keyList: K[] = [];
  private readonly valueList: V[] = [];

  constructor(
    private readonly hash: (k: K) => number,
    private readonly same: (a: K, b: K) => boolean,
  ) {}

  private indexOf(k: K, h: number): number {
    if (this.buckets === undefined) {
      for (let i = 0; i < this.hashList.length; i++) if (this.hashList[i] === h && this.same(this.keyList[i]!, k)) return i;
      return -1;
    }
    const bucket = this.buckets.get(h);
    if (bucket !== undefined) for (let j = 0; j < bucket.length; j++) if (this.same(this.keyList[bucket[j]!]!, k)) return bucket[j]!;
    return -1;
  }

  private addToBucket(h: number, i: number): void {
    const bucket = this.buckets!.get(h);
    if (bucket === undefined) this.buckets!.set(h, [i]);
    else bucket.push(i);
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
    this.hashList.push(h);
    this.keyList.push(k);
    this.valueList.push(v);
    if (this.buckets !== undefined) this.addToBucket(h, this.keyList.length - 1);
    else if (this.keyList.length > SCAN_LIMIT) {
      this.buckets = new Map();
      this.hashList.forEach((hash, at) => this.addToBucket(hash, at));
    }
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
