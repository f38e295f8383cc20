import { equals, sym, withChildren } from '../../src/expr/expr.js';
import { sameUpToIndices } from '../../src/expr/indexed.js';
import { defineRewrite } from '../../src/engine/rule.js';

// What the caller states holds (labels that sum to 1: sum(t_i, i) = 1) is used as a step of its
// own, saying so, as a cancellation says what it assumes.
export default defineRewrite({
  id: 'assumption',
  title: 'Use what is assumed',
  law: 'a = b \\text{ (assumed)}',
  usable: (ctx) => (ctx.assumptions?.length ?? 0) > 0,
  apply: (e, ctx) => ctx.assumptions?.find(([left]) => sameUpToIndices(left, e, { sym, withChildren, equals }))?.[1],
  note: (e, ctx) => {
    const found = ctx.assumptions?.find(([left]) => sameUpToIndices(left, e, { sym, withChildren, equals }));
    return found === undefined ? undefined : { text: 'assuming {a} = {b}', values: { a: found[0], b: found[1] } };
  },
});
