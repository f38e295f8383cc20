// Structural maps and hashes: equal expressions are one key however they were built, unequal ones
// never merge, even when their hashes collide.

import { describe, expect, it } from 'vitest';
import { add, mul, num, pow, sym } from '../src/expr/expr.js';
import { exprMap, exprSet, HashMap } from '../src/expr/expr-map.js';
import { likeMap, likeOf, monomialOf, sameLike } from '../src/engine/algebra.js';
import { hashOf } from '../src/expr/shape.js';
import { parseExpression } from '../src/parse/parse.js';

const parse = (text: string) => parseExpression(text).expr;

const x = sym('x');
const y = sym('y');

describe('structural hashes', () => {
  it('agree for equal expressions built apart, and tell apart near misses', () => {
    expect(hashOf(parse('sin(x)^2 + 1/3'))).toBe(hashOf(parse('sin(x)^2 + 1/3')));
    const near = ['x + y', 'y + x', 'x - y', 'x * y', 'x + y + 0', 'x', '2', '-2', '1/2', '2/1', 'sin(x)', 'cos(x)', 'x^2', '2^x'];
    const hashes = new Set(near.map((t) => hashOf(parse(t))));
    expect(hashes.size).toBe(near.length);
  });
});

describe('HashMap', () => {
  it('keeps one entry per structure, in first-insertion order, with the first spelling of the key', () => {
    const m = exprMap<number>();
    const first = add(x, num(1));
    m.set(first, 1).set(y, 2).set(add(sym('x'), num(1)), 3);
    expect(m.size).toBe(2);
    expect(m.keys()[0]).toBe(first);
    expect(m.values()).toEqual([3, 2]);
    expect(m.get(add(x, num(1)))).toBe(3);
    expect(m.has(add(num(1), x))).toBe(false);
  });

  it('keeps colliding keys apart', () => {
    const m = new HashMap<string, number>(() => 7, (a, b) => a === b);
    m.set('a', 1).set('b', 2).set('a', 3);
    expect(m.keys()).toEqual(['a', 'b']);
    expect(m.values()).toEqual([3, 2]);
    expect(m.get('c')).toBeUndefined();
  });

  it('answers the same before and after it outgrows its scan of hashes', () => {
    // Keys collide in pairs (hash = length), so both the scan and the buckets must compare keys.
    const m = new HashMap<string, number>((k) => k.length, (a, b) => a === b);
    const keys = Array.from({ length: 30 }, (_, i) => 'k'.repeat(1 + (i >> 1)) + (i % 2 === 0 ? '' : '!'));
    keys.forEach((k, i) => {
      m.set(k, i);
      expect(m.size).toBe(i + 1);
      for (const [j, seen] of keys.slice(0, i + 1).entries()) expect(m.get(seen)).toBe(j);
      expect(m.has(`${k}?`)).toBe(false);
    });
    keys.forEach((k) => m.set(k, -1));
    expect(m.keys()).toEqual(keys);
    expect(m.values().every((v) => v === -1)).toBe(true);
  });

  it('as a set, holds each structure once', () => {
    expect(exprSet([x, y, sym('x'), mul(x, y), mul(sym('x'), sym('y'))]).size).toBe(3);
  });
});

describe('like terms', () => {
  const like = (text: string) => likeOf(monomialOf(parse(text)));

  it('are alike whatever the order and grouping of their factors', () => {
    expect(sameLike(like('3*x*y^2'), like('y*x*y/5'))).toBe(true);
    expect(sameLike(like('2*x*x'), like('x^2'))).toBe(true);
    expect(sameLike(like('x^y*sin(x)'), like('sin(x)*x^y'))).toBe(true);
    expect(sameLike(like('x/x'), like('7'))).toBe(true);
  });

  it('differ when any exponent or factor differs', () => {
    expect(sameLike(like('x*y^2'), like('x^2*y'))).toBe(false);
    expect(sameLike(like('x^y'), like('x^y*x^y'))).toBe(false);
    expect(sameLike(like('x/y'), like('x*y'))).toBe(false);
    expect(sameLike(like('x^y'), like('1/x^y'))).toBe(false);
  });

  it('group in a like map', () => {
    const m = likeMap<string>();
    for (const t of ['x*y', '2*y*x', 'x^2', 'x*x/3', 'y']) m.set(like(t), t);
    expect(m.values()).toEqual(['2*y*x', 'x*x/3', 'y']);
  });

  it('are keyed by structure, not identity', () => {
    expect(sameLike(likeOf(monomialOf(pow(add(x, num(1)), num(2)))), like('(x+1)*(x+1)'))).toBe(true);
  });
});
