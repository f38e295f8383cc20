import type { Expr } from '../../src/expr/expr.js';
import { add, mul, num } from '../../src/expr/expr.js';
import { numericValue } from '../../src/engine/algebra.js';
import { addQ, divQ, mulQ, ONE, ZERO } from '../../src/expr/rational.js';
import { defineRewrite } from '../../src/engine/rule.js';

const isLiteral = (e: Expr): boolean => e.kind === 'num';

// The rule is tried on every new node of every step: these answer without building a list.
function countLiterals(es: readonly Expr[]): number {
  let n = 0;
  for (let i = 0; i < es.length; i++) if (isLiteral(es[i]!)) n++;
  return n;
}

export default defineRewrite({
  id: 'fold-constants',
  title: 'Fold the numbers',
  law: '2 \\cdot 3 = 6,\\quad \\tfrac{1}{2} + \\tfrac{1}{3} = \\tfrac{5}{6}',
  on: ['add', 'sub', 'mul', 'div', 'pow'],
  apply: (e) => {
    if (e.kind === 'num') return undefined;
    // Arithmetic on literals only; a literal written as −n or n/m already reads as one number.
    const value = e.kind === 'neg' || e.kind === 'div' ? undefined : numericValue(e);
    if (value !== undefined) return num(value);
    if (e.kind === 'mul' && countLiterals(e.factors) >= 2) {
      const product = e.factors.filter(isLiteral).reduce((acc, f) => mulQ(acc, numericValue(f)!), ONE);
      const rest = e.factors.filter((f) => !isLiteral(f));
      return rest.length === 0 ? num(product) : mul(num(product), ...rest);
    }
    if (e.kind === 'add' && countLiterals(e.terms) >= 2) {
      const total = e.terms.filter(isLiteral).reduce((acc, t) => addQ(acc, numericValue(t)!), ZERO);
      const rest = e.terms.filter((t) => !isLiteral(t));
      return rest.length === 0 ? num(total) : add(...rest, num(total));
    }
    if (e.kind === 'div') {
      const top = numericValue(e.num);
      const bottom = numericValue(e.den);
      // A quotient of two whole numbers is already an exact fraction; anything else numeric folds (0.6/0.8 is 3/4).
      const literal = e.num.kind === 'num' && e.den.kind === 'num' && e.num.value.den === 1n && e.den.value.den === 1n;
      if (top !== undefined && bottom !== undefined && bottom.num !== 0n && !literal) return num(divQ(top, bottom));
    }
    return undefined;
  },
});
