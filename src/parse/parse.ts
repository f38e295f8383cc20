// The input layer (src/parse/), above the expression core: text to Expr, the parser's limits, and
// the checks on an Expr handed in directly (check.ts). It imports only src/expr/ and mathjs, which
// no other layer imports.
//
// This module reads text into an Expr: text -> mathjs's parse tree (parse-tree.ts, the only module
// that touches mathjs) -> Expr. Every input either becomes an Expr in the user's own form or a
// StepdiffError with a code and, where it has one, a position.

import { StepdiffError } from '../expr/errors.js';
import * as X from '../expr/expr.js';
import type { Comparison, Definition, Expr } from '../expr/expr.js';
import { BUILTINS, canonicalName, isAscii, isNfcStable, isUndefinedFunctionName } from '../expr/functions.js';
import { parseDecimal } from '../expr/rational.js';
import { plainNegatedProduct } from '../expr/precedence.js';
import { parseText } from './parse-tree.js';
import type { NumberLiteral, ParseNode } from './parse-tree.js';

/** Limits checked before and after mathjs sees the input. */
export interface ParseLimits {
  /** Longest input accepted, in characters. */
  readonly maxLength: number;
  /** Deepest nesting accepted (brackets, and operator depth after parsing). */
  readonly maxDepth: number;
}

export const DEFAULT_LIMITS: ParseLimits = Object.freeze({ maxLength: 20_000, maxDepth: 500 });

/** The definitions the converter may call: all it asks of them is whether a name is one, and which. */
export type Definitions = Pick<ReadonlyMap<string, Definition>, 'has' | 'get'>;

/** What parsing one input produced. */
export interface Parsed {
  readonly expr: Expr;
  /** Present when the input itself was a definition `f(x) = …`. */
  readonly definition?: Definition;
  /** Human-readable notes about normalisations applied to the text. */
  readonly notes: readonly string[];
}

const isNumberLiteral = (value: unknown): value is NumberLiteral =>
  typeof value === 'object' && value !== null && typeof (value as NumberLiteral).literal === 'string';

const CONSTANTS: ReadonlyMap<string, Expr> = new Map([
  ['e', X.constant('e')],
  ['pi', X.constant('pi')],
  ['π', X.constant('pi')],
]);

const NON_FINITE = new Set(['Infinity', 'NaN']);

// Each character, what mathjs gets for it, and the note. Looked for with includes, not a regex: the
// first regex a derivation runs costs microseconds when the caches have gone cold.
const NORMALISE: ReadonlyArray<readonly [string, string, string]> = [
  ['×', '*', '× read as *'],
  ['·', '*', '· read as *'],
  ['÷', '/', '÷ read as /'],
  ['−', '-', '− read as -'],
];

const MATH_ALPHANUMERIC = /[\u{1D400}-\u{1D7FF}]/u;
const MATH_ALPHANUMERICS = /[\u{1D400}-\u{1D7FF}]/gu;

/** Text normalisation mathjs would otherwise get wrong (it reads `×` as a letter), after the length check. */
function normalise(input: string, limits: ParseLimits): { text: string; notes: string[] } {
  // Before any work on the text: normalising five million characters only to refuse them took a second.
  checkLength(input, limits);
  // Python's ** is mathjs's ^, written "^ " so that every later character keeps its column.
  const powers = input.includes('**') ? input.replaceAll('**', '^ ') : input;
  const powerNote = powers === input ? [] : ['** read as ^'];
  // Every other character it rewrites, and every one NFC changes, is outside ASCII.
  if (isAscii(powers)) return { text: powers, notes: powerNote };
  const notes: string[] = [...powerNote];
  let text = isNfcStable(powers) ? powers : powers.normalize('NFC');
  if (text !== powers) notes.push('Unicode normalised to NFC');
  for (const [character, replacement, note] of NORMALISE) {
    if (text.includes(character)) {
      text = text.replaceAll(character, replacement);
      notes.push(note);
    }
  }
  // 𝑥 (math italic, as copied from a rendered formula) is a letter of its own to mathjs, and would
  // be a second variable beside x; its compatibility form is the plain letter.
  if (MATH_ALPHANUMERIC.test(text)) {
    text = text.replace(MATH_ALPHANUMERICS, (c) => c.normalize('NFKC'));
    notes.push('mathematical letters read as plain letters');
  }
  return { text, notes };
}

function checkLength(text: string, limits: ParseLimits): void {
  if (text.length > limits.maxLength) {
    throw new StepdiffError('too-long', `Input is ${text.length} characters; the limit is ${limits.maxLength}.`);
  }
}

/** Rejects nesting deeper than the limit before mathjs's recursive parser sees it; returns the deepest bracket level. */
function prescan(text: string, limits: ParseLimits): number {
  checkLength(text, limits);
  let depth = 0;
  let deepest = 0;
  let prefixRun = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(' || c === '[' || c === '{') deepest = Math.max(deepest, ++depth);
    else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
    if (c === '-' || c === '+') prefixRun++;
    else if (c !== ' ') prefixRun = 0;
    if (depth + prefixRun > limits.maxDepth) {
      throw new StepdiffError('too-deep', `Input nests deeper than ${limits.maxDepth} levels.`, i);
    }
  }
  return deepest;
}

const IDENTIFIER = /[\p{L}_$][\p{L}\p{N}_$]*/gu;

/** Where a name first appears in the input (as a call when `call` is set), for error positions. */
function positionOfName(text: string, name: string, call = false): number | undefined {
  for (const m of text.matchAll(IDENTIFIER)) {
    if (canonicalName(m[0]) !== name) continue;
    if (call && !/^\s*\(/.test(text.slice(m.index + m[0].length))) continue;
    return m.index;
  }
  return undefined;
}

function positionOfText(text: string, needle: string): number | undefined {
  const i = text.indexOf(needle);
  return i < 0 ? undefined : i;
}

/**
 * mathjs's parser recurses some twenty calls per bracket level, so it overflows the stack near 250
 * levels. A bracket group that opens at a multiple of this depth is parsed on its own and stands in
 * the text around it as a placeholder symbol; the converter reads the placeholder as that group.
 */
const PIECE_DEPTH = 40;

/** A part of the input as mathjs parses it, with where its characters came from. */
interface Piece {
  readonly text: string;
  /** [offset in the piece, offset in the input] at the start of each run copied from the input. */
  readonly anchors: ReadonlyArray<readonly [number, number]>;
}

class PieceBuilder {
  private readonly parts: string[] = [];
  private readonly anchors: Array<readonly [number, number]> = [];
  private length = 0;

  add(text: string, from?: number): void {
    if (from !== undefined) this.anchors.push([this.length, from]);
    this.parts.push(text);
    this.length += text.length;
  }

  done(): Piece {
    return { text: this.parts.join(''), anchors: this.anchors };
  }
}

/** The input's offset of offset `at` in `piece`. */
function inputOffset(piece: Piece, at: number): number {
  let best: readonly [number, number] = [0, 0];
  for (const anchor of piece.anchors) if (anchor[0] <= at) best = anchor;
  return best[1] + (at - best[0]);
}

/**
 * The input cut at every PIECE_DEPTH-th bracket level: the outermost piece, and each deep group's
 * content (one piece per argument) under its placeholder name. Undefined when the brackets do not
 * pair up, or may be inside a comment or a string, so that mathjs reads the whole input.
 */
function cut(text: string): { root: Piece; nested: Map<string, Piece> } | undefined {
  // Brackets inside a comment or a string are not brackets: such text is left whole for mathjs.
  if (/[#"]/.test(text)) return undefined;
  // A run of $ longer than any in the input: no placeholder can be a name the user wrote.
  const longest = Math.max(0, ...Array.from(text.matchAll(/\$+/g), (m) => m[0].length));
  const prefix = `${'$'.repeat(longest + 1)}part`;
  const nested = new Map<string, Piece>();
  const open: Array<{ readonly outer: PieceBuilder; readonly depth: number; readonly names: string[] }> = [];
  let builder = new PieceBuilder();
  const root = builder;
  let depth = 0;
  let run = 0;
  const flush = (end: number): void => {
    if (end > run) builder.add(text.slice(run, end), run);
  };
  const closePiece = (names: string[], end: number): void => {
    flush(end);
    const piece = builder.done();
    if (piece.text.trim() === '' && names.length === 0) return;
    const name = `${prefix}${nested.size}`;
    nested.set(name, piece);
    names.push(name);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const group = open.at(-1);
    if (c === '(' || c === '[' || c === '{') {
      depth++;
      if (c === '(' && depth % PIECE_DEPTH === 0) {
        flush(i + 1);
        open.push({ outer: builder, depth, names: [] });
        builder = new PieceBuilder();
        run = i + 1;
      }
    } else if ((c === ')' || c === ']' || c === '}') && group !== undefined && depth === group.depth) {
      if (c !== ')') return undefined;
      closePiece(group.names, i);
      open.pop();
      builder = group.outer;
      builder.add(group.names.join(', '));
      run = i;
      depth--;
    } else if (c === ')' || c === ']' || c === '}') {
      depth = Math.max(0, depth - 1);
    } else if (c === ',' && group !== undefined && depth === group.depth) {
      closePiece(group.names, i);
      builder = new PieceBuilder();
      run = i + 1;
    }
  }
  if (open.length > 0) return undefined;
  flush(text.length);
  return { root: root.done(), nested };
}

/** A parsed input: the outermost tree, and the trees its placeholders stand for. */
interface Tree {
  readonly root: ParseNode;
  readonly pieces: ReadonlyMap<string, ParseNode>;
}

/** mathjs's parse of one piece; its errors point into the whole input. */
function parsePiece(piece: Piece): ParseNode {
  try {
    return parseText(piece.text);
  } catch (error) {
    if (error instanceof RangeError) throw new StepdiffError('too-deep', 'The expression nests too deeply to parse.');
    const message = error instanceof Error ? error.message.replace(/\s*\(char \d+\)$/, '') : String(error);
    const char = (error as { char?: unknown }).char;
    throw new StepdiffError('syntax-error', message, typeof char === 'number' ? inputOffset(piece, Math.max(0, char - 1)) : undefined);
  }
}

/** The node itself, or the tree a placeholder stands for. */
function resolved(n: ParseNode, pieces: ReadonlyMap<string, ParseNode>): ParseNode {
  let node = n;
  while (node.type === 'SymbolNode' && pieces.has(String(node.name))) node = pieces.get(String(node.name))!;
  return node;
}

/** Depth of a mathjs tree, counting a same-operator chain (a+b+c) as one level, as we flatten it. */
function treeDepth(tree: Tree, limit: number): number {
  const chainOf = (n: ParseNode): string | undefined =>
    n.type === 'OperatorNode' && (n.fn === 'add' || n.fn === 'multiply') ? String(n.fn) : undefined;
  let deepest = 0;
  // Levels of nesting: a lone symbol is at level 0, the x in sin(x) at level 1. Two stacks and one
  // callback for the walk, rather than a pair and a closure per node (it walks every long input).
  const nodes: ParseNode[] = [tree.root];
  const depths: number[] = [0];
  let depth = 0;
  let chain: string | undefined;
  const push = (next: ParseNode): void => {
    const child = resolved(next, tree.pieces);
    nodes.push(child);
    depths.push(chain !== undefined && chainOf(child) === chain ? depth : depth + 1);
  };
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    depth = depths.pop()!;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    chain = chainOf(node);
    node.forEach(push);
  }
  return deepest;
}

/** `table`'s own entry for `key`: a key such as "constructor" is not an entry because Object has it. */
const ownEntry = (table: Readonly<Record<string, string>>, key: string): string | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

const isUnaryMinus = (n: ParseNode): boolean => n.type === 'OperatorNode' && n.fn === 'unaryMinus';

const OPERATOR_NAMES: Readonly<Record<string, string>> = {
  mod: 'the modulo operator', factorial: 'the factorial operator', leftShift: '<<', rightArithShift: '>>',
  rightLogShift: '>>>', transpose: 'transpose', ctranspose: "the ' operator", dotMultiply: '.*', dotDivide: './',
  dotPow: '.^', to: 'unit conversion', and: 'and', or: 'or', xor: 'xor', not: 'not', bitAnd: '&', bitOr: '|',
  bitXor: '^|', bitNot: '~', equal: '==', unequal: '!=', smaller: '<', larger: '>', smallerEq: '<=', largerEq: '>=',
};

/** mathjs's comparison functions, as the comparisons a piecewise test may make. */
const COMPARISONS: Readonly<Record<string, Comparison>> = { smaller: '<', smallerEq: '<=', larger: '>', largerEq: '>=' };

const NODE_NAMES: Readonly<Record<string, string>> = {
  ArrayNode: 'matrices', AccessorNode: 'property access', AssignmentNode: 'assignments', BlockNode: 'several statements',
  ConditionalNode: 'conditionals', IndexNode: 'indexing', ObjectNode: 'objects', RangeNode: 'ranges',
  RelationalNode: 'comparisons', FunctionAssignmentNode: 'a function definition here',
};

// The character that introduces each unsupported construct, to point at it in an error.
const NODE_MARKERS: Readonly<Record<string, string>> = {
  ArrayNode: '[', AccessorNode: '.', AssignmentNode: '=', BlockNode: ';', ConditionalNode: '?', IndexNode: '[',
  ObjectNode: '{', RangeNode: ':', FunctionAssignmentNode: '=',
};

/** Where the first number literal for which `bad` holds (it overflows, or underflows to 0) is written. */
function positionOfNumber(text: string, bad: (literal: string) => boolean): number | undefined {
  for (const m of text.matchAll(/(?<![\p{L}_$\d.])(\d+\.?\d*|\.\d+)(e[+-]?\d+)?/giu)) {
    if (bad(m[0])) return m.index;
  }
  return undefined;
}

/**
 * Throws the wrong-arity error when `count` arguments are the wrong number for `name`: a built-in's
 * range, a definition's parameters, or the one argument of an undefined function. `where` finds
 * the call in the input, and is asked only when there is an error.
 */
export function checkArity(name: string, count: number, definitions: Definitions, where: () => number | undefined = () => undefined): void {
  const builtin = BUILTINS.get(name);
  if (builtin !== undefined) {
    if (count >= builtin.min && count <= builtin.max) return;
    const takes = builtin.min === builtin.max ? `${builtin.min}` : `${builtin.min} or ${builtin.max}`;
    throw new StepdiffError('wrong-arity', `${name} takes ${takes} argument(s), not ${count}.`, where());
  }
  const definition = definitions.get(name);
  if (definition !== undefined) {
    if (count === definition.params.length) return;
    throw new StepdiffError('wrong-arity', `${name} is defined with ${definition.params.length} argument(s), not ${count}.`, where());
  }
  if (count === 1) return;
  throw new StepdiffError('wrong-arity', `The undefined function ${name} takes one argument; define it to use ${count}.`, where());
}

/** Converts one parsed mathjs tree; `text` is only used to locate errors. */
class Converter {
  private readonly calledNames = new Set<string>();
  private readonly symbolNames = new Set<string>();

  constructor(
    private readonly text: string,
    /** The trees the placeholders of a deeply nested input stand for (see cut). */
    private readonly pieces: ReadonlyMap<string, ParseNode>,
    private readonly definitions: Definitions,
    private readonly params: ReadonlySet<string> = new Set(),
    private readonly inertDerivatives = false,
  ) {}

  convert(node: ParseNode): Expr {
    const expr = this.node(node);
    for (const name of this.calledNames) {
      if (this.symbolNames.has(name)) {
        throw new StepdiffError(
          'implicit-call',
          `${name}(…) is read as a call of a function ${name}, but ${name} is also a variable: write ${name}*(…) to multiply.`,
          positionOfName(this.text, name, true),
        );
      }
    }
    return expr;
  }

  node(given: ParseNode): Expr {
    const n = resolved(given, this.pieces);
    switch (n.type) {
      case 'ConstantNode': return this.constantNode(n);
      case 'SymbolNode': return this.symbol(String(n.name));
      case 'ParenthesisNode': return this.node(n.content!);
      case 'OperatorNode': return this.operator(n);
      case 'FunctionNode': return this.call(n);
      case 'ConditionalNode': return X.cond(this.condition(n.condition!), this.node(n.trueExpr!), this.node(n.falseExpr!));
      default: {
        const marker = ownEntry(NODE_MARKERS, n.type);
        throw new StepdiffError(
          'unsupported-syntax',
          `stepdiff does not support ${ownEntry(NODE_NAMES, n.type) ?? n.type}.`,
          marker === undefined ? undefined : positionOfText(this.text, marker),
        );
      }
    }
  }

  private constantNode(n: ParseNode): Expr {
    if (n.value === undefined) throw new StepdiffError('empty-input', 'The expression is empty.');
    if (typeof n.value === 'string') {
      throw new StepdiffError('unsupported-syntax', 'stepdiff does not support strings.', this.text.search(/["']/));
    }
    if (!isNumberLiteral(n.value)) {
      throw new StepdiffError('unsupported-syntax', `stepdiff does not support ${String(n.value)} here.`, positionOfName(this.text, String(n.value)));
    }
    const written = n.value.literal;
    if (written === 'NaN' || written === 'Infinity') {
      throw new StepdiffError('non-finite-number', `${written} is not a finite number.`, positionOfName(this.text, written));
    }
    if (/^0[xbo]/i.test(written)) {
      // mathjs reads 0x10 as 16, and a bare 0x as a malformed number (it was called too large).
      throw new StepdiffError('unsupported-syntax', `${written} is a hexadecimal, binary or octal number; write it in decimal.`, positionOfText(this.text, written));
    }
    const approx = Number(written);
    if (!Number.isFinite(approx)) {
      throw new StepdiffError('non-finite-number', `The number ${written} is too large to be finite.`, positionOfNumber(this.text, (t) => !Number.isFinite(Number(t))));
    }
    const exact = parseDecimal(written);
    if (exact === undefined) throw new StepdiffError('unsupported-syntax', `Cannot read the number ${written}.`, positionOfText(this.text, written));
    if (approx === 0 && exact.num !== 0n) {
      throw new StepdiffError(
        'number-out-of-range',
        `The number ${written} is too small to be told apart from 0.`,
        positionOfNumber(this.text, (t) => Number(t) === 0 && /[1-9]/.test(t.split(/e/i)[0]!)),
      );
    }
    return X.num(exact);
  }

  private symbol(raw: string): Expr {
    const name = canonicalName(raw);
    const known = CONSTANTS.get(name);
    if (known !== undefined && !this.params.has(name)) return known;
    if (NON_FINITE.has(name)) {
      throw new StepdiffError('non-finite-number', `${name} is not a finite number.`, positionOfName(this.text, name));
    }
    if (BUILTINS.has(name) || (this.definitions.has(name) && this.definitions.get(name)!.builtin !== true)) {
      throw new StepdiffError(
        'function-as-symbol',
        `${name} is a function; write ${name}(x) with parentheses.`,
        positionOfName(this.text, name),
      );
    }
    this.symbolNames.add(name);
    return X.sym(name);
  }

  private operator(n: ParseNode): Expr {
    const args = n.args ?? [];
    switch (n.fn) {
      case 'add': return X.add(...this.chain(n, 'add'));
      case 'multiply': {
        const prime = this.primedCall(n) ?? this.bareCall(n);
        if (prime !== undefined) return prime;
        const factors = this.chain(n, 'multiply');
        // -a * b is −(a·b), as stepdiff prints −(a·b): a printed step reads back as the tree it printed.
        const [first, ...rest] = factors;
        const lifted = first!.kind === 'neg' && this.leadsWithMinus(n) ? X.mul(first!.arg, ...rest) : undefined;
        return lifted !== undefined && plainNegatedProduct(lifted) ? X.neg(lifted) : X.mul(...factors);
      }
      case 'subtract': return X.sub(this.node(args[0]!), this.node(args[1]!));
      case 'divide': {
        // -a / b is −(a/b), as stepdiff prints it (see multiply); -a * b / c stays (−(a·b))/c, which
        // is what prints so.
        const [top, bottom] = [this.node(args[0]!), this.node(args[1]!)];
        const lifted = top.kind === 'neg' && isUnaryMinus(resolved(args[0]!, this.pieces)) ? X.div(top.arg, bottom) : undefined;
        return lifted !== undefined && plainNegatedProduct(lifted) ? X.neg(lifted) : X.div(top, bottom);
      }
      case 'pow': return X.pow(this.node(args[0]!), this.node(args[1]!));
      case 'unaryMinus': return X.neg(this.node(args[0]!));
      case 'unaryPlus': return this.node(args[0]!);
      default: {
        const what = ownEntry(OPERATOR_NAMES, String(n.fn)) ?? String(n.op);
        throw new StepdiffError('unsupported-syntax', `stepdiff does not support ${what}.`, positionOfText(this.text, String(n.op)));
      }
    }
  }

  /** The test of a conditional: one comparison (<, <=, >, >=) of two expressions; anything else is refused. */
  private condition(given: ParseNode): Expr {
    let n = resolved(given, this.pieces);
    while (n.type === 'ParenthesisNode') n = resolved(n.content!, this.pieces);
    const op = n.type === 'OperatorNode' ? ownEntry(COMPARISONS, String(n.fn)) : undefined;
    if (op === undefined || n.args?.length !== 2) {
      throw new StepdiffError('unsupported-syntax', 'The condition of a piecewise expression is one comparison, such as x > 0 (<, <=, > or >=).', positionOfText(this.text, '?'));
    }
    return X.cmp(op as Comparison, this.node(n.args[0]!), this.node(n.args[1]!));
  }

  /** Whether a product's or quotient's leftmost operand is written with a unary minus of its own, -a, not (-a). */
  private leadsWithMinus(n: ParseNode): boolean {
    let node = n;
    while (node.type === 'OperatorNode' && (node.fn === 'divide' || (node.fn === 'multiply' && this.primedCall(node) === undefined && this.bareCallHead(node) === undefined)) && node.args?.length === 2) {
      node = node.args[0]!;
    }
    return isUnaryMinus(node);
  }

  /** Flattens a left-nested chain of the same operator iteratively (long sums must not recurse deeply). */
  private chain(n: ParseNode, fn: string): Expr[] {
    const spine: ParseNode[] = [];
    let node: ParseNode = n;
    while (node.type === 'OperatorNode' && node.fn === fn && node.args?.length === 2 && this.primedCall(node) === undefined && this.bareCallHead(node) === undefined) {
      spine.push(node.args[1]!);
      node = node.args[0]!;
    }
    spine.push(node);
    return spine.reverse().map((k) => this.node(k));
  }

  /** Reads `f'(u)`, which mathjs parses as transpose(f) times (u), as the derivative of an undefined f. */
  private primedCall(n: ParseNode): Expr | undefined {
    const [left, right] = n.args ?? [];
    if (!n.implicit || left === undefined || right?.type !== 'ParenthesisNode') return undefined;
    let primes = 0;
    let head: ParseNode = left;
    while (head.type === 'OperatorNode' && head.fn === 'ctranspose') {
      primes++;
      head = head.args![0]!;
    }
    if (primes === 0 || head.type !== 'SymbolNode') return undefined;
    const name = canonicalName(String(head.name));
    if (!this.isUndefinedFunction(name)) return undefined;
    this.calledNames.add(name);
    return X.fn(name, [this.node(right.content!)], primes);
  }

  /**
   * The function and power of a call written as people write it on paper, which mathjs parses as an
   * implicit product: `ln x` and `sin x` (a one-argument built-in before one symbol or number) and
   * `sin^2(x)` (its whole power before the argument, sin(x)^2). `sin x^2` and `2 sin x` stay refused:
   * which argument they mean is not clear from the text.
   */
  private bareCallHead(n: ParseNode): { name: string; power?: ParseNode; arg: ParseNode } | undefined {
    const [left, right] = n.args ?? [];
    if (n.fn !== 'multiply' || !n.implicit || left === undefined || right === undefined) return undefined;
    const arg = resolved(right, this.pieces);
    const head = resolved(left, this.pieces);
    const powered = head.type === 'OperatorNode' && head.fn === 'pow' ? head.args ?? [] : undefined;
    const fn = powered === undefined ? head : resolved(powered[0]!, this.pieces);
    const power = powered === undefined ? undefined : resolved(powered[1]!, this.pieces);
    if (fn.type !== 'SymbolNode') return undefined;
    const name = canonicalName(String(fn.name));
    const arity = BUILTINS.get(name);
    if (arity === undefined || arity.min !== 1 || this.params.has(name)) return undefined;
    if (power !== undefined && !(power.type === 'ConstantNode' && isNumberLiteral(power.value) && /^[1-9][0-9]*$/.test(power.value.literal))) return undefined;
    const single = arg.type === 'ConstantNode' || (arg.type === 'SymbolNode' && !BUILTINS.has(canonicalName(String(arg.name))));
    if (!(single || (power !== undefined && arg.type === 'ParenthesisNode'))) return undefined;
    return { name, ...(power === undefined ? {} : { power }), arg };
  }

  /** The call bareCallHead finds, as stepdiff's call (ln is log, as in call). */
  private bareCall(n: ParseNode): Expr | undefined {
    const head = this.bareCallHead(n);
    if (head === undefined) return undefined;
    const call = X.fn(head.name === 'ln' ? 'log' : head.name, [this.node(head.arg)]);
    return head.power === undefined ? call : X.pow(call, this.node(head.power));
  }

  /** sum(f, j) sums over an index, δ(j, k) compares two: each index is a one-letter name. */
  private checkIndices(name: string, args: readonly ParseNode[]): void {
    const indices = name === 'sum' ? [args[1]!] : args;
    for (const given of indices) {
      const index = resolved(given, this.pieces);
      if (index.type !== 'SymbolNode' || !/^[A-Za-z]$/.test(String(index.name))) {
        throw new StepdiffError('invalid-expression', `${name === 'sum' ? 'The index of a sum' : 'An index of δ'} is one letter, such as j.`, positionOfName(this.text, name, true));
      }
    }
  }

  private isUndefinedFunction(name: string): boolean {
    return isUndefinedFunctionName(name) && !CONSTANTS.has(name) && !this.definitions.has(name) && !BUILTINS.has(name);
  }

  /** derivative(body, x) or derivative(body, x, at), as the text printer writes the inert derivative. */
  private inertDerivative(args: readonly ParseNode[], where: () => number | undefined): Expr {
    const variable = args[1] === undefined ? undefined : resolved(args[1], this.pieces);
    if ((args.length !== 2 && args.length !== 3) || variable?.type !== 'SymbolNode') {
      throw new StepdiffError('wrong-arity', 'derivative takes an expression, a variable and optionally a point.', where());
    }
    const wrt = canonicalName(String(variable.name));
    const point = args[2] === undefined ? undefined : this.node(args[2]);
    return X.d(new Converter(this.text, this.pieces, this.definitions, new Set([...this.params, wrt]), true).node(args[0]!), wrt, point);
  }

  private call(n: ParseNode): Expr {
    const head = n.fn as ParseNode;
    if (typeof head !== 'object' || head.type !== 'SymbolNode') {
      throw new StepdiffError('unsupported-syntax', 'Only named functions can be called.');
    }
    const name = canonicalName(String(head.name));
    const args = n.args ?? [];
    // Found only when needed: searching the text for every call would cost O(length) per call.
    const where = (): number | undefined => positionOfName(this.text, name, true);
    if (BUILTINS.has(name)) {
      checkArity(name, args.length, this.definitions, where);
      if (name === 'sum' || name === 'δ') this.checkIndices(name, args);
      const converted = args.map((a) => this.node(a));
      if (name === 'pow') return X.pow(converted[0]!, converted[1]!);
      if (name === 'nthRoot' && converted.length === 1) return X.fn(name, [converted[0]!, X.two]);
      // ln is mathjs's log: one function, printed log in text, which mathjs evaluates.
      if (name === 'ln') return X.fn('log', converted);
      return X.fn(name, converted);
    }
    if (name === 'derivative' && this.inertDerivatives) return this.inertDerivative(args, where);
    if (this.definitions.has(name)) {
      checkArity(name, args.length, this.definitions, where);
      return X.fn(name, args.map((a) => this.node(a)));
    }
    if (CONSTANTS.has(name) || this.params.has(name)) {
      throw new StepdiffError('implicit-call', `${name}(…) is not a function call: write ${name}*(…) to multiply.`, where());
    }
    if (!isUndefinedFunctionName(name)) {
      throw new StepdiffError('unknown-function', `Unknown function ${name}; to define it, pass define: ["${name}(x) = …"].`, where());
    }
    checkArity(name, args.length, this.definitions, where);
    this.calledNames.add(name);
    return X.fn(name, [this.node(args[0]!)]);
  }
}

/**
 * Refuses 1_000: mathjs reads it as 1 times a variable _000, where the writer meant one thousand
 * (JavaScript and Python group digits so). A name such as x_1 is not a number and is left alone.
 */
function refuseDigitGroups(text: string): void {
  if (!text.includes('_')) return;
  const group = /(?<![\p{L}\p{N}_$.])\d+(?:\.\d*)?(_)\d/u.exec(text);
  if (group !== null) {
    const written = /^[\d._]+/.exec(text.slice(group.index))![0];
    throw new StepdiffError('syntax-error', `${written}: digits cannot be grouped with _; write ${written.replaceAll('_', '')}.`, group.index + group[0].indexOf('_'));
  }
}

function parseTree(text: string, limits: ParseLimits): Tree {
  if (text.trim() === '') throw new StepdiffError('empty-input', 'The expression is empty.');
  refuseDigitGroups(text);
  // Below the first cut level the input is one piece, as cut would find it: most inputs are.
  const pieces = (prescan(text, limits) >= PIECE_DEPTH ? cut(text) : undefined) ?? { root: { text, anchors: [[0, 0]] }, nested: new Map<string, Piece>() };
  const tree: Tree = {
    root: parsePiece(pieces.root),
    pieces: new Map(Array.from(pieces.nested, ([name, piece]) => [name, parsePiece(piece)])),
  };
  // Every level of a tree holds a node written with a character of its own, except an implicit
  // product (2x), which has two children that do: a tree has fewer levels than twice the input's
  // characters, and a short input needs no walk to count them.
  if (2 * text.length > limits.maxDepth && treeDepth(tree, limits.maxDepth) > limits.maxDepth) {
    throw new StepdiffError('too-deep', `The expression nests deeper than ${limits.maxDepth} levels.`);
  }
  return tree;
}

function toDefinition(parsed: Tree, text: string, definitions: ReadonlyMap<string, Definition>): Definition {
  const tree = parsed.root;
  const name = canonicalName(String(tree.name));
  const params = (tree.params ?? []).map(canonicalName);
  if (BUILTINS.has(name) || CONSTANTS.has(name)) {
    throw new StepdiffError('invalid-definition', `${name} is built in and cannot be redefined.`, positionOfName(text, name));
  }
  if (definitions.has(name)) {
    throw new StepdiffError('invalid-definition', `${name} is defined twice.`, positionOfName(text, name));
  }
  if (params.length === 0 || new Set(params).size !== params.length || params.some((p) => BUILTINS.has(p) || p === name)) {
    throw new StepdiffError('invalid-definition', `The parameters of ${name} must be distinct variable names.`, positionOfName(text, name));
  }
  // Registering the name first lets the converter recognise (and then refuse) a recursive definition.
  // It is laid over the earlier definitions, not added to a copy: copying them all for each new one
  // made n definitions cost n² (16,000 took minutes).
  const self: Definition = { name, params, body: X.zero };
  const withSelf: Definitions = { has: (n) => n === name || definitions.has(n), get: (n) => (n === name ? self : definitions.get(n)) };
  const body = new Converter(text, parsed.pieces, withSelf, new Set(params)).convert(tree.expr!);
  if (X.callsIn(body).some((call) => call.name === name)) {
    const start = text.indexOf('=') + 1;
    const call = positionOfName(text.slice(start), name, true);
    throw new StepdiffError('recursive-definition', `${name} is defined in terms of itself.`, call === undefined ? undefined : start + call);
  }
  return Object.freeze({ name, params: Object.freeze(params), body });
}

/** Parses a definition `f(x, …) = body`; earlier definitions may be used in the body. */
export function parseDefinition(
  input: string,
  definitions: ReadonlyMap<string, Definition> = new Map(),
  limits: ParseLimits = DEFAULT_LIMITS,
): Definition {
  const { text } = normalise(input, limits);
  const tree = parseTree(text, limits);
  if (tree.root.type !== 'FunctionAssignmentNode') {
    throw new StepdiffError('invalid-definition', 'A definition looks like f(x) = expression.');
  }
  return toDefinition(tree, text, definitions);
}

/** Parser switches beyond the limits. */
export interface ParseOptions {
  /** Read derivative(body, x[, at]) as the inert derivative, so printed steps parse back. */
  readonly inertDerivatives?: boolean;
}

/** Parses an expression (or a definition `f(x) = …`, read as the call f(x)) into an Expr. */
export function parseExpression(
  input: string,
  definitions: ReadonlyMap<string, Definition> = new Map(),
  limits: ParseLimits = DEFAULT_LIMITS,
  options: ParseOptions = {},
): Parsed {
  const { text, notes } = normalise(input, limits);
  const tree = parseTree(text, limits);
  if (tree.root.type === 'FunctionAssignmentNode') {
    const definition = toDefinition(tree, text, definitions);
    return { expr: X.fn(definition.name, definition.params.map(X.sym)), definition, notes };
  }
  return { expr: new Converter(text, tree.pieces, definitions, new Set(), options.inertDerivatives === true).convert(tree.root), notes };
}
