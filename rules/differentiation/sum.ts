import { add, d } from '../../src/expr/expr.js';
import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  id: 'sum',
  title: 'Sum rule',
  law: "(u + v)' = u' + v'",
  on: ['add'],
  nests: false,
  when: () => true,
  to: (body, ctx) => add(...body.terms.map((t) => d(t, ctx.wrt))),
});
