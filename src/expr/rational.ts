// Exact rationals over bigint, always normalised: den > 0 and gcd(num, den) = 1.

/** An exact rational number. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

/** The greatest common divisor of |a| and |b| (gcd(0, b) = |b|). */
export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const r = x % y;
    x = y;
    y = r;
  }
  return x;
}

/** Builds a normalised rational; throws RangeError on a zero denominator (a programming error). */
export function rational(num: bigint, den: bigint = 1n): Rational {
  if (den === 0n) throw new RangeError('zero denominator');
  // Integers, most of what rules meet, are normalised already: no gcd to take.
  if (den === 1n) return Object.freeze({ num, den });
  const sign = den < 0n ? -1n : 1n;
  const g = gcd(num, den) || 1n;
  return Object.freeze({ num: (sign * num) / g, den: (sign * den) / g });
}

export const ZERO = rational(0n);
export const ONE = rational(1n);

// Integers, most of what rules add, take one bigint operation rather than four.
export const addQ = (a: Rational, b: Rational): Rational =>
  a.den === 1n && b.den === 1n ? rational(a.num + b.num) : rational(a.num * b.den + b.num * a.den, a.den * b.den);
export const subQ = (a: Rational, b: Rational): Rational =>
  a.den === 1n && b.den === 1n ? rational(a.num - b.num) : rational(a.num * b.den - b.num * a.den, a.den * b.den);
export const mulQ = (a: Rational, b: Rational): Rational => (eqQ(a, ONE) ? b : eqQ(b, ONE) ? a : rational(a.num * b.num, a.den * b.den));
// Negating keeps a normalised rational normalised.
export const negQ = (a: Rational): Rational => Object.freeze({ num: -a.num, den: a.den });
/** a / b; throws RangeError when b is zero. */
export const divQ = (a: Rational, b: Rational): Rational => rational(a.num * b.den, a.den * b.num);
export const eqQ = (a: Rational, b: Rational): boolean => a.num === b.num && a.den === b.den;
/** −1, 0 or 1 as a is less than, equal to or greater than b (denominators are positive). */
export const cmpQ = (a: Rational, b: Rational): number => { const d = a.num * b.den - b.num * a.den; return d < 0n ? -1 : d > 0n ? 1 : 0; };
export const isIntegerQ = (a: Rational): boolean => a.den === 1n;

/** Nearest double (exact for the values the parser accepts up to rounding). */
export function toNumberQ(a: Rational): number {
  const n = Number(a.num);
  const d = Number(a.den);
  if (Number.isFinite(n) && Number.isFinite(d)) return n / d;
  // Scale both down so huge numerators and denominators still divide to a finite ratio.
  const shift = BigInt(Math.max(a.num.toString().length, a.den.toString().length) - 300);
  const scale = 10n ** (shift > 0n ? shift : 0n);
  return Number(a.num / scale) / Number(a.den / scale);
}

function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Parses a decimal literal such as `0.5`, `12`, `1.5e-3` exactly; undefined when it is not one. */
export function parseDecimal(text: string): Rational | undefined {
  // Most literals are plain integers: read without the regex.
  if (isDigits(text)) return rational(BigInt(text));
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const digits = `${m[2]}${m[3] ?? ''}`;
  const exponent = Number(m[4] ?? '0') - (m[3] ?? '').length;
  const mantissa = BigInt(digits === '' ? '0' : digits) * (m[1] === '-' ? -1n : 1n);
  return exponent >= 0 ? rational(mantissa * 10n ** BigInt(exponent)) : rational(mantissa, 10n ** BigInt(-exponent));
}
