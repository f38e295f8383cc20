import { d, div, one, pow } from '../../src/expr/expr.js';
import { defineRule, isConstant } from '../../src/engine/rule.js';

export default defineRule({
  id: 'root-as-power',
  title: 'Rewrite a root as a power',
  law: '\\sqrt[n]{u} = u^{1/n}',
  on: ['fn'],
  nests: false,
  when: (body, ctx) => body.name === 'nthRoot' && !isConstant(body.args[1]!, ctx),
  to: (body, ctx) => d(pow(body.args[0]!, div(one, body.args[1]!)), ctx.wrt),
});
