import type { Expr } from '../../src/expr/expr.js';
import { d, fn, pow, sym } from '../../src/expr/expr.js';
import { defineMistake } from '../../src/engine/rule.js';

/** The outer function and the inner one of f(g(x)), as the chain rule splits them. */
function split(body: Expr): { g: Expr; outer: (u: Expr) => Expr } | undefined {
  if (body.kind === 'pow') return body.base.kind === 'const' ? { g: body.exp, outer: (u) => pow(body.base, u) } : { g: body.base, outer: (u) => pow(u, body.exp) };
  if (body.kind === 'fn' && body.args.length >= 1) return { g: body.args[0]!, outer: (u) => fn(body.name, [u, ...body.args.slice(1)], body.primes) };
  return undefined;
}

// The chain rule without its inner derivative: (f(g))' written f'(g), so sin(x²)' = cos(x²).
export default defineMistake({
  id: 'missing-inner-derivative',
  title: 'Missing inner derivative',
  variantOf: 'chain',
  to: (body) => {
    const found = split(body);
    return found === undefined ? undefined : d(found.outer(sym('u')), 'u', found.g);
  },
  explain: (body) => ({ text: 'the inner derivative of {g}, {dg}, is missing', values: { g: split(body)?.g ?? body } }),
});
