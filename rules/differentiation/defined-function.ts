import { d, fn, mul, sym } from '../../src/expr/expr.js';
import { defineRule, freshName, isConstant } from '../../src/engine/rule.js';

// f'(u) is derived once from f's definition (a sub-derivation, simplified and folded back into f),
// then used wherever f appears: the chain rule through σ gives σ(z)(1 − σ(z)) · z'.
export default defineRule({
  id: 'defined-function',
  title: 'Chain rule through a defined function',
  law: "\\frac{d}{dx}f(u) = f'(u)\\,\\frac{du}{dx}",
  on: ['fn'],
  nests: true,
  when: (body, ctx) =>
    body.primes === 0 &&
    ctx.definitions.get(body.name)?.params.length === 1 &&
    !ctx.inside.has(body.name) &&
    !isConstant(body.args[0]!, ctx),
  to: (body, ctx) => {
    const y = freshName(body, ctx);
    return mul(d(fn(body.name, [sym(y)]), y, body.args[0]!), d(body.args[0]!, ctx.wrt));
  },
  note: (body, ctx) => ({
    text: "{f}' is derived from its definition, with u = {u}",
    values: { f: sym(body.name), u: body.args[0]! },
    parts: [{ of: fn(body.name, [sym(freshName(body, ctx))]), text: 'Derivative of {e}, from its definition' }, { of: body.args[0]!, text: 'Inner derivative of {e}' }],
  }),
});
