import type { Expr } from '../../src/expr/expr.js';
import { E, fn, mul, one, pow, sub } from '../../src/expr/expr.js';
import { defineMistake } from '../../src/engine/rule.js';

/** u in e^u or exp(u). */
const exponent = (body: Expr): Expr | undefined =>
  body.kind === 'fn' && body.name === 'exp' ? body.args[0] : body.kind === 'pow' && body.base.kind === 'const' && body.base.name === 'e' ? body.exp : undefined;

// e^u differentiated as a power: u·e^(u−1).
export default defineMistake({
  id: 'exponential-as-power',
  title: 'Exponential differentiated as a power',
  variantOf: 'chain',
  to: (body) => {
    const u = exponent(body);
    return u === undefined ? undefined : mul(u, body.kind === 'fn' ? fn('exp', [sub(u, one)]) : pow(E, sub(u, one)));
  },
  explain: (body) => ({ text: 'the derivative of {f} is {f} times the derivative of its exponent: e^u is not a power of u', values: { f: body } }),
});
