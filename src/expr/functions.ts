// The built-in function names stepdiff understands, with their arities; the single source for the
// parser's allowlist, the evaluator and the printers.

/** How many arguments a built-in function takes. */
export interface Arity {
  readonly min: number;
  readonly max: number;
}

const unary: Arity = { min: 1, max: 1 };

/** Built-in functions by name. `log` takes an optional base; `nthRoot` an optional index (default 2). */
export const BUILTINS: ReadonlyMap<string, Arity> = new Map<string, Arity>([
  ['exp', unary], ['log', { min: 1, max: 2 }], ['ln', unary], ['log2', unary], ['log10', unary],
  ['sqrt', unary], ['cbrt', unary], ['nthRoot', { min: 1, max: 2 }], ['abs', unary], ['pow', { min: 2, max: 2 }],
  ...['sin', 'cos', 'tan', 'sec', 'csc', 'cot', 'asin', 'acos', 'atan', 'asec', 'acsc', 'acot'].map(
    (n): [string, Arity] => [n, unary],
  ),
  ...['sinh', 'cosh', 'tanh', 'sech', 'csch', 'coth', 'asinh', 'acosh', 'atanh', 'asech', 'acsch', 'acoth'].map(
    (n): [string, Arity] => [n, unary],
  ),
  // The error function (GELU is defined by it) and the sign function (the derivative of |x|).
  ['erf', unary], ['sign', unary],
  // The larger and the smaller of two values (ReLU is max(0, x)).
  ['max', { min: 2, max: 2 }], ['min', { min: 2, max: 2 }],
  // A sum over an index, sum(f, j); the Kronecker delta δ(j, k); softmax(z_i) = exp(z_i)/sum(exp(z_j), j).
  ['sum', { min: 2, max: 2 }], ['δ', { min: 2, max: 2 }], ['softmax', unary],
]);

export const isBuiltin = (name: string): boolean => BUILTINS.has(name);

const GREEK: ReadonlyMap<string, string> = new Map(
  Object.entries({
    alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ',
    iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', rho: 'ρ', sigma: 'σ', tau: 'τ',
    upsilon: 'υ', phi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ',
    Lambda: 'Λ', Xi: 'Ξ', Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
  }),
);

/** The ASCII spelling of each Greek letter we canonicalise (σ → sigma). */
export const GREEK_NAMES: ReadonlyMap<string, string> = new Map([...GREEK].map(([k, v]) => [v, k]));

/**
 * The canonical spelling of a user's name: `sigma` and `σ` are one symbol, as are `yhat` and `ŷ`,
 * so that input written either way derives and prints the same.
 */
export function canonicalName(name: string): string {
  // Asked of every name the parser meets: most are NFC already (isNfcStable), and only a name
  // ending in "hat" can be a hatted letter, so most names skip both the ICU call and the regex.
  const nfc = isNfcStable(name) ? name : name.normalize('NFC');
  const greek = GREEK.get(nfc);
  if (greek !== undefined) return greek;
  const hat = nfc.endsWith('hat') ? /^(\p{L})hat$/u.exec(nfc) : null;
  if (hat) {
    const composed = `${hat[1]}\u0302`.normalize('NFC');
    if ([...composed].length === 1) return composed;
  }
  return nfc;
}

/** Whether every character of `text` is ASCII (such text is unchanged by Unicode normalisation). */
export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * Whether NFC leaves `text` as it is, decided without ICU: true when every character is below
 * U+0300 or a Greek letter (U+0370–U+03FF but U+0374, U+037E and U+0387, which NFC replaces).
 * None of them has a combining class or combines with another of them (test/parse.test.ts checks
 * every one and every pair). The first ICU call of a derivation took 7–16 µs on this machine
 * when its caches had gone cold, as they have between the calls of an interactive page.
 */
export function isNfcStable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x300) continue;
    if (c < 0x370 || c > 0x3ff || c === 0x374 || c === 0x37e || c === 0x387) return false;
  }
  return true;
}

const NAME = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;

/** Whether `name` is a variable name: a letter, _ or $, then letters, digits, _ or $. */
export function isName(name: string): boolean {
  // Asked of every wrt: an ASCII name is read without the Unicode regex (\p{L} and \p{N} hold the
  // ASCII letters and digits, so both say the same of it).
  if (!isAscii(name)) return NAME.test(name);
  if (name.length === 0) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const letter = (c | 32) >= 97 && (c | 32) <= 122;
    if (!(letter || c === 95 || c === 36 || (i > 0 && c >= 48 && c <= 57))) return false;
  }
  return true;
}

/** Whether `name` may be an undefined function such as f, g or φ (one letter, optional subscript). */
export const isUndefinedFunctionName = (name: string): boolean => /^\p{L}(_[\p{L}\p{N}]+)?$/u.test(name);
