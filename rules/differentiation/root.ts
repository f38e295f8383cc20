import { div, mul, num, one, pow } from '../../src/expr/expr.js';
import { decrement, defineRule, isConstant, isVariable } from '../../src/engine/rule.js';

export default defineRule({
  id: 'root',
  title: 'Root rule',
  law: '\\frac{d}{dx}\\sqrt{x} = \\frac{1}{2\\sqrt{x}},\\quad \\frac{d}{dx}\\sqrt[n]{x} = \\frac{x^{1/n - 1}}{n}',
  on: ['fn'],
  nests: false,
  when: (body, ctx) =>
    ['sqrt', 'cbrt', 'nthRoot'].includes(body.name) && isVariable(body.args[0]!, ctx) && body.args.slice(1).every((a) => isConstant(a, ctx)),
  to: (body) => {
    if (body.name === 'sqrt') return div(one, mul(num(2), body));
    // x^{1/n − 1}/n: the compact form, real for odd n and negative x as the root itself is.
    const n = body.name === 'cbrt' ? num(3) : body.args[1]!;
    return div(pow(body.args[0]!, decrement(div(one, n))), n);
  },
});
