// An Expr handed to derive directly has not been through the parser, so nothing vouches for it: a
// caller's plain object may hold a 1/0, an unknown kind, a misspelt constant or sin'(x). Each is
// refused here, with the error the same text input would give, before any part of the engine (which
// assumes well-formed nodes: a zero denominator once made the printers loop) sees it.

import { StepdiffError } from '../expr/errors.js';
import type { Definition, Expr } from '../expr/expr.js';
import { children } from '../expr/expr.js';
import { BUILTINS, isName, isUndefinedFunctionName } from '../expr/functions.js';
import { gcd } from '../expr/rational.js';
import { checkArity, type ParseLimits } from './parse.js';

const KINDS: ReadonlySet<string> = new Set(['num', 'sym', 'const', 'add', 'sub', 'mul', 'div', 'pow', 'neg', 'fn', 'd']);

const isNode = (e: unknown): e is Expr => typeof e === 'object' && e !== null && KINDS.has(String((e as { kind?: unknown }).kind));

const invalid = (message: string): StepdiffError => new StepdiffError('invalid-expression', message);

/** The parts of one node that its kind requires, each checked; its children are checked by the caller. */
function checkNode(e: Expr, definitions: ReadonlyMap<string, Definition>): void {
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
    case 'd':
      if (typeof e.wrt !== 'string' || !isName(e.wrt)) throw invalid(`"${String(e.wrt)}" is not a variable to differentiate by.`);
      return;
    default:
      return;
  }
}

/** `e` if it is a well-formed expression within the parser's depth limit; else the typed error. Iterative, as input may be deep. */
export function checkedExpr(e: Expr, limits: ParseLimits, definitions: ReadonlyMap<string, Definition>): Expr {
  // Depth is counted as the parser counts it: a lone symbol is at level 0.
  const stack: Array<[unknown, number]> = [[e, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!isNode(node)) throw invalid('The expression holds something that is not an expression node.');
    if (depth > limits.maxDepth) throw new StepdiffError('too-deep', `The expression nests deeper than ${limits.maxDepth} levels.`);
    checkNode(node, definitions);
    for (const k of children(node)) stack.push([k, depth + 1]);
  }
  return e;
}
