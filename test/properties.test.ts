// Property-based tests (fast-check, seeded): expressions built by fc.letrec with a depth bound,
// points drawn from bounded ranges (never subnormals).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derive, simplifyExpression, toText } from '../src/index.js';
import { evaluate, numericDerivative } from '../src/engine/evaluate.js';
import * as X from '../src/expr/expr.js';
import type { Expr } from '../src/expr/expr.js';
import { parseExpression } from '../src/parse/parse.js';
import { moveSigns, signsSettled } from '../rules/algebra/signs.js';
import { ALGEBRA_RULES, NORMALISE } from '../rules/index.js';
import { applyEverywhere, simplify, type SimplifySettings } from '../src/engine/simplify.js';
import { hasSeveralTerms, likeOf, likeSignature, monomialOf, sameLike, termsOf } from '../src/engine/algebra.js';
import { isCollected, isSignFree, isWrittenZero, mayHoldName } from '../src/expr/shape.js';
import { freshName } from '../src/engine/rule.js';
import { addQ, divQ, mulQ, negQ, rational, subQ, type Rational } from '../src/expr/rational.js';
import { allSteps, close, compareNumerically } from './helpers.js';
import { degeneratePart } from '../src/engine/degenerate.js';

const SEED = 20261123;
const runs = { seed: SEED, numRuns: 150 };

/** Expressions in x over + − · / ^ exp log sin cos sqrt tanh, depth at most 4. */
const { expr: anyExpr } = fc.letrec<{ expr: Expr; leaf: Expr; node: Expr }>((tie) => ({
  leaf: fc.oneof(
    fc.constant(X.sym('x')),
    fc.constant(X.sym('x')),
    fc.integer({ min: 1, max: 5 }).map((n) => X.num(n)),
    fc.constant(X.constant('pi')),
  ),
  node: fc.oneof(
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => X.add(a, b)),
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => X.sub(a, b)),
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => X.mul(a, b)),
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => X.div(a, b)),
    fc.tuple(tie('expr'), fc.integer({ min: -3, max: 4 })).map(([a, n]) => X.pow(a, n < 0 ? X.neg(X.num(-n)) : X.num(n))),
    tie('expr').map((a) => X.neg(a)),
    fc.tuple(fc.constantFrom('exp', 'log', 'sin', 'cos', 'sqrt', 'tanh'), tie('expr')).map(([f, a]) => X.fn(f, [a])),
  ),
  expr: fc.oneof({ depthSize: 'small', maxDepth: 4 }, tie('leaf'), tie('node')),
}));

/** Whether every part of `e` has a value somewhere (no 1/(x − x), log(0), 0^x): derive refuses the others. */
const valued = (e: Expr): boolean => degeneratePart(e, new Map(), (part) => X.isNum(simplifyExpression(part).result, 0)) === undefined;

/** The random expressions derive accepts. */
const expr = anyExpr.filter(valued);

/** Runs `check` on many random expressions (it should be cheap), then on every expression their derivations pass through. */
function checkRandomAndDerived(check: (e: Expr) => void, randomRuns: number): void {
  fc.assert(fc.property(expr, check), { seed: SEED, numRuns: randomRuns });
  fc.assert(
    fc.property(expr, (e) => {
      for (const step of allSteps(derive(e, { wrt: 'x' }).steps)) check(step.before);
    }),
    runs,
  );
}

const point = fc.double({ min: -4, max: 4, noNaN: true, noDefaultInfinity: true }).filter((v) => v === 0 || Math.abs(v) > 1e-3);

const valueAt = (e: Expr, x: number): number => evaluate(e, { values: new Map([['x', x]]) });

describe('properties', () => {
  it('the derivative equals a finite difference wherever the function is smooth', () => {
    let checked = 0;
    fc.assert(
      fc.property(expr, fc.array(point, { minLength: 6, maxLength: 6 }), (e, xs) => {
        const d = derive(e, { wrt: 'x' });
        for (const x of xs) {
          const f = (t: number): number => valueAt(e, t);
          const h = 1e-4;
          const left = (f(x) - f(x - h)) / h;
          const right = (f(x + h) - f(x)) / h;
          // Points where f is not finite, or where the one-sided slopes disagree (a kink or a pole), are skipped.
          if (![f(x), left, right].every(Number.isFinite) || !close(left, right, 1e-2) || Math.abs(left) > 1e4) continue;
          const expected = numericDerivative(f, x);
          const actual = valueAt(d.result, x);
          if (!Number.isFinite(expected)) continue;
          checked++;
          expect(close(actual, expected, 1e-5), `${toText(e)} at ${x}: ${actual} vs ${expected}`).toBe(true);
        }
      }),
      runs,
    );
    // Zero valid points would be inconclusive, not a pass.
    expect(checked).toBeGreaterThan(200);
  });

  it('every step equals the one before within the original expression’s domain', () => {
    fc.assert(
      fc.property(expr, (e) => {
        const d = derive(e, { wrt: 'x' });
        for (const step of allSteps(d.steps)) {
          expect(compareNumerically(step.before, step.after, { count: 8, seed: 3 }).mismatch, `${step.rule}: ${step.toText()}`).toBeUndefined();
        }
      }),
      { ...runs, numRuns: 100 },
    );
  });

  it('printing then parsing gives the same expression back (negative bases under powers included)', () => {
    const withNegativeBases = fc.oneof(expr, fc.tuple(expr, fc.integer({ min: 2, max: 3 })).map(([a, n]) => X.pow(X.neg(a), X.num(n))));
    fc.assert(
      fc.property(withNegativeBases, (e) => {
        const back = parseExpression(toText(e)).expr;
        expect(toText(back)).toBe(toText(e));
        expect(X.equals(back, e) || compareNumerically(back, e, { count: 5 }).mismatch === undefined).toBe(true);
      }),
      runs,
    );
  });

  it('simplifying twice is simplifying once', () => {
    fc.assert(
      fc.property(expr, (e) => {
        const once = simplifyExpression(e);
        const twice = simplifyExpression(once.result);
        expect(twice.steps.map((s) => s.rule), toText(once.result)).toEqual([]);
        expect(compareNumerically(e, once.result, { count: 6 }).mismatch).toBeUndefined();
      }),
      runs,
    );
  });

  it('output is byte-identical across runs, and the input is never mutated', () => {
    fc.assert(
      fc.property(expr, (e) => {
        const snapshot = JSON.stringify(e, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
        const a = JSON.stringify(derive(e, { wrt: 'x' }).toJSON());
        const b = JSON.stringify(derive(e, { wrt: 'x' }).toJSON());
        expect(a).toBe(b);
        expect(JSON.stringify(e, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).toBe(snapshot);
        expect(Object.isFrozen(e)).toBe(true);
      }),
      { ...runs, numRuns: 60 },
    );
  });

  it('every node the engine builds has the one layout: the same own keys, in the same order', () => {
    // The engine's speed depends on it (see expr.ts): a kind built with a layout of its own fails here.
    const layout = Reflect.ownKeys(X.num(1));
    fc.assert(
      fc.property(expr, (e) => {
        const derivation = derive(e, { wrt: 'x' });
        const built = [derivation.result, ...allSteps(derivation.steps).flatMap((s) => [s.before, s.after])];
        for (const root of built) for (const node of X.nodes(root)) expect(Reflect.ownKeys(node)).toEqual(layout);
      }),
      { ...runs, numRuns: 40 },
    );
    const kinds = [X.num(3), X.sym('x'), X.constant('pi'), X.add(X.one, X.two), X.sub(X.one, X.two), X.mul(X.one, X.two), X.div(X.one, X.two),
      X.pow(X.one, X.two), X.neg(X.one), X.fn('sin', [X.one]), X.d(X.one, 'x'), X.d(X.one, 'x', X.two)];
    expect(new Set(kinds.map((k) => k.kind)).size).toBe(11);
    for (const k of kinds) expect(Reflect.ownKeys(k)).toEqual(layout);
  });

  it('renaming the variable renames the steps', () => {
    fc.assert(
      fc.property(expr, (e) => {
        const renamed = X.substitute(e, new Map([['x', X.sym('q')]]));
        const original = derive(e, { wrt: 'x' }).toText();
        const other = derive(renamed, { wrt: 'q' }).toText();
        // d/dq in a law's note is the variable too, written against its d.
        expect(other.replace(/\bq\b|(?<=d\/d)q\b/g, 'x')).toBe(original);
      }),
      { ...runs, numRuns: 60 },
    );
  });
  it("the signs rule's quick check never skips a node the rule would rewrite", () => {
    let settled = 0;
    const check = (e: Expr): void => {
      for (const node of X.nodes(e)) {
        if (!signsSettled(node)) continue;
        settled++;
        expect(moveSigns(node), toText(node)).toBeUndefined();
      }
    };
    // The expressions of derivations carry the signs the rule exists for (−1·u, a − (−b)).
    checkRandomAndDerived(check, 5000);
    expect(settled).toBeGreaterThan(1000);
  });

  it('a rewrite rule leaves alone every kind of node its `on` does not name (the simplifier never offers it them)', () => {
    const declared = ALGEBRA_RULES.filter((r) => r.on !== undefined);
    let offered = 0;
    const check = (e: Expr): void => {
      for (const node of X.nodes(e)) {
        for (const rule of declared) {
          if (rule.on!.includes(node.kind)) continue;
          offered++;
          const out = rule.apply(node, { definitions: new Map() });
          expect(out === undefined || X.equals(out, node), `${rule.id} on ${toText(node)}`).toBe(true);
        }
      }
    };
    expect(declared.length).toBeGreaterThan(15);
    // The expressions derivations pass through hold the shapes the rules exist for.
    checkRandomAndDerived(check, 2000);
    expect(offered).toBeGreaterThan(100_000);
    // Every rule against every node of 2,000 expressions: about 2 s here, more on a loaded machine.
  }, 20_000);

  it('a rewrite rule fires nowhere in a context its `usable` rules out (the simplifier never asks it there)', () => {
    const none = { definitions: new Map() };
    const declared = ALGEBRA_RULES.filter((r) => r.usable !== undefined && !r.usable(none));
    let offered = 0;
    const check = (e: Expr): void => {
      for (const node of X.nodes(e)) {
        for (const rule of declared) {
          offered++;
          const out = rule.apply(node, none);
          expect(out === undefined || X.equals(out, node), `${rule.id} on ${toText(node)}`).toBe(true);
        }
      }
    };
    expect(declared.map((r) => r.id)).toContain('substitute');
    checkRandomAndDerived(check, 2000);
    expect(offered).toBeGreaterThan(5_000);
  });

  it('like terms have equal like signatures: the shortcut never hides a pair combine-like-terms would combine', () => {
    const small = fc.integer({ min: 2, max: 5 }).map((n) => X.num(n));
    // A term and others like it: a coefficient, a negation, a factor and its inverse, a square as a product.
    const alike = fc.tuple(expr, expr, small).map(([t, u, k]) => [
      t,
      X.mul(k, t),
      X.div(t, k),
      X.neg(t),
      X.mul(t, X.div(u, u)),
      X.div(X.mul(u, t), u),
    ]);
    let compared = 0;
    fc.assert(
      fc.property(alike, expr, (terms, other) => {
        const sig = terms.map(likeSignature);
        const like = terms.map((t) => likeOf(monomialOf(t)));
        for (let i = 1; i < terms.length; i++) {
          if (!sameLike(like[0]!, like[i]!)) continue;
          compared++;
          if (sig[0] !== undefined && sig[i] !== undefined) expect(sig[i], `${toText(terms[0]!)} ~ ${toText(terms[i]!)}`).toBe(sig[0]);
        }
        // And whenever two terms are alike, whatever they are.
        if (sameLike(like[0]!, likeOf(monomialOf(other))) && sig[0] !== undefined) {
          const s = likeSignature(other);
          if (s !== undefined) expect(s).toBe(sig[0]);
        }
      }),
      { ...runs, numRuns: 1000 },
    );
    expect(compared).toBeGreaterThan(3000);
    // x·x and x², y/y and nothing: grouped before hashing, as likeOf groups them.
    const x = X.sym('x');
    const y = X.sym('y');
    expect(likeSignature(X.mul(x, x))).toBe(likeSignature(X.pow(x, X.two)));
    expect(likeSignature(X.div(X.mul(x, y), y))).toBe(likeSignature(x));
    expect(likeSignature(X.mul(x, y))).not.toBe(likeSignature(x));
    expect(likeSignature(X.pow(x, X.num(1, 2n)))).toBeUndefined();
  });

  it('the written facts each shape keeps (0 as written, no sign on the spine) are their recursive definitions', () => {
    const zero = (e: Expr): boolean => {
      switch (e.kind) {
        case 'num': return X.isNum(e, 0);
        case 'mul': return e.factors.some(zero);
        case 'div': return zero(e.num);
        case 'neg': return zero(e.arg);
        default: return false;
      }
    };
    const signFree = (e: Expr): boolean => {
      switch (e.kind) {
        case 'neg': return false;
        case 'num': return e.value.num >= 0n;
        case 'mul': return e.factors.length >= 2 && e.factors.every(signFree);
        case 'div': return signFree(e.num) && signFree(e.den);
        default: return true;
      }
    };
    // Zeros, negative numbers and one-factor products, which random expressions in x rarely hold.
    const written = fc.letrec<{ e: Expr }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', maxDepth: 4 },
        fc.integer({ min: -2, max: 2 }).map((n) => X.num(n)),
        fc.constant(X.sym('x')),
        fc.array(tie('e'), { minLength: 1, maxLength: 3 }).map((fs) => X.mul(...fs)),
        fc.tuple(tie('e'), tie('e')).map(([a, b]) => X.div(a, b)),
        tie('e').map(X.neg),
        fc.tuple(tie('e'), tie('e')).map(([a, b]) => X.add(a, b)),
        fc.tuple(tie('e'), tie('e')).map(([a, b]) => X.pow(a, b)),
      ),
    })).e;
    const seen = { zero: 0, signed: 0 };
    fc.assert(
      fc.property(written, (e) => {
        for (const node of X.nodes(e)) {
          expect(isWrittenZero(node), toText(node)).toBe(zero(node));
          expect(isSignFree(node), toText(node)).toBe(signFree(node));
          if (zero(node)) seen.zero++;
          if (!signFree(node)) seen.signed++;
        }
      }),
      { ...runs, numRuns: 2000 },
    );
    expect(Math.min(seen.zero, seen.signed)).toBeGreaterThan(500);
  });

  it("factor's shortcut by base hashes never hides a factor common to every term", () => {
    const factor = ALGEBRA_RULES.find((r) => r.id === 'factor')!;
    const q = X.sym('q');
    const qSquared = X.pow(q, X.two);
    fc.assert(
      fc.property(expr, expr, expr, (a, b, c) => {
        // q occurs in no generated expression, so it is a factor of every term, whatever a, b and c are.
        for (const sum of [X.add(X.mul(q, a), X.mul(b, q)), X.sub(X.mul(a, qSquared, b), X.div(q, c)), X.add(X.div(a, q), X.neg(X.div(b, qSquared)), X.div(c, q))]) {
          const out = factor.apply(sum, { definitions: new Map() });
          expect(out, toText(sum)).toBeDefined();
          expect(compareNumerically(sum, out!, { count: 4 }).mismatch).toBeUndefined();
        }
      }),
      runs,
    );
  });

  it('collected form, a fact each shape keeps, is its definition, and one collect step reaches it', () => {
    const collect = ALGEBRA_RULES.find((r) => r.id === 'collect')!;
    const literal = (e: Expr, n: number): boolean => X.isNum(e, n);
    const here = (e: Expr): boolean => {
      switch (e.kind) {
        case 'add': return e.terms.length >= 2 && !e.terms.some((t) => literal(t, 0));
        case 'sub': return !literal(e.left, 0) && !literal(e.right, 0);
        case 'neg': return e.arg.kind !== 'neg' && !(e.arg.kind === 'num' && e.arg.value.num <= 0n);
        case 'mul': return !e.factors.some((f) => f.kind === 'neg' || literal(f, 0) || literal(f, 1) || literal(f, -1));
        case 'div': return !literal(e.den, 1);
        case 'pow': return !literal(e.exp, 1) && !literal(e.exp, 0);
        default: return true;
      }
    };
    const collected = (e: Expr): boolean => here(e) && X.children(e).every(collected);
    let seen = 0;
    const check = (e: Expr): void => {
      for (const node of X.nodes(e)) {
        expect(isCollected(node), toText(node)).toBe(collected(node));
        const once = collect.apply(node, { definitions: new Map() }) ?? node;
        expect(isCollected(once), `${toText(node)} → ${toText(once)}`).toBe(true);
        if (!collected(node)) seen++;
      }
    };
    // Raw derivatives (what collect tidies) hold 0 terms, factors 1 and −1, and −(−u).
    checkRandomAndDerived(check, 500);
    expect(seen).toBeGreaterThan(200);
  });

  it("a name a shape's bits rule out is not in the subtree, and freshName picks the name listing them would", () => {
    const names = ['x', 'y', 'u', 'w', 'q'];
    // The names freshName must avoid, listed the long way: free symbols, the variable, derivatives' variables.
    const used = (e: Expr, wrt: string): Set<string> => {
      const all = new Set([...X.freeSymbols(e), wrt]);
      for (const node of X.nodes(e)) if (node.kind === 'd') all.add(node.wrt);
      return all;
    };
    let ruledOut = 0;
    const check = (e: Expr): void => {
      for (const node of X.nodes(e)) {
        for (const name of names) {
          if (mayHoldName(node, name)) continue;
          ruledOut++;
          const held = [...X.nodes(node)].some((n) => (n.kind === 'sym' && n.name === name) || (n.kind === 'd' && n.wrt === name));
          expect(held, `${name} in ${toText(node)}`).toBe(false);
        }
        for (const wrt of ['x', 'y']) {
          const ctx = { wrt, method: 'quotient' as const, definitions: new Map(), inside: new Set<string>() };
          const taken = used(node, wrt);
          expect(freshName(node, ctx), toText(node)).toBe(['y', 'u', 'w', 'z', 's', 'v'].find((n) => !taken.has(n)));
        }
      }
    };
    checkRandomAndDerived(check, 300);
    // With y in the expressions too, and under derivatives by y.
    const y = X.sym('y');
    for (const e of [X.mul(y, X.sym('x')), X.d(X.pow(X.sym('x'), X.two), 'y'), X.add(X.sym('u'), X.fn('sin', [y]))]) check(e);
    expect(ruledOut).toBeGreaterThan(1000);
  });

  it("collect's form of a subtree is worked out once and is the form of every equal subtree", () => {
    const collect = ALGEBRA_RULES.find((r) => r.id === 'collect')!;
    const ctx = { definitions: new Map() };
    fc.assert(
      fc.property(expr, (e) => {
        const raw = X.mul(X.one, X.add(e, X.zero));
        const first = collect.apply(raw, ctx)!;
        // Asked again, of the same node and of a copy built anew, it gives the same form.
        expect(collect.apply(raw, ctx)).toBe(first);
        const copy = parseExpression(toText(raw)).expr;
        expect(X.equals(collect.apply(copy, ctx) ?? copy, first), toText(raw)).toBe(true);
      }),
      runs,
    );
  });

  it('hasSeveralTerms says what listing the terms would', () => {
    let several = 0;
    fc.assert(
      fc.property(expr, (e) => {
        for (const node of X.nodes(e)) {
          const listed = termsOf(node).length > 1;
          expect(hasSeveralTerms(node), toText(node)).toBe(listed);
          if (listed) several++;
        }
        // Sums of one term and negated sums, which the parser never builds.
        for (const odd of [X.add(e), X.neg(X.add(e, e)), X.add(X.add(e)), X.add()]) expect(hasSeveralTerms(odd)).toBe(termsOf(odd).length > 1);
      }),
      runs,
    );
    expect(several).toBeGreaterThan(30);
  });

  it('normalising takes the steps a plain loop over the rules takes (one walk per rule, nothing remembered)', () => {
    const settings: SimplifySettings = {
      normalise: NORMALISE,
      strategies: [],
      goals: [],
      context: { definitions: new Map() },
      budget: { maxSteps: 10_000, maxNodes: 1e7, maxOutput: 1e9, deadline: Infinity, spent: { output: 0 } },
      latex: {},
    };
    // The rule the loop applies next: the first, in order, that fires anywhere (a fresh walk each time).
    const reference = (e: Expr): Array<[string, string]> => {
      const steps: Array<[string, string]> = [];
      for (let current = e; ; ) {
        const next = NORMALISE.map((rule) => [rule, applyEverywhere(current, rule, settings.context)] as const).find(([, r]) => r !== undefined);
        if (next === undefined) return steps;
        current = next[1]!.after;
        steps.push([next[0].id, toText(current)]);
      }
    };
    let steps = 0;
    // Several random parts, so rules fire in several subtrees at once.
    const larger = fc.tuple(expr, expr, expr).map(([a, b, c]) => X.add(X.mul(a, b), X.fn('sin', [c]), X.div(b, X.add(c, X.one)))).filter(valued);
    fc.assert(
      fc.property(larger, (e) => {
        // Raw derivatives hold what normalising is for: 0·u, 1·u, nested products and fractions, signs.
        const raw = derive(e, { wrt: 'x', simplify: false }).result;
        const mine = simplify(raw, settings).steps.map((st) => [st.rule, toText(st.after)]);
        expect(mine, toText(raw)).toEqual(reference(raw));
        steps += mine.length;
      }),
      { ...runs, numRuns: 300 },
    );
    expect(steps).toBeGreaterThan(1000);
  });

  it('a node read by index (childCount, childAt) has the children children() lists', () => {
    fc.assert(
      fc.property(expr, (e) => {
        for (const node of X.nodes(e)) {
          const kids = X.children(node);
          expect(X.childCount(node)).toBe(kids.length);
          kids.forEach((k, i) => expect(X.childAt(node, i)).toBe(k));
        }
      }),
      runs,
    );
  });

  it('rational arithmetic is exact and every result normalised, shortcuts included', () => {
    // Small numbers, so integers, ±1 and shared factors (where the shortcuts and the gcd apply) come up often.
    const big = fc.integer({ min: -12, max: 12 }).map(BigInt);
    const q = fc.tuple(big, big.filter((d) => d !== 0n)).map(([n, d]) => rational(n, d));
    const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
    const normal = (r: Rational): boolean => r.den > 0n && gcd(r.num, r.den) === (r.num === 0n ? r.den : 1n) && (r.num !== 0n || r.den === 1n);
    // a/b = c/d exactly when ad = cb.
    const same = (r: Rational, n: bigint, d: bigint): boolean => r.num * d === n * r.den;
    fc.assert(
      fc.property(q, q, (a, b) => {
        const results: Array<[Rational, bigint, bigint]> = [
          [addQ(a, b), a.num * b.den + b.num * a.den, a.den * b.den],
          [subQ(a, b), a.num * b.den - b.num * a.den, a.den * b.den],
          [mulQ(a, b), a.num * b.num, a.den * b.den],
          [negQ(a), -a.num, a.den],
        ];
        if (b.num !== 0n) results.push([divQ(a, b), a.num * b.den, a.den * b.num]);
        for (const [r, n, d] of results) {
          expect(normal(r), `${r.num}/${r.den}`).toBe(true);
          expect(same(r, n, d)).toBe(true);
        }
      }),
      { ...runs, numRuns: 1000 },
    );
  });
});
