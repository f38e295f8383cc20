// An equation `left = right`, read for implicit differentiation: the text is split at its one
// equation sign (not ==, <=, >= or !=) and each side parsed as an expression, positions kept.

import { StepdiffError } from '../expr/errors.js';
import * as X from '../expr/expr.js';
import type { Definition } from '../expr/expr.js';
import { DEFAULT_LIMITS, parseExpression, type ParseLimits, type ParseOptions, type Parsed } from './parse.js';

/** The index of the equation sign in `text`, undefined when it has none; two are an invalid-equation error at the second. */
export function equationSign(text: string): number | undefined {
  let found: number | undefined;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '=' || '=<>!'.includes(text[i - 1] ?? '') || text[i + 1] === '=') continue;
    if (found !== undefined) throw new StepdiffError('invalid-equation', 'An equation has one = sign; this has two.', i);
    found = i;
  }
  return found;
}

/** Parses `left = right` into an equation; text without an equation sign is an invalid-equation error. */
export function parseEquation(input: string, definitions: ReadonlyMap<string, Definition> = new Map(), limits: ParseLimits = DEFAULT_LIMITS, options: ParseOptions = {}): Parsed {
  if (input.length > limits.maxLength) return parseExpression(input, definitions, limits, options);
  const sign = equationSign(input);
  if (sign === undefined) throw new StepdiffError('invalid-equation', 'Implicit differentiation needs an equation, such as x^2 + y^2 = 1.');
  const side = (text: string, offset: number): Parsed => {
    if (text.trim() === '') throw new StepdiffError('invalid-equation', `The equation has nothing on the ${offset === 0 ? 'left' : 'right'} of its = sign.`, sign);
    try {
      return parseExpression(text, definitions, limits, options);
    } catch (error) {
      if (!(error instanceof StepdiffError) || error.position === undefined || offset === 0) throw error;
      throw new StepdiffError(error.code, error.message.replace(/ \(at column \d+\)$/, ''), error.position + offset);
    }
  };
  const left = side(input.slice(0, sign), 0);
  const right = side(input.slice(sign + 1), sign + 1);
  return { expr: X.eq(left.expr, right.expr), notes: [...new Set([...left.notes, ...right.notes])] };
}
