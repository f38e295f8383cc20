// LaTeX printer. Output is only ever built from the AST: names are mapped (σ → \sigma, ŷ → \hat{y})
// or escaped, so no user text reaches LaTeX raw. It never decides mathematics.

import type { Expr } from './expr.js';
import { derivativeOrder } from './expr.js';
import { GREEK_NAMES } from './functions.js';
import { Prec, isNegative, plainNegatedProduct, precedence } from './precedence.js';

/** Printer options. */
export interface LatexOptions {
  /** Write ∂ instead of d in derivative operators (other variables are present). */
  readonly partial?: boolean;
  /** A variable that is a function of the variable of differentiation: its derivative prints as dy/dx. */
  readonly dependent?: string;
  /** The words of a piecewise function's rows, in the reader's language (default "if " and "otherwise"). */
  readonly cases?: { readonly if: string; readonly otherwise: string };
}

const OPERATORS: Readonly<Record<string, string>> = {
  sin: '\\sin', cos: '\\cos', tan: '\\tan', sec: '\\sec', csc: '\\csc', cot: '\\cot',
  asin: '\\arcsin', acos: '\\arccos', atan: '\\arctan',
  asec: '\\operatorname{arcsec}', acsc: '\\operatorname{arccsc}', acot: '\\operatorname{arccot}',
  sinh: '\\sinh', cosh: '\\cosh', tanh: '\\tanh', coth: '\\coth',
  sech: '\\operatorname{sech}', csch: '\\operatorname{csch}',
  asinh: '\\operatorname{arsinh}', acosh: '\\operatorname{arcosh}', atanh: '\\operatorname{artanh}',
  asech: '\\operatorname{arsech}', acsch: '\\operatorname{arcsch}', acoth: '\\operatorname{arcoth}',
  erf: '\\operatorname{erf}', sign: '\\operatorname{sgn}',
  ln: '\\ln', log: '\\log', log2: '\\log_{2}', log10: '\\log_{10}', exp: '\\exp',
};

const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', $: '\\$', '&': '\\&', '#': '\\#', '^': '\\textasciicircum{}',
  _: '\\_', '%': '\\%', '~': '\\textasciitilde{}',
};

/** Text escaped for LaTeX's \\text{…}. */
export function latexText(text: string): string {
  return [...text].map((c) => (Object.hasOwn(TEXT_ESCAPES, c) ? TEXT_ESCAPES[c]! : c)).join('');
}

// A one-letter ASCII name prints as itself: most names are, and they skip the lookups below.
const isAsciiLetter = (name: string): boolean => name.length === 1 && /[A-Za-z]/.test(name);

function nameBase(name: string): string {
  if (isAsciiLetter(name)) return name;
  const greek = GREEK_NAMES.get(name);
  if (greek !== undefined) return `\\${greek}`;
  const decomposed = name.normalize('NFD');
  if (/^[A-Za-z]\u0302$/.test(decomposed)) return `\\hat{${decomposed[0]}}`;
  if (/^[A-Za-z]$|^[0-9]+$/.test(name)) return name;
  if (/^[A-Za-z][A-Za-z0-9]*$/.test(name)) return `\\mathrm{${name}}`;
  return `\\text{${latexText(name)}}`;
}

/** A user's name in LaTeX: Greek letters, hats and `x_1` subscripts; anything else escaped. */
export function latexName(name: string): string {
  const split = name.includes('_') ? /^([^_]+)_([^_]+)$/u.exec(name) : null;
  return split ? `${nameBase(split[1]!)}_{${nameBase(split[2]!)}}` : nameBase(name);
}

const paren = (s: string): string => `\\left(${s}\\right)`;

/** Prints `e` as LaTeX. */
export function toLatex(e: Expr, options: LatexOptions = {}): string {
  const print = (child: Expr): string => toLatex(child, options);
  const p = (child: Expr, min: Prec): string => (precedence(child) < min ? paren(print(child)) : print(child));
  switch (e.kind) {
    case 'num': {
      const { num, den } = e.value;
      if (den === 1n) return num.toString();
      const frac = `\\frac{${num < 0n ? -num : num}}{${den}}`;
      return num < 0n ? `-${frac}` : frac;
    }
    case 'sym': return latexName(e.name);
    case 'const': return e.name === 'pi' ? '\\pi' : 'e';
    case 'add': {
      // Concatenated, not joined: a join copies the whole text of every term at every level of a deep sum.
      let out = '';
      for (let i = 0; i < e.terms.length; i++) {
        const t = e.terms[i]!;
        out += i === 0 ? print(t) : isNegative(t) ? ` + ${paren(print(t))}` : ` + ${p(t, Prec.Sum)}`;
      }
      return out;
    }
    case 'sub': return `${print(e.left)} - ${isNegative(e.right) ? paren(print(e.right)) : p(e.right, Prec.Product)}`;
    case 'mul': return product(e.factors, print, options.dependent);
    case 'div': return `\\frac{${print(e.num)}}{${print(e.den)}}`;
    case 'pow': {
      // A call's power is written (f(x))^{n}; exp(x) prints as e^{x}, whose own superscript would
      // make e^{x}^{2}, a double superscript that KaTeX and LaTeX reject.
      const base = e.base.kind === 'fn' && e.base.primes === 0 ? paren(print(e.base)) : p(e.base, Prec.Atom);
      return `${e.base.kind === 'num' && e.base.value.den !== 1n ? paren(print(e.base)) : base}^{${print(e.exp)}}`;
    }
    // −(2x) is written −2x, without the parentheses its tree has.
    case 'neg': return `-${isNegative(e.arg) || (precedence(e.arg) < Prec.Unary && !plainNegatedProduct(e.arg)) ? paren(print(e.arg)) : print(e.arg)}`;
    case 'fn': return call(e, print);
    case 'eq': return `${print(e.left)} = ${print(e.right)}`;
    case 'cmp': return `${p(e.left, Prec.Sum)} ${COMPARISONS[e.op]} ${p(e.right, Prec.Sum)}`;
    case 'cond': return cases(e, print, options.cases);
    case 'd': {
      const op = options.partial ? '\\partial' : 'd';
      // d/dx[d/dx[f]] is the second derivative, written as Leibniz did: d²/dx² f.
      const order = e.at === undefined ? derivativeOrder(e) : 1;
      let inner: Expr = e.body;
      for (let k = 1; k < order; k++) inner = (inner as Extract<Expr, { kind: 'd' }>).body;
      const power = order === 1 ? '' : `^{${order}}`;
      // The derivative of the dependent variable is the unknown dy/dx: a symbol of its own, not an operation waiting.
      if (inner.kind === 'sym' && inner.name === options.dependent && e.at === undefined) return `\\frac{${op}${power} ${latexName(inner.name)}}{${op} ${latexName(e.wrt)}${power}}`;
      const body = `\\frac{${op}${power}}{${op} ${latexName(e.wrt)}${power}}\\left[${print(inner)}\\right]`;
      return e.at === undefined ? body : `\\left.${body}\\right|_{${latexName(e.wrt)} = ${print(e.at)}}`;
    }
  }
}

const COMPARISONS: Readonly<Record<string, string>> = { '<': '<', '<=': '\\le', '>': '>', '>=': '\\ge' };

/** A piecewise expression as cases, one row per test, its last row "otherwise": a nested one on the right is the next row. */
function cases(e: Extract<Expr, { kind: 'cond' }>, print: (e: Expr) => string, words: LatexOptions['cases']): string {
  const rows: string[] = [];
  let rest: Expr = e;
  while (rest.kind === 'cond') {
    rows.push(`${print(rest.yes)} & \\text{${latexText(words?.if ?? 'if ')}} ${print(rest.test)}`);
    rest = rest.no;
  }
  rows.push(`${print(rest)} & \\text{${latexText(words?.otherwise ?? 'otherwise')}}`);
  return `\\begin{cases} ${rows.join(' \\\\ ')} \\end{cases}`;
}

function call(e: Extract<Expr, { kind: 'fn' }>, print: (e: Expr) => string): string {
  const [first, second] = e.args;
  const arg = print(first!);
  const wrapped = /\\frac|\\left/.test(arg) ? paren(arg) : `(${arg})`;
  switch (e.name) {
    case 'exp': return `e^{${arg}}`;
    case 'sqrt': return `\\sqrt{${arg}}`;
    case 'cbrt': return `\\sqrt[3]{${arg}}`;
    case 'nthRoot': return `\\sqrt[${print(second!)}]{${arg}}`;
    case 'abs': return `\\left|${arg}\\right|`;
    case 'sum': return `\\sum_{${print(second!)}} ${first!.kind === 'add' || first!.kind === 'sub' ? paren(arg) : arg}`;
    case 'δ': return `\\delta_{${arg}${print(second!)}}`;
    case 'softmax': return `\\operatorname{softmax}${wrapped}`;
    case 'max': case 'min': return `\\${e.name}\\left(${arg}, ${print(second!)}\\right)`;
    case 'log': if (second !== undefined) return `\\log_{${print(second)}}${wrapped}`; break;
    default: break;
  }
  // Own properties only: a user's function named constructor or toString is no operator.
  const op = Object.hasOwn(OPERATORS, e.name) ? OPERATORS[e.name] : undefined;
  if (op !== undefined) return `${op}${wrapped}`;
  const args = e.args.map(print).join(', ');
  return `${latexName(e.name)}${"'".repeat(e.primes)}${/\\frac|\\left/.test(args) ? paren(args) : `(${args})`}`;
}

/** Juxtaposes factors, with \cdot only where juxtaposition would misread (2·3, x·(−1), d/dx[…]·v); dy/dx reads as one symbol (2y dy/dx). */
function product(factors: readonly Expr[], print: (e: Expr) => string, dependent: string | undefined): string {
  const unknown = (e: Expr): boolean => e.kind === 'd' && e.at === undefined && e.body.kind === 'sym' && e.body.name === dependent;
  let out = '';
  factors.forEach((f, i) => {
    const needsParens = precedence(f) < Prec.Product || (i > 0 && isNegative(f)) || (f.kind === 'num' && i > 0 && f.value.den !== 1n);
    const text = needsParens ? paren(print(f)) : print(f);
    if (i > 0) {
      const prev = factors[i - 1]!;
      const dot = unknown(f) ? prev.kind === 'd' && !unknown(prev) : /^[0-9.-]|^\\frac/.test(text) || f.kind === 'd' || prev.kind === 'd' || (prev.kind === 'num' && needsParens);
      out += dot ? ' \\cdot ' : ' \\, ';
    }
    out += text;
  });
  return out;
}
