import type { Expr } from '../../src/expr/expr.js';
import { mul } from '../../src/expr/expr.js';
import { defineRewrite, isNumeric } from '../../src/engine/rule.js';

/**
 * Where a factor goes in its product: numbers, then other constants (π, ln 2), then a variable or a
 * power of one, then the rest, so that 10·x·(x² + 1)⁴ reads coefficient and variable first.
 */
function rank(f: Expr): number {
  if (f.kind === 'num') return 0;
  if (isNumeric(f)) return 1;
  if (f.kind === 'sym' || (f.kind === 'pow' && f.base.kind === 'sym' && isNumeric(f.exp))) return 2;
  return 3;
}

function inOrder(factors: readonly Expr[]): boolean {
  for (let i = 1; i < factors.length; i++) if (rank(factors[i - 1]!) > rank(factors[i]!)) return false;
  return true;
}

export default defineRewrite({
  id: 'order-factors',
  title: 'Order the factors',
  law: 'x \\cdot 2 = 2x,\\quad (x^2 + 1)^4 \\cdot 10x = 10x\\,(x^2 + 1)^4',
  on: ['mul'],
  // A stable sort: factors of one rank keep the order they were written in (σ(x)·(1 − σ(x))).
  apply: (e) => (e.kind !== 'mul' || inOrder(e.factors) ? undefined : mul(...[...e.factors].sort((a, b) => rank(a) - rank(b)))),
});
