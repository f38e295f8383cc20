import { d, neg } from '../../src/expr/expr.js';
import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  id: 'negation',
  title: 'Constant multiple rule (negation)',
  law: "(-u)' = -u'",
  on: ['neg'],
  nests: false,
  when: () => true,
  to: (body, ctx) => neg(d(body.arg, ctx.wrt)),
});
