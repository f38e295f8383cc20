import { d, substitute } from '../../src/expr/expr.js';
import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  id: 'definition',
  title: 'Use the definition',
  law: 'f(x) = \\text{its definition}',
  on: ['fn'],
  nests: false,
  when: (body, ctx) => ctx.definitions.has(body.name) && body.primes === 0,
  // Reached for functions of several arguments, and for f(y) itself while f' is being derived.
  to: (body, ctx) => {
    const { params, body: definition } = ctx.definitions.get(body.name)!;
    return d(substitute(definition, new Map(params.map((p, i) => [p, body.args[i]!]))), ctx.wrt);
  },
  note: (body, ctx) => {
    const { params, body: definition } = ctx.definitions.get(body.name)!;
    return { text: '{f} is defined as {g}', values: { f: body, g: substitute(definition, new Map(params.map((p, i) => [p, body.args[i]!]))) } };
  },
});
