// Facts about a subtree gathered bottom-up: its size, its printed cost, the kinds of node it
// contains, how it is written (0, signs on its product, collected form), and a structural hash.
// They are computed once, when a node is built, and kept on the node under a symbol, so checking a
// growing expression or searching it for work never walks a subtree twice.

import type { Expr } from './types.js';
import { childAt, childCount } from './children.js';
import { isTerminating } from './precedence.js';

/** What a subtree holds and costs, and the simplifier's memo slot (not part of its value). */
export interface Shape extends Memo {
  /** The size of the subtree as its printed text parses: −3 is two nodes, 1/3 three, ln 2 one. */
  readonly cost: number;
  readonly nodes: number;
  /** The kinds of node that occur in it, as `KIND_BIT`s: a walk for one kind skips subtrees without it. */
  readonly kinds: number;
  /** How it is written, as `WRITTEN_ZERO`, `SIGN_FREE` and `COLLECTED` bits. */
  readonly written: number;
  /** Equal subtrees have equal hashes (unequal ones almost always differ). */
  readonly hash: number;
  /**
   * A bit for each name the subtree holds (its symbols, and the variables of its derivatives), by a
   * hash of the name: a clear bit says no such name is there, without a walk.
   */
  readonly names: number;
  /** The subtree in collected form (see rules/algebra/collect.ts), once asked for: it depends on the subtree alone. */
  collectedForm: Expr | undefined;
}

/**
 * A scratch slot for the simplifier: which of its rules are known not to fire anywhere in the
 * subtree, and which of its strategies fail there. Those facts depend only on the subtree and
 * the run's rules, so they are valid for the run that wrote them (`memoOwner`) and are ignored by
 * any other.
 */
export interface Memo {
  memoOwner: object | undefined;
  memoClean: number;
  /** The strategies (by the run's index, as bits) known to fail at this node. */
  memoFailed: number;
}

/** Where a node built by the builders keeps its shape; not one of the node's fields. */
export const SHAPE: unique symbol = Symbol('shape');

type Shaped = { readonly [SHAPE]?: Shape };

// Nodes a caller wrote as plain objects carry no shape: theirs is computed on demand and kept here.
const computed = new WeakMap<Expr, Shape>();

const KIND_SEED: Readonly<Record<Expr['kind'], number>> = { num: 1, sym: 2, const: 3, add: 4, sub: 5, mul: 6, div: 7, pow: 8, neg: 9, fn: 10, d: 11, eq: 12, cmp: 13, cond: 14 };

/** One bit per kind of node. */
export const KIND_BIT: Readonly<Record<Expr['kind'], number>> = Object.freeze({
  num: 1, sym: 2, const: 4, add: 8, sub: 16, mul: 32, div: 64, pow: 128, neg: 256, fn: 512, d: 1024, eq: 2048, cmp: 4096, cond: 8192,
});

const ALL_KINDS = Object.values(KIND_BIT).reduce((all, bit) => all | bit, 0);

/** The bits of `kinds` (every kind when absent). */
export function kindBits(kinds: readonly Expr['kind'][] | undefined): number {
  if (kinds === undefined) return ALL_KINDS;
  let bits = 0;
  for (let i = 0; i < kinds.length; i++) bits |= KIND_BIT[kinds[i]!];
  return bits;
}

// A derivative stands for a function of its variable: it counts as a symbol.
const SYMBOLIC = KIND_BIT.sym | KIND_BIT.d;

/** Whether a symbol or a derivative occurs in `e`. */
export const hasSymbol = (e: Expr): boolean => (shapeOf(e).kinds & SYMBOLIC) !== 0;
/** Whether an inert derivative occurs in `e` (so searching for one skips finished subtrees). */
export const hasDerivative = (e: Expr): boolean => (shapeOf(e).kinds & KIND_BIT.d) !== 0;
/** Whether a function call occurs in `e`. */
export const hasCall = (e: Expr): boolean => (shapeOf(e).kinds & KIND_BIT.fn) !== 0;

// Facts about how a node is written, read by rules that look at every term of every new sum (and
// by collect at every part's result): kept here, they are found from the children's facts instead
// of a walk down each term.

/** 0 as written: 0, a product with a factor 0, 0/u, −0. */
export const WRITTEN_ZERO = 1;
/** No negation, negative number or one-factor product on the product/quotient spine. */
export const SIGN_FREE = 2;

/**
 * In collected form: no 0 term, no factor 0, 1 or −1, no negated factor, no −(−u) or −(negative
 * number), no u/1, u^1 or u^0, anywhere (what the collect step tidies away).
 */
export const COLLECTED = 4;

/** Whether `e` is 0 as written (a product with a factor 0 is, x − x is not). */
export const isWrittenZero = (e: Expr): boolean => (shapeOf(e).written & WRITTEN_ZERO) !== 0;
/** Whether no sign sits on the product/quotient spine of `e`: a rule moving signs out leaves it as it is. */
export const isSignFree = (e: Expr): boolean => (shapeOf(e).written & SIGN_FREE) !== 0;
/** Whether `e` is in collected form (see COLLECTED). */
export const isCollected = (e: Expr): boolean => (shapeOf(e).written & COLLECTED) !== 0;

// expr.ts's isNum, which cannot be imported here: expr.ts builds its constant nodes through this module as it loads.
const isLiteral = (e: Expr, n: bigint): boolean => e.kind === 'num' && e.value.den === 1n && e.value.num === n;

/** Whether the node itself is in collected form (its children are judged by their own shapes). */
function collectedHere(e: Expr): boolean {
  // Asked of every node built: indexed loops, no closures.
  switch (e.kind) {
    case 'add':
      if (e.terms.length < 2) return false;
      for (let i = 0; i < e.terms.length; i++) if (isLiteral(e.terms[i]!, 0n)) return false;
      return true;
    case 'sub': return !isLiteral(e.left, 0n) && !isLiteral(e.right, 0n);
    case 'neg': return e.arg.kind !== 'neg' && !(e.arg.kind === 'num' && e.arg.value.num <= 0n);
    case 'mul':
      for (let i = 0; i < e.factors.length; i++) {
        const f = e.factors[i]!;
        if (f.kind === 'neg' || isLiteral(f, 0n) || isLiteral(f, 1n) || isLiteral(f, -1n)) return false;
      }
      return true;
    case 'div': return !isLiteral(e.den, 1n);
    case 'pow': return !isLiteral(e.exp, 1n) && !isLiteral(e.exp, 0n);
    default: return true;
  }
}

/** A 32-bit mix of a running hash with a value (murmur3's finaliser): cheap, spreads small differences. */
export function mix(h: number, v: number): number {
  let x = Math.imul(h ^ v, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
}

function mixText(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = mix(h, text.charCodeAt(i));
  return mix(h, text.length);
}

/**
 * Mixes in n's low and high 32 bits. A number that fits in 32 bits, as nearly all do, is mixed
 * without BigInt.asIntN and the shift, which allocate: for a polynomial of degree 600 they were
 * 0.4 of the 10 MB its derivation allocated. Its high word is its sign, so the hash is the same.
 */
function mixBig(h: number, n: bigint): number {
  if (n >= -0x80000000n && n < 0x80000000n) return mix(mix(h, Number(n)), n < 0n ? -1 : 0);
  return mix(mix(h, Number(BigInt.asIntN(32, n))), Number(BigInt.asIntN(32, n >> 32n)));
}

/** The bit of `names` that stands for `name`. */
const nameBit = (name: string): number => 1 << ((mixText(0, name) >>> 0) % 30);

/** Whether the name `name` (a symbol, or the variable of a derivative) may occur in `e`: false is certain. */
export const mayHoldName = (e: Expr, name: string): boolean => (shapeOf(e).names & nameBit(name)) !== 0;

/**
 * `e` in collected form, as `tidy` finds it: worked out once per node and kept with its shape. The
 * chain, product and quotient rules copy a body's parts into their templates, so each part of the
 * input sits in the result of every sub-derivation above it; a part not in collected form (x^1) was
 * tidied again at each of those levels.
 */
export function collectedForm(e: Expr, tidy: (e: Expr) => Expr): Expr {
  const shape = shapeOf(e);
  return (shape.collectedForm ??= tidy(e));
}

/** The hash of a node's own data (its kind, name, value, bound variable), before its children. */
function ownHash(e: Expr): number {
  const h = KIND_SEED[e.kind];
  switch (e.kind) {
    case 'num': return mixBig(mixBig(h, e.value.num), e.value.den);
    case 'sym': case 'const': return mixText(h, e.name);
    case 'fn': return mix(mixText(h, e.name), e.primes);
    case 'd': return mix(mixText(h, e.wrt), e.at === undefined ? 0 : 1);
    case 'cmp': return mixText(h, e.op);
    default: return h;
  }
}

// Hashes are kept to 30 bits: V8 stores such integers in the object itself, not boxed.
const SMALL = 0x3fffffff;

/** The shape of `e`, from its children's shapes. */
export function shapeFrom(e: Expr): Shape {
  let cost = 0;
  let nodes = 1;
  let kinds = KIND_BIT[e.kind];
  let hash = ownHash(e);
  let names = e.kind === 'sym' ? nameBit(e.name) : e.kind === 'd' ? nameBit(e.wrt) : 0;
  // A zero among the children, a sign on none of them, and the first child's facts.
  let zeroAny = 0;
  let signAll = SIGN_FREE;
  let collectedAll = COLLECTED;
  let first = 0;
  // Every node built asks this: its children are read in place, without a list for a binary node.
  const count = childCount(e);
  for (let i = 0; i < count; i++) {
    const s = shapeOf(childAt(e, i));
    cost += s.cost;
    nodes += s.nodes;
    kinds |= s.kinds;
    names |= s.names;
    hash = mix(hash, s.hash);
    zeroAny |= s.written & WRITTEN_ZERO;
    signAll &= s.written;
    collectedAll &= s.written;
    if (i === 0) first = s.written;
  }
  let written: number;
  switch (e.kind) {
    case 'num': written = (e.value.num === 0n ? WRITTEN_ZERO : 0) | (e.value.num >= 0n ? SIGN_FREE : 0); break;
    case 'neg': written = zeroAny; break;
    case 'mul': written = zeroAny | (count >= 2 ? signAll & SIGN_FREE : 0); break;
    case 'div': written = (first & WRITTEN_ZERO) | (signAll & SIGN_FREE); break;
    default: written = SIGN_FREE;
  }
  if (collectedAll !== 0 && collectedHere(e)) written |= COLLECTED;
  if (e.kind === 'num') cost = (e.value.num < 0n ? 1 : 0) + (isTerminating(e.value.den) ? 1 : 3);
  // A constant such as ln 2 counts as one node, as a numeric library would print it as one number.
  else if ((kinds & SYMBOLIC) === 0 && (kinds & KIND_BIT.fn) !== 0) cost = 1;
  // a + b + c parses as two binary nodes; a call is its node and its name.
  else cost += e.kind === 'add' || e.kind === 'mul' ? count - 1 : e.kind === 'fn' ? 2 : 1;
  return { cost, nodes, kinds, written, hash: mix(hash, count) & SMALL, names, collectedForm: undefined, memoOwner: undefined, memoClean: 0, memoFailed: 0 };
}

/** The shape of `e` (kept on the node, or computed once for a node written as a plain object). */
export function shapeOf(e: Expr): Shape {
  const kept = (e as Shaped)[SHAPE];
  if (kept !== undefined) return kept;
  let shape = computed.get(e);
  if (shape === undefined) {
    shape = shapeFrom(e);
    computed.set(e, shape);
  }
  return shape;
}

/** The structural hash of `e`: equal expressions hash alike. */
export const hashOf = (e: Expr): number => shapeOf(e).hash;
