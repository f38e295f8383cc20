// An Expr handed to derive directly has not been through the parser, so nothing vouches for it: a
// caller's plain object may hold a 1/0, an unknown kind, a misspelt constant or sin'(x). Each is
// refused here, with the error the same text input would give, before any part of the engine (which
// assumes well-formed nodes: a zero denominator once made the printers loop) sees it.

import { StepdiffError } from '../expr/errors.js';
import type { Expr } from '../expr/expr.js';
import { children } from '../expr/expr.js';
import { BUILTINS, isName, isUndefinedFunctionName } from '../expr/functions.js';
import { gcd } from '../expr/rational.js';
import { checkArity, type Definitions, type ParseLimits } from './parse.js';

const KINDS: ReadonlySet<string> = new Set(['num', 'sym', 'const', 'add', 'sub', 'mul', 'div', 'pow', 'neg', 'fn', 'd', 'eq', 'cmp', 'cond']);

const isNode = (e: unknown): e is Expr => typeof e === 'object' && e !== null && KINDS.has(String((e as { kind?: unknown }).kind));

const invalid = (message: string): StepdiffError => new StepdiffError('invalid-expression', message);

/**
 * An inert derivative in the input is the operator itself (derivative(x^3, x) is 3x², derived as a
 * part); one evaluated at a point has no rule of its own, and would otherwise stop the derivation
 * with no-rule after the work was done.
 */
export const evaluatedDerivative = (position?: number): StepdiffError =>
  new StepdiffError('unsupported-syntax', 'derivative(u, x, a), a derivative at a point, is not read in the input; write derivative(u, x).', position);

/** The parts of one node that its kind requires, each checked; its children are checked by the caller. */
function checkNode(e: Expr, definitions: Definitions): void {
  switch (e.kind) {
    case 'num': {
      const v = e.value as { num?: unknown; den?: unknown } | undefined;
      if (typeof v?.num !== 'bigint' || typeof v.den !== 'bigint' || v.den <= 0n || gcd(v.num, v.den) !== 1n) {
        throw invalid('A number node needs an exact value {num, den} of bigints in lowest terms, with den > 0.');
      }
      return;
    }
    case 'sym':
      if (typeof e.name !== 'string' || !isName(e.name)) throw invalid(`"${String(e.name)}" is not a variable name.`);
      return;
    case 'const':
      if (e.name !== 'e' && e.name !== 'pi') throw invalid(`"${String(e.name)}" is not a constant stepdiff knows (e or pi).`);
      return;
    case 'add': case 'mul': {
      const list = e.kind === 'add' ? e.terms : e.factors;
      if (!Array.isArray(list) || list.length === 0) throw invalid(`A ${e.kind === 'add' ? 'sum' : 'product'} node needs at least one ${e.kind === 'add' ? 'term' : 'factor'}.`);
      return;
    }
    case 'fn': {
      if (typeof e.name !== 'string' || !Array.isArray(e.args) || !Number.isSafeInteger(e.primes) || e.primes < 0) {
        throw invalid('A call node needs a name, a list of arguments and a whole number of primes.');
      }
      const builtin = BUILTINS.has(e.name);
      if (builtin && e.primes > 0) throw new StepdiffError('unsupported-syntax', `stepdiff does not support ${e.name}${"'".repeat(e.primes)}: ${e.name} is built in, so write its derivative out.`);
      if (!builtin && !definitions.has(e.name) && !isUndefinedFunctionName(e.name)) {
        throw new StepdiffError('unknown-function', `Unknown function ${e.name}; define it to use it.`);
      }
      checkArity(e.name, e.args.length, definitions);
      return;
    }
    case 'cmp':
      if (!['<', '<=', '>', '>='].includes(e.op)) throw invalid(`A comparison node's op is <, <=, > or >=, not ${JSON.stringify(e.op)}.`);
      return;
    case 'cond':
      if (e.test?.kind !== 'cmp') throw new StepdiffError('unsupported-syntax', 'The condition of a piecewise expression is one comparison, such as x > 0.');
      return;
    case 'd':
      if (typeof e.wrt !== 'string' || !isName(e.wrt)) throw invalid(`"${String(e.wrt)}" is not a variable to differentiate by.`);
      if (e.at !== undefined) throw evaluatedDerivative();
      return;
    default:
      return;
  }
}

/**
 * `e` if it is a well-formed expression within the parser's depth limit and `maxNodes` (counted as the
 * engine will walk it, every path through a shared subtree); else the typed error. Iterative, as input
 * may be deep; each node is checked once, so a caller's `e = add(e, e)` repeated 26 times costs 26
 * checks and a size sum, not 2^26 visits.
 */
export function checkedExpr(e: Expr, limits: ParseLimits, definitions: Definitions, maxNodes = Number.POSITIVE_INFINITY): Expr {
  // Depth is counted as the parser counts it: a lone symbol is at level 0. A node met again is walked
  // again only when met deeper, as the depth limit is about its deepest place.
  const deepest = new Map<Expr, number>();
  const stack: Array<[unknown, number]> = [[e, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!isNode(node)) throw invalid('The expression holds something that is not an expression node.');
    if (depth > limits.maxDepth) throw new StepdiffError('too-deep', `The expression nests deeper than ${limits.maxDepth} levels.`);
    const seen = deepest.get(node);
    if (seen !== undefined && seen >= depth) continue;
    if (node.kind === 'eq' && depth > 0) throw invalid('An equation can only be the whole expression, not a part of one.');
    if (seen === undefined) checkNode(node, definitions);
    deepest.set(node, depth);
    for (const k of children(node)) stack.push([k, depth + 1]);
  }
  if (treeSize(e) > maxNodes) throw new StepdiffError('too-large', `The expression has more than ${maxNodes} nodes.`);
  return e;
}

/** The size of a checked tree, a shared subtree counted at each place, each distinct node summed once. */
function treeSize(root: Expr): number {
  const sizes = new Map<Expr, number>();
  const stack: Array<[Expr, boolean]> = [[root, false]];
  while (stack.length > 0) {
    const [node, expanded] = stack.pop()!;
    if (sizes.has(node)) continue;
    if (expanded) {
      sizes.set(node, children(node).reduce((n, k) => n + sizes.get(k)!, 1));
      continue;
    }
    stack.push([node, true]);
    for (const k of children(node)) if (!sizes.has(k)) stack.push([k, false]);
  }
  return sizes.get(root)!;
}
