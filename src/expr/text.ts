// Plain-text printer: its output is valid mathjs syntax that parses back to the same Expr
// (the inert derivative prints as derivative(body, x), an undefined function's derivative as f'(x)).

import type { Expr } from './types.js';
import type { Rational } from './rational.js';
import { Prec, isNegative, plainNegatedProduct, precedence, twosAndFives } from './precedence.js';

const wrap = (s: string): string => `(${s})`;

/** A rational as a terminating decimal (0.5) when it has one, so that it parses back as one number. */
export function numberText(value: Rational): string {
  const { num, den } = value;
  if (den === 1n) return num.toString();
  const factors = twosAndFives(den);
  if (factors === undefined) return `${num} / ${den}`;
  // 1/(2^a 5^b) has max(a, b) decimals: one multiplication and one division, whatever the length.
  const digits = Math.max(factors.twos, factors.fives);
  const scaled = (num * 10n ** BigInt(digits)) / den;
  const magnitude = (scaled < 0n ? -scaled : scaled).toString().padStart(digits + 1, '0');
  return `${scaled < 0n ? '-' : ''}${magnitude.slice(0, -digits)}.${magnitude.slice(-digits)}`;
}

/** Prints `e` as parseable text. */
export function toText(e: Expr): string {
  const p = (child: Expr, min: Prec): string => (precedence(child) < min ? wrap(toText(child)) : toText(child));
  // A minus sign inside a sum or product reads better (and never misparses) in parentheses.
  const signed = (child: Expr, min: Prec): string => (isNegative(child) ? wrap(toText(child)) : p(child, min));
  switch (e.kind) {
    case 'num': return numberText(e.value);
    case 'sym': return e.name;
    case 'const': return e.name;
    // A nested sum or product keeps its parentheses so that it parses back as the same tree.
    case 'add': return e.terms.map((t, i) => (t.kind === 'add' ? wrap(toText(t)) : i === 0 ? p(t, Prec.Sum) : signed(t, Prec.Product))).join(' + ');
    case 'sub': return `${p(e.left, Prec.Sum)} - ${signed(e.right, Prec.Product)}`;
    case 'mul':
      return e.factors
        .map((f, i) => (f.kind === 'mul' ? wrap(toText(f)) : i === 0 ? p(f, Prec.Product) : signed(f, Prec.Unary)))
        .join(' * ');
    case 'div': return `${p(e.num, Prec.Product)} / ${signed(e.den, Prec.Unary)}`;
    case 'pow': return `${p(e.base, Prec.Atom)}^${p(e.exp, Prec.Atom)}`;
    // −(2·x) is written -2 * x, as a teacher writes it: mathjs reads that as (−2)·x, the same value.
    case 'neg': return plainNegatedProduct(e.arg) ? `-${toText(e.arg)}` : `-${p(e.arg, e.arg.kind === 'neg' || e.arg.kind === 'num' ? Prec.Atom : Prec.Unary)}`;
    case 'fn': return `${e.name}${"'".repeat(e.primes)}(${e.args.map(toText).join(', ')})`;
    case 'eq': return `${toText(e.left)} = ${toText(e.right)}`;
    case 'cmp': return `${p(e.left, Prec.Sum)} ${e.op} ${p(e.right, Prec.Sum)}`;
    // mathjs's conditional, so that a piecewise result evaluates there as it reads; a nested one on the right reads as the next case.
    case 'cond': return `${p(e.test, Prec.Comparison)} ? ${p(e.yes, Prec.Comparison)} : ${p(e.no, Prec.Conditional)}`;
    case 'd':
      return e.at === undefined
        ? `derivative(${toText(e.body)}, ${e.wrt})`
        : `derivative(${toText(e.body)}, ${e.wrt}, ${toText(e.at)})`;
  }
}

/** Fills the {slots} of a note's text with printed expressions. */
export function fillText(text: string, values: Readonly<Record<string, Expr>>, print: (e: Expr) => string): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (Object.hasOwn(values, key) ? print(values[key]!) : whole));
}
