import { div, fn, mul, num, one, pow } from '../src/expr.js';
import { decrement, defineRule, isConstant, isVariable } from '../src/rule.js';

export default defineRule({
  id: 'root',
  title: 'Root rule',
  law: '\\frac{d}{dx}\\sqrt[n]{x} = \\frac{1}{n\\sqrt[n]{x}^{\\,n-1}}',
  on: ['fn'],
  nests: false,
  when: (body, ctx) =>
    ['sqrt', 'cbrt', 'nthRoot'].includes(body.name) && isVariable(body.args[0]!, ctx) && body.args.slice(1).every((a) => isConstant(a, ctx)),
  to: (body) => {
    if (body.name === 'sqrt') return div(one, mul(num(2), body));
    if (body.name === 'cbrt') return div(one, mul(num(3), pow(body, num(2))));
    const n = body.args[1]!;
    return div(one, mul(n, pow(body, decrement(n))));
  },
});
