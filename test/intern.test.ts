// Hash-consing in the simplifier: equal subtrees become one object (so a memo kept for one holds
// for every place it occurs), unequal ones never merge, and results keep their values.

import { describe, expect, it } from 'vitest';
import type { Expr } from '../src/expr/expr.js';
import { add, children, equals, fn, mul, num, pow, sym } from '../src/expr/expr.js';
import { hashOf } from '../src/expr/shape.js';
import { Interner } from '../src/expr/intern.js';
import { derive } from '../src/index.js';
import { CORPUS } from './corpus.js';

const x = sym('x');
const interner = (): Interner => new Interner(new WeakSet<Expr>());

/** How many node objects in `e` equal another object met before them (0 when every subtree is one object). */
function unsharedCopies(e: Expr): number {
  const byHash = new Map<number, Expr[]>();
  const seen = new Set<Expr>();
  const stack = [e];
  let copies = 0;
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    const bucket = byHash.get(hashOf(node)) ?? [];
    if (bucket.some((other) => equals(other, node))) copies++;
    bucket.push(node);
    byHash.set(hashOf(node), bucket);
    stack.push(...children(node));
  }
  return copies;
}

describe('Interner', () => {
  it('makes equal subtrees one object, built apart or met again', () => {
    const table = interner();
    const square = () => pow(add(x, num(1)), num(2));
    const e = table.intern(mul(fn('sin', [square()]), fn('cos', [square()])));
    const [sin, cos] = children(e);
    expect(children(sin!)[0]).toBe(children(cos!)[0]);
    expect(table.intern(square())).toBe(children(sin!)[0]);
    expect(table.intern(e)).toBe(e);
    expect(unsharedCopies(e)).toBe(0);
  });

  it('keeps the value and tells unequal subtrees apart', () => {
    const table = interner();
    const a = add(mul(num(2), x), num(1));
    const b = add(mul(num(2), x), num(2));
    const ia = table.intern(a);
    const ib = table.intern(b);
    expect(equals(ia, a)).toBe(true);
    expect(equals(ib, b)).toBe(true);
    expect(ia).not.toBe(ib);
    expect(children(ia)[0]).toBe(children(ib)[0]);
  });

  it('keeps nodes whose hashes collide apart, and finds each again', () => {
    // 8685 and 24420 hash alike (found by search): the second goes into a bucket beside the first.
    expect(hashOf(num(8685))).toBe(hashOf(num(24420)));
    const table = interner();
    const first = table.intern(num(8685));
    const second = table.intern(num(24420));
    expect(second).not.toBe(first);
    expect(table.intern(num(24420))).toBe(second);
    expect(table.intern(num(8685))).toBe(first);
    expect(table.internNode(num(24420))).toBe(second);
  });
});

describe('simplified results', () => {
  it('hold each distinct subtree once, for every corpus input', () => {
    for (const { input, options } of CORPUS.filter((c) => c.options?.simplify !== false)) {
      const d = derive(input, options);
      expect(unsharedCopies(d.result), input).toBe(0);
    }
  });

  it('are shared where the raw derivative copies a subtree', () => {
    // The chain rule copies sin's argument into cos(…), and the product rule copies both factors.
    const d = derive('sin(x^2 + 1) * cos(x^2 + 1)');
    expect(unsharedCopies(d.result)).toBe(0);
    expect(unsharedCopies(derive('sin(x^2 + 1) * cos(x^2 + 1)', { simplify: false }).result)).toBeGreaterThan(0);
  });
});
