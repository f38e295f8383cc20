// LaTeX input, as people paste it from a paper or a KaTeX page (\frac{1}{1+e^{-x}}), read into the
// text syntax the parser takes (((1)/(1+e^(-x)))). A small reader of our own: the LaTeX of a formula
// is a handful of commands, and every character written keeps where it came from, so an error in
// the text is reported at its column in the LaTeX. A command it does not read is a typed error at
// its position, never skipped.

import { StepdiffError } from '../expr/errors.js';
import { BUILTINS } from '../expr/functions.js';

/** The text syntax of a LaTeX formula, and for each of its characters the index in the LaTeX it came from. */
export interface FromLatex {
  readonly text: string;
  readonly from: readonly number[];
}

const GREEK_LETTERS: Readonly<Record<string, string>> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ', vartheta: 'θ', iota: 'ι',
  kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', rho: 'ρ', sigma: 'σ', tau: 'τ', upsilon: 'υ', phi: 'φ', varphi: 'φ', chi: 'χ',
  psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
};

/** Commands that are a function name (\arcsin is asin). */
const FUNCTIONS: Readonly<Record<string, string>> = {
  sin: 'sin', cos: 'cos', tan: 'tan', sec: 'sec', csc: 'csc', cot: 'cot', arcsin: 'asin', arccos: 'acos', arctan: 'atan',
  sinh: 'sinh', cosh: 'cosh', tanh: 'tanh', coth: 'coth', ln: 'ln', log: 'log', exp: 'exp',
};

/** Commands that are an operator or a bracket. */
const SYMBOLS: Readonly<Record<string, string>> = {
  cdot: '*', times: '*', div: '/', pi: 'pi', lbrace: '(', rbrace: ')', '{': '(', '}': ')', lvert: 'abs(', rvert: ')',
};

/** Spacing commands, read as a space. */
const SPACES = new Set([',', ';', ':', '!', ' ', 'quad', 'qquad', 'thinspace', 'medspace', 'thickspace', 'displaystyle', 'textstyle']);

const isLetter = (c: string | undefined): boolean => c !== undefined && /[A-Za-z]/.test(c);

/** Whether `text` is LaTeX by its look: a backslash or a brace, which the text syntax never uses (x^{2}, \\frac{1}{x}). */
export const looksLikeLatex = (text: string): boolean => /[\\{}]/.test(text);

/** Reads LaTeX into the parser's text syntax; an unread command or an unbalanced brace is a typed error at its position. */
export function fromLatex(latex: string): FromLatex {
  let text = '';
  const from: number[] = [];
  const emit = (s: string, at: number): void => {
    text += s;
    for (let k = 0; k < s.length; k++) from.push(at);
  };
  let i = 0;
  const unread = (what: string, at: number): never => {
    throw new StepdiffError('unsupported-syntax', `LaTeX ${what} is not read; write the formula with \\frac, \\sqrt, ^{…}, \\left( … \\right) and the usual function names.`, at);
  };
  const command = (): { name: string; at: number } => {
    const at = i;
    i++;
    if (isLetter(latex[i])) {
      const start = i;
      while (isLetter(latex[i])) i++;
      return { name: latex.slice(start, i), at };
    }
    if (i >= latex.length) unread('\\ at the end', at);
    return { name: latex[i++]!, at };
  };
  const skipSpaces = (): void => {
    while (latex[i] === ' ') i++;
  };
  /** The {…} group at i, emitted in parentheses. */
  const group = (): void => {
    const at = i++;
    emit('(', at);
    sequence('}');
    if (latex[i] !== '}') unread('group without its closing }', at);
    emit(')', i++);
  };
  /** A {…} group (or one character, or one command), emitted in parentheses. */
  const argument = (): void => {
    skipSpaces();
    const at = i;
    if (latex[i] === '{') return group();
    if (latex[i] === '\\') {
      const before = text.length;
      token();
      if (text.length === before) unread('argument', at);
      return;
    }
    if (i >= latex.length) unread('command without its argument', at);
    emit(latex[i]!, i);
    i++;
  };
  /** The text of a {…} group read as a plain name (\mathrm{e}, \operatorname{softplus}). */
  const name = (): string => {
    skipSpaces();
    const at = i;
    if (latex[i] !== '{') unread('name without braces', at);
    const close = latex.indexOf('}', i);
    if (close < 0) unread('group without its closing }', at);
    const inside = latex.slice(i + 1, close).trim();
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(inside)) unread(`name "${inside}"`, at);
    i = close + 1;
    return inside;
  };
  const token = (): void => {
    const c = latex[i]!;
    if (c === '\\') {
      const { name: cmd, at } = command();
      if (SPACES.has(cmd)) return emit(' ', at);
      if (cmd === 'frac' || cmd === 'dfrac' || cmd === 'tfrac') {
        emit('(', at);
        argument();
        emit('/', at);
        argument();
        return emit(')', at);
      }
      if (cmd === 'sqrt') {
        skipSpaces();
        if (latex[i] === '[') {
          const close = latex.indexOf(']', i);
          if (close < 0) unread('root index without its closing ]', i);
          const index = latex.slice(i + 1, close);
          i = close + 1;
          emit('nthRoot(', at);
          argument();
          emit(',', at);
          for (let k = 0; k < index.length; k++) emit(index[k]!, close - index.length + k);
          return emit(')', at);
        }
        emit('sqrt(', at);
        argument();
        return emit(')', at);
      }
      if (cmd === 'left' || cmd === 'right' || cmd === 'bigl' || cmd === 'bigr' || cmd === 'Bigl' || cmd === 'Bigr' || cmd === 'big' || cmd === 'Big') {
        skipSpaces();
        const bracket = latex[i];
        if (bracket === '.') return void i++;
        if (bracket === '|') {
          i++;
          return emit(cmd.endsWith('l') || cmd === 'left' ? 'abs(' : ')', at);
        }
        if (bracket === '\\') {
          const inner = command();
          const mapped = inner.name === '{' ? '(' : inner.name === '}' ? ')' : inner.name === 'lvert' ? 'abs(' : inner.name === 'rvert' ? ')' : undefined;
          if (mapped === undefined) unread(`\\${cmd}\\${inner.name}`, at);
          return emit(mapped!, at);
        }
        if (bracket === '(' || bracket === '[') return emit('(', i++);
        if (bracket === ')' || bracket === ']') return emit(')', i++);
        return unread(`\\${cmd} without a bracket`, at);
      }
      if (cmd === 'mathrm' || cmd === 'operatorname' || cmd === 'text' || cmd === 'mathit') {
        const written = name();
        return emit(written === 'e' ? 'e' : written, at);
      }
      if (cmd === 'hat') {
        const letterAt = i;
        const base = name();
        if (base.length !== 1) unread('\\hat over more than one letter', letterAt);
        return emit(`${base}\u0302`.normalize('NFC'), at);
      }
      if (Object.hasOwn(GREEK_LETTERS, cmd)) return emit(` ${GREEK_LETTERS[cmd]!}`, at);
      if (Object.hasOwn(FUNCTIONS, cmd)) return functionCall(FUNCTIONS[cmd]!, at);
      if (Object.hasOwn(SYMBOLS, cmd)) return emit(SYMBOLS[cmd]!, at);
      return unread(`command \\${cmd}`, at);
    }
    if (c === '{') return group();
    if (c === '}') unread('} without its opening {', i);
    if (c === '^' || c === '_') {
      const at = i;
      i++;
      if (c === '_') return subscript(at);
      emit('^', at);
      return argument();
    }
    if (isLetter(c)) {
      // A run of letters is a product of one-letter variables (xy is x·y), unless it names a function.
      const start = i;
      while (isLetter(latex[i])) i++;
      const run = latex.slice(start, i);
      if (BUILTINS.has(run)) return emit(` ${run}`, start);
      for (let k = 0; k < run.length; k++) emit(k === 0 ? run[k]! : ` ${run[k]!}`, start + k);
      return;
    }
    if (c === '[') return emit('(', i++);
    if (c === ']') return emit(')', i++);
    if (c === '|') unread('| (write \\left| … \\right| for an absolute value)', i);
    emit(c, i);
    i++;
  };
  /** x_1, x_{ij}: the subscript is part of the name, as the parser spells x_1. */
  const subscript = (at: number): void => {
    if (!/[A-Za-z0-9\u0370-\u03ff]$/.test(text)) unread('subscript without a letter before it', at);
    skipSpaces();
    if (latex[i] === '{') {
      const close = latex.indexOf('}', i);
      if (close < 0) unread('group without its closing }', i);
      const inside = latex.slice(i + 1, close).trim();
      if (!/^[A-Za-z0-9]+$/.test(inside)) unread(`subscript "${inside}"`, i);
      emit(`_${inside}`, at);
      i = close + 1;
      return;
    }
    if (!/[A-Za-z0-9]/.test(latex[i] ?? '')) unread('subscript', at);
    emit(`_${latex[i]!}`, at);
    i++;
  };
  /**
   * \sin x, \sin^2 x, \ln(…): a function, an optional whole power, and its argument. One written
   * without brackets is one symbol, number or command, put in parentheses: sin(x), sin(x)^2.
   */
  const functionCall = (name: string, at: number): void => {
    skipSpaces();
    let power = '';
    if (latex[i] === '^') {
      i++;
      skipSpaces();
      const braced = latex[i] === '{' ? latex.indexOf('}', i) : -1;
      power = braced > 0 ? latex.slice(i + 1, braced).trim() : latex[i] ?? '';
      if (!/^[0-9]+$/.test(power)) unread(`power of \\${name} other than a whole number`, i);
      i = braced > 0 ? braced + 1 : i + 1;
      skipSpaces();
    }
    if (latex[i] === '(' || latex.startsWith('\\left', i) || latex[i] === '{') {
      emit(` ${name}${power === '' ? '' : `^${power}`}`, at);
      return;
    }
    emit(` ${name}(`, at);
    argument();
    if (latex[i] === '_') subscript(i++);
    emit(`)${power === '' ? '' : `^${power}`}`, at);
  };

  const sequence = (end?: string): void => {
    while (i < latex.length && latex[i] !== end) token();
  };
  sequence();
  return { text, from };
}

/** A StepdiffError about the text `read` came to, its position put back on the LaTeX it was read from. */
export function atLatexPosition(error: StepdiffError, read: FromLatex): StepdiffError {
  if (error.position === undefined) return error;
  const position = read.from[Math.min(error.position, read.from.length - 1)];
  return new StepdiffError(error.code, error.message.replace(/ \(at column \d+\)$/, ''), position);
}
