// Simplification quality: over the soundness corpus, stepdiff's final result is never larger than
// mathjs's derivative with its default simplification. Both are measured the same way: nodes of the
// tree mathjs parses from the printed text (parentheses not counted), where a subtree with no
// symbol but a function call counts as one node, because mathjs evaluates such a constant to a
// float (ln(2) becomes 0.693…) while stepdiff keeps it exact.

import * as mathjs from 'mathjs';
import { describe, expect, it } from 'vitest';
import { derive, toText } from '../src/index.js';
import { CORPUS } from './corpus.js';
import { holdsCompoundFraction, isExactMathjs, mathjsSize as size } from './helpers.js';

// Issue 3 prescribes tanh' = 1 − tanh², which is necessarily larger than mathjs's sech²: the one
// place where the required form and "never larger" cannot both hold. Where mathjs folds a constant
// into a decimal (log_b: 1.4426950408889634 / x) its answer is not exact, and where it evaluates to a complex number (cbrt's x^(-2/3)/3 for a
// negative x) not real: neither is compared. Nor is an answer that is smaller only by holding a
// compound fraction, (cos(x) − sin(x)/x)/x, a form issue 24 rules out of a final result.
const PRESCRIBED_FORM = new Set(['tanh(x)', 'tanh(2x+1)']);

describe('simplification quality against mathjs', () => {
  const rows = CORPUS.flatMap((c) => {
    // mathjs cannot read definitions, undefined functions f and g, ln, or our ŷ in its derivative.
    // A raw result (simplify: false) is not meant to be small.
    if (c.options?.define || c.options?.simplify === false || c.input.includes('=') || /\bf\b|\bg\(|f'|\bln\(/.test(c.input)) return [];
    const r = derive(c.input, c.options);
    let theirs: mathjs.MathNode;
    try {
      theirs = mathjs.derivative(c.input.replace(/ŷ/g, 'yhat'), r.wrt === 'ŷ' ? 'yhat' : r.wrt);
    } catch {
      return [];
    }
    const ours = mathjs.parse(toText(r.result).replace(/ŷ/g, 'yhat'));
    return [{ input: c.input, ours: size(ours), theirs: size(theirs), text: toText(r.result), mathjs: theirs.toString(), exact: isExactMathjs(theirs.toString().replace(/yhat/g, 'ŷ'), r.result) }];
  });

  it('compares most of the corpus', () => expect(rows.length).toBeGreaterThanOrEqual(80));

  it('is never larger than mathjs, but where issue 3 prescribes the form', () => {
    const larger = rows.filter((r) => r.ours > r.theirs && !PRESCRIBED_FORM.has(r.input) && r.exact && !holdsCompoundFraction(r.mathjs.replace(/yhat/g, 'ŷ')));
    expect(larger).toEqual([]);
    const ratios = rows.map((r) => r.ours / r.theirs).sort((a, b) => a - b);
    const median = ratios[Math.floor(ratios.length / 2)]!;
    const smaller = rows.filter((r) => r.ours < r.theirs).length;
    console.info(`quality: ${rows.length} compared, ${smaller} smaller than mathjs, median size ratio ${median.toFixed(3)}, mean ${(ratios.reduce((a, b) => a + b, 0) / ratios.length).toFixed(3)}`);
    expect(median).toBeLessThanOrEqual(1);
  });

  it('the prescribed exceptions are still what the issue asks for', () => {
    expect(toText(derive('tanh(x)').result)).toBe('1 - tanh(x)^2');
  });
});
