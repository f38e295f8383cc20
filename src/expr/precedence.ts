// Binding strength of each node as printed; shared by the text and LaTeX printers so both
// parenthesise the same way. Higher binds tighter.

import type { Expr } from './types.js';

export const enum Prec {
  Equation = -1,
  Conditional = 0,
  Comparison = 0.5,
  Sum = 1,
  Product = 2,
  Unary = 3,
  Power = 4,
  Atom = 5,
}

/** How tightly `e` binds when printed. */
export function precedence(e: Expr): Prec {
  switch (e.kind) {
    case 'eq': return Prec.Equation;
    case 'cond': return Prec.Conditional;
    case 'cmp': return Prec.Comparison;
    case 'add': case 'sub': return Prec.Sum;
    case 'mul': case 'div': return Prec.Product;
    case 'neg': return Prec.Unary;
    case 'pow': return Prec.Power;
    case 'num':
      if (e.value.num < 0n) return Prec.Unary;
      return isTerminating(e.value.den) ? Prec.Atom : Prec.Product;
    default: return Prec.Atom;
  }
}

/**
 * Whether `e` prints with a leading minus sign: a negation, a negative number, or a product or
 * quotient whose first factor does (−1/3 as −1 over 3), so that x − (−1/3) never prints x - -1 / 3.
 */
export function isNegative(e: Expr): boolean {
  switch (e.kind) {
    case 'neg': return true;
    case 'num': return e.value.num < 0n;
    case 'mul': return e.factors.length > 0 && isNegative(e.factors[0]!);
    case 'div': return isNegative(e.num);
    default: return false;
  }
}

/**
 * Whether −(e) prints as -e without parentheses: e a product or quotient whose first factor or
 * numerator is not negative (the parser reads -a * b back as −(a·b) and -a / b as −(a/b)), nor a
 * product itself (-(a * b) * c would be ambiguous).
 */
export const plainNegatedProduct = (e: Expr): boolean =>
  (e.kind === 'mul' && e.factors[0]?.kind !== 'mul' && !isNegative(e)) || (e.kind === 'div' && e.num.kind !== 'mul' && !isNegative(e));

/**
 * den as 2^a·5^b, or undefined when it has another prime factor. Found in a few big-number
 * operations, not one division per factor: a loop of divisions made printing a number of n digits
 * take time in n² (4,000 digits: 5 s).
 */
export function twosAndFives(den: bigint): { readonly twos: number; readonly fives: number } | undefined {
  if (den <= 0n) return undefined;
  // Most denominators are small: a loop over a Number is exact below 2^53 and cheapest.
  if (den < 9007199254740992n) {
    let rest = Number(den);
    let twos = 0;
    let fives = 0;
    while (rest % 2 === 0) {
      rest /= 2;
      twos++;
    }
    while (rest % 5 === 0) {
      rest /= 5;
      fives++;
    }
    return rest === 1 ? { twos, fives } : undefined;
  }
  const twos = (den & -den).toString(2).length - 1;
  const odd = den >> BigInt(twos);
  // odd = 5^b has b close to its bit length over log2 5; the neighbours are checked too.
  const estimate = Math.round((odd.toString(2).length - 1) / Math.log2(5));
  for (const fives of [estimate, estimate - 1, estimate + 1]) if (fives >= 0 && 5n ** BigInt(fives) === odd) return { twos, fives };
  return undefined;
}

/** Whether 1/den has a terminating decimal expansion (den = 2^a 5^b), so the number prints as one token. */
export function isTerminating(den: bigint): boolean {
  // Every shape of a number asks this, and most numbers are integers: 1 needs no bigint division.
  if (den === 1n) return true;
  // 0 divides by 2 forever; it is no denominator, but a hand-built node may hold it.
  if (den === 0n) return false;
  return twosAndFives(den) !== undefined;
}
