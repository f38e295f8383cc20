import { div, equals } from '../../src/expr/expr.js';
import { fromPower, monomialOf, numericValue, powerOf, termsOf } from '../../src/engine/algebra.js';
import { isIntegerQ, subQ, ONE } from '../../src/expr/rational.js';
import { defineRewrite } from '../../src/engine/rule.js';

// N/u^k = (N/u)/u^{k−1} when some term of N has the factor u: the next split and cancel then take
// u out of those terms, as in ((cos² − sin²)x − sin·cos)/x² = (cos² − sin² − sin·cos/x)/x.
export default defineRewrite({
  id: 'peel-factor',
  title: 'Divide the numerator by one factor of the denominator',
  law: '\\frac{N}{u^{k}} = \\frac{N / u}{u^{k-1}}',
  on: ['div'],
  apply: (e) => {
    if (e.kind !== 'div' || e.den.kind !== 'pow') return undefined;
    const k = numericValue(e.den.exp);
    const u = e.den.base;
    if (k === undefined || !isIntegerQ(k) || k.num < 2n) return undefined;
    const terms = termsOf(e.num);
    const hasU = (t: (typeof terms)[number]): boolean => monomialOf(t.expr).factors.some((f) => equals(powerOf(f).base, u));
    if (terms.length < 2 || !terms.some(hasU)) return undefined;
    return div(div(e.num, u), fromPower(u, subQ(k, ONE)));
  },
});
