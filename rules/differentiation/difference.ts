import { d, sub } from '../../src/expr/expr.js';
import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  id: 'difference',
  title: 'Difference rule',
  law: "(u - v)' = u' - v'",
  on: ['sub'],
  nests: false,
  when: () => true,
  to: (body, ctx) => sub(d(body.left, ctx.wrt), d(body.right, ctx.wrt)),
});
