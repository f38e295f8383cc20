import { d, div, fn } from '../../src/expr/expr.js';
import { defineRule, isConstant } from '../../src/engine/rule.js';

export default defineRule({
  id: 'change-of-base',
  title: 'Change of base',
  law: '\\log_{b} u = \\frac{\\ln u}{\\ln b}',
  on: ['fn'],
  nests: false,
  when: (body, ctx) => body.name === 'log' && body.args.length === 2 && !isConstant(body.args[1]!, ctx),
  to: (body, ctx) => d(div(fn('log', [body.args[0]!]), fn('log', [body.args[1]!])), ctx.wrt),
});
