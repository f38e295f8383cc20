import { d, mul } from '../../src/expr/expr.js';
import { defineMistake, isNumeric } from '../../src/engine/rule.js';

// The constant factor dropped: (c·u)' written u'.
export default defineMistake({
  id: 'constant-factor-lost',
  title: 'Constant factor lost',
  variantOf: 'constant-multiple',
  to: (body, ctx) => {
    if (body.kind === 'div') return d(body.num, ctx.wrt);
    if (body.kind !== 'mul') return undefined;
    const rest = body.factors.filter((f) => !isNumeric(f));
    return d(rest.length === 1 ? rest[0]! : mul(...rest), ctx.wrt);
  },
  explain: (body) => ({ text: 'the constant factor of {f} stays in its derivative', values: { f: body } }),
});
