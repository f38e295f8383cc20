import { add, d, mul, num } from '../../src/expr/expr.js';
import { type Note, defineRule } from '../../src/engine/rule.js';

export default defineRule({
  id: 'product',
  title: 'Product rule',
  law: "(uv)' = u'v + uv'",
  on: ['mul'],
  nests: true,
  when: (body) => body.factors.length >= 2,
  to: (body, ctx) =>
    add(...body.factors.map((_, i) => mul(...body.factors.map((f, j) => (i === j ? d(f, ctx.wrt) : f))))),
  note: (body): Note =>
    body.factors.length === 2
      ? {
          text: 'u = {u} and v = {v}',
          values: { u: body.factors[0]!, v: body.factors[1]! },
          parts: [{ of: body.factors[0]!, text: 'u′: derivative of the first factor {e}' }, { of: body.factors[1]!, text: 'v′: derivative of the second factor {e}' }],
        }
      : { text: 'one term for each of the {n} factors', values: { n: num(body.factors.length) }, parts: body.factors.map((f) => ({ of: f, text: 'Derivative of the factor {e}' })) },
});
