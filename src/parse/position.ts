// Where in the input text a node of the parsed Expr was written, for errors found after parsing
// (a division by zero). Expr nodes carry no positions; a division, a power or a call is found as the
// k-th `/`, `^` or call of that name, k counted over the tree in the order the text writes them.

import type { Expr } from '../expr/expr.js';
import { children } from '../expr/expr.js';
import { canonicalName } from '../expr/functions.js';

const IDENTIFIER = /[\p{L}_$][\p{L}\p{N}_$]*/gu;

/** The token that writes `e` in the text: the operator of a division or power, the name of a call. */
function tokenOf(e: Expr): string | undefined {
  if (e.kind === 'div') return '/';
  if (e.kind === 'pow') return '^';
  if (e.kind === 'fn') return e.name;
  return undefined;
}

/** The offsets in `text` where `token` is written, in order. */
function occurrences(text: string, token: string): number[] {
  if (token === '/' || token === '^') {
    const found: number[] = [];
    for (let i = 0; i < text.length; i++) if (text[i] === token || (token === '/' && text[i] === '÷')) found.push(i);
    return found;
  }
  return [...text.matchAll(IDENTIFIER)].filter((m) => canonicalName(m[0]) === token && /^\s*\(/.test(text.slice(m.index + m[0].length))).map((m) => m.index);
}

/**
 * Where `node` (a division, power or call in `root`) is written in `text`; undefined when the text
 * writes that token a different number of times than the tree holds it (a comment, or a form the
 * parser rewrote), as the count would then point at the wrong place.
 */
export function positionOfNode(text: string, root: Expr, node: Expr): number | undefined {
  const token = tokenOf(node);
  if (token === undefined) return undefined;
  let before: number | undefined;
  let count = 0;
  // In text order: a call's name comes before its arguments, an operator between its operands.
  const visit = (e: Expr): void => {
    const own = tokenOf(e) === token;
    const kids = children(e);
    if (own && e.kind === 'fn') {
      if (e === node && before === undefined) before = count;
      count++;
    }
    kids.forEach((k, i) => {
      if (own && e.kind !== 'fn' && i === 1) {
        if (e === node && before === undefined) before = count;
        count++;
      }
      visit(k);
    });
  };
  visit(root);
  const places = occurrences(text, token);
  return before === undefined || places.length !== count ? undefined : places[before];
}
