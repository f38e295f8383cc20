import type { Definition, Expr, ExprOf } from '../../src/expr/expr.js';
import { children, E, equals, fn, isNum, mul, neg, num, one, pow } from '../../src/expr/expr.js';
import { monomialOf, termFactors } from '../../src/engine/algebra.js';
import { defineRewrite, type AlgebraContext } from '../../src/engine/rule.js';

/** The kind of `shape(e)`, found without building it: most nodes are ruled out by it alone. */
function shapeKind(e: Expr): Expr['kind'] {
  if (e.kind === 'fn' && e.name === 'exp' && e.primes === 0) return 'pow';
  if (e.kind === 'mul' && (e.factors[0]!.kind === 'neg' || (e.factors[0]!.kind === 'num' && e.factors[0]!.value.num < 0n))) return 'neg';
  return e.kind;
}

/** exp(u) and e^u are one shape to the matcher, as are (−2)·x and −(2·x). */
function shape(e: Expr): Expr {
  const kind = shapeKind(e);
  if (kind === e.kind) return e;
  if (e.kind === 'fn') return pow(E, e.args[0]!);
  const [first, ...rest] = (e as ExprOf<'mul'>).factors;
  return neg(mul(first!.kind === 'neg' ? first!.arg : num(-(first as ExprOf<'num'>).value.num, (first as ExprOf<'num'>).value.den), ...rest));
}

/** The base of a power as the matcher reads it: e for exp(u). */
const baseOf = (e: Expr): Expr => (e.kind === 'fn' ? E : (e as ExprOf<'pow'>).base);
/** The exponent of a power as the matcher reads it: u for exp(u). */
const exponentOf = (e: Expr): Expr => (e.kind === 'fn' ? e.args[0]! : (e as ExprOf<'pow'>).exp);

/**
 * Matches `pattern` (a definition's body, its parameters as wildcards) against `target`; the terms
 * of a sum and the factors of a product match in any order. Returns the bindings, or undefined.
 */
function match(pattern: Expr, target: Expr, params: readonly string[], bound: Map<string, Expr>): boolean {
  if (pattern.kind === 'sym' && params.includes(pattern.name)) {
    const t = shape(target);
    const seen = bound.get(pattern.name);
    if (seen !== undefined) return equals(seen, t);
    bound.set(pattern.name, t);
    return true;
  }
  const kind = shapeKind(pattern);
  if (kind !== shapeKind(target)) return false;
  // exp(u) against e^v (or exp(v)): base against base, exponent against exponent, without building e^u.
  if (kind === 'pow' && (pattern.kind === 'fn' || target.kind === 'fn')) {
    return match(baseOf(pattern), baseOf(target), params, bound) && match(exponentOf(pattern), exponentOf(target), params, bound);
  }
  const p = shape(pattern);
  const t = shape(target);
  if (p.kind === 'num' || p.kind === 'sym' || p.kind === 'const') return equals(p, t);
  if (p.kind === 'fn' && (t.kind !== 'fn' || p.name !== t.name || p.primes !== t.primes)) return false;
  if (p.kind === 'd') return false;
  const pk = children(p);
  const tk = children(t);
  if (pk.length !== tk.length) return false;
  if (p.kind === 'add' || p.kind === 'mul') return matchUnordered(pk, tk, params, bound);
  return pk.every((k, i) => match(k, tk[i]!, params, bound));
}

/** Matches the patterns `pk` to the targets `tk` one to one, each pattern in turn against the targets still free, in order. */
function matchUnordered(pk: readonly Expr[], tk: readonly Expr[], params: readonly string[], bound: Map<string, Expr>): boolean {
  const used = tk.map(() => false);
  const from = (i: number, sofar: Map<string, Expr>): Map<string, Expr> | undefined => {
    if (i === pk.length) return sofar;
    for (let j = 0; j < tk.length; j++) {
      if (used[j]) continue;
      const trial = new Map(sofar);
      if (!match(pk[i]!, tk[j]!, params, trial)) continue;
      used[j] = true;
      const done = from(i + 1, trial);
      if (done !== undefined) return done;
      used[j] = false;
    }
    return undefined;
  };
  const done = from(0, bound);
  if (done === undefined) return false;
  for (const [k, v] of done) bound.set(k, v);
  return true;
}

/** Whether a factor of `top` is a factor of one of the terms of `bottom`. */
function shares(top: Expr, bottom: Expr): boolean {
  const parts = termFactors(bottom);
  return monomialOf(top).factors.some((f) => parts.has(f));
}

/** The call whose body `e` is, if any definition's body matches it; 1/D^n is read as (1/D)^n. */
function fold(e: Expr, ctx: AlgebraContext): { call: Expr; definition: Definition } | undefined {
  // The cheap tests first: matching builds a node, and shares looks through every term of D.
  if (e.kind === 'div' && isNum(e.num, 1) && e.den.kind === 'pow' && e.den.exp.kind === 'num' && e.den.exp.value.den === 1n && e.den.exp.value.num > 1n) {
    const inner = foldQuotient(e.num, e.den.base, ctx);
    if (inner !== undefined) return { call: pow(inner.call, e.den.exp), definition: inner.definition };
  }
  // N/D is N·f(u) when 1/D is f's body (2 sin(x)/(1 + e^{-x}) = 2 sin(x) σ(x)), when N has nothing
  // in common with D's terms: e^{-x}/(1 + e^{-x}) is left for the routes that make it σ(−x).
  if (e.kind === 'div' && !isNum(e.num, 1)) {
    const reciprocal = foldQuotient(one, e.den, ctx);
    if (reciprocal !== undefined && !shares(e.num, e.den)) return { call: mul(e.num, reciprocal.call), definition: reciprocal.definition };
  }
  return foldBody(e, ctx);
}

function foldBody(e: Expr, ctx: AlgebraContext): { call: Expr; definition: Definition } | undefined {
  return firstFold(
    ctx,
    ({ body }) => body.kind !== 'sym' && shapeKind(body) === shapeKind(e),
    ({ body, params }, bound) => match(body, e, params, bound),
  );
}

/** foldBody of n/d, without building n/d: only a quotient's body can match one, part by part. */
function foldQuotient(n: Expr, d: Expr, ctx: AlgebraContext): { call: Expr; definition: Definition } | undefined {
  return firstFold(
    ctx,
    ({ body }) => body.kind === 'div',
    ({ body, params }, bound) => {
      const quotient = body as ExprOf<'div'>;
      return match(quotient.num, n, params, bound) && match(quotient.den, d, params, bound);
    },
  );
}

/**
 * The call of the first definition that `matches`, filling a map of its own with the bindings, and
 * whose parameters it binds every one; `candidate` rules a definition out first, before any map is
 * made (substitute is asked at every node).
 */
function firstFold(
  ctx: AlgebraContext,
  candidate: (definition: Definition) => boolean,
  matches: (definition: Definition, bound: Map<string, Expr>) => boolean,
): { call: Expr; definition: Definition } | undefined {
  for (const definition of ctx.definitions.values()) {
    if (!candidate(definition)) continue;
    const bound = new Map<string, Expr>();
    if (matches(definition, bound) && definition.params.every((p) => bound.has(p))) {
      return { call: fn(definition.name, definition.params.map((p) => bound.get(p)!)), definition };
    }
  }
  return undefined;
}

export default defineRewrite({
  id: 'substitute',
  title: 'Substitute the definition back',
  law: 'f(x) = \\text{body} \\;\\Rightarrow\\; \\text{body}[x := u] = f(u)',
  // With no definitions there is nothing to fold into, and it would be asked at every node.
  usable: (ctx) => ctx.definitions.size > 0,
  apply: (e, ctx) => fold(e, ctx)?.call,
  note: (e, ctx) => {
    const f = fold(e, ctx);
    return f === undefined ? undefined : { text: '{body} is {call}', values: { body: e, call: f.call } };
  },
});
