import { fn } from '../../src/expr/expr.js';
import { defineRule, isUndefinedFunction, isVariable } from '../../src/engine/rule.js';

export default defineRule({
  id: 'undefined-function',
  title: 'Undefined function',
  law: "\\frac{d}{dx}f(x) = f'(x)",
  on: ['fn'],
  nests: false,
  when: (body, ctx) => isUndefinedFunction(body, ctx) && body.args.length === 1 && isVariable(body.args[0]!, ctx),
  to: (body) => fn(body.name, [...body.args], body.primes + 1),
  note: (body) => ({ text: '{f} is not defined, so its derivative stays symbolic', values: { f: fn(body.name, [...body.args], body.primes) } }),
});
