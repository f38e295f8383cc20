import type { Expr } from '../../src/expr/expr.js';
import { d, fn, mul, pow, sym } from '../../src/expr/expr.js';
import type { RuleContext } from '../../src/engine/rule.js';
import { defineRule, freshName, isConstant, isVariable } from '../../src/engine/rule.js';

/** The inner function of a composition f(g(x)) when g is not x itself, and where it sits. */
function inner(body: Expr, ctx: RuleContext): { g: Expr; outer: (u: Expr) => Expr } | undefined {
  if (body.kind === 'pow') {
    const { base, exp } = body;
    if (isConstant(exp, ctx) && !isConstant(base, ctx)) return { g: base, outer: (u) => pow(u, exp) };
    if (isConstant(base, ctx) && !isConstant(exp, ctx)) return { g: exp, outer: (u) => pow(base, u) };
    return undefined;
  }
  if (body.kind !== 'fn' || body.args.length === 0) return undefined;
  const [first, ...rest] = body.args;
  // Only the first argument may vary (log's base, nthRoot's index are handled by other rules).
  if (rest.some((a) => !isConstant(a, ctx))) return undefined;
  // Defined functions have their own rule (defined-function), which derives f' once.
  if (ctx.definitions.has(body.name)) return undefined;
  return { g: first!, outer: (u) => fn(body.name, [u, ...rest], body.primes) };
}

function split(body: Expr, ctx: RuleContext): { g: Expr; outer: (u: Expr) => Expr } | undefined {
  const found = inner(body, ctx);
  return found !== undefined && !isVariable(found.g, ctx) && !isConstant(found.g, ctx) ? found : undefined;
}

export default defineRule({
  id: 'chain',
  title: 'Chain rule',
  law: "\\frac{d}{dx}f(g(x)) = f'(g(x))\\,g'(x)",
  on: ['pow', 'fn'],
  nests: true,
  when: (body, ctx) => split(body, ctx) !== undefined,
  to: (body, ctx) => {
    const { g, outer } = split(body, ctx)!;
    const u = freshName(body, ctx);
    return mul(d(outer(sym(u)), u, g), d(g, ctx.wrt));
  },
  note: (body, ctx) => {
    const { g, outer } = split(body, ctx)!;
    const u = sym(freshName(body, ctx));
    return { text: 'outer function {f}, inner function {u} = {g}', values: { f: outer(u), u, g }, parts: [{ of: outer(u), text: 'Outer derivative of {e}' }, { of: g, text: 'Inner derivative of {e}' }] };
  },
});
