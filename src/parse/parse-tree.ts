// The input layer's one contact with mathjs: its expression parser, handed node classes of our own.
//
// mathjs's parser takes its node classes as dependencies. Its own classes carry everything a node
// can do in mathjs (compile, evaluate, toString, toTex, toHTML, transform), which stepdiff never
// asks of them: with them, the parser was two thirds of the browser bundle's mathjs code. These
// classes keep only what the parser itself and stepdiff's converter read — each node's type, its
// fields, and its children in order — so the grammar, its errors and their positions are still
// exactly mathjs's.

import { createParse } from 'mathjs';

/** A number literal exactly as written, which our `numeric` hands to the parser instead of a value. */
export interface NumberLiteral {
  readonly literal: string;
}

/** One node of a parse tree as stepdiff reads it: the fields a node of its type has, and its children. */
export interface ParseNode {
  readonly type: string;
  readonly value?: unknown;
  readonly name?: string;
  readonly op?: string;
  readonly fn?: ParseNode | string;
  readonly args?: readonly ParseNode[];
  readonly implicit?: boolean;
  readonly content?: ParseNode;
  readonly params?: readonly string[];
  readonly expr?: ParseNode;
  readonly condition?: ParseNode;
  readonly trueExpr?: ParseNode;
  readonly falseExpr?: ParseNode;
  /** Calls back with each child in order, as mathjs's Node.forEach does. */
  forEach(callback: (child: ParseNode) => void): void;
}

abstract class Node implements ParseNode {
  declare readonly type: string;
  protected abstract children(): ReadonlyArray<ParseNode | null | undefined>;

  forEach(callback: (child: ParseNode) => void): void {
    for (const child of this.children()) if (child) callback(child);
  }
}
// mathjs recognises a node by `is<Type>` on it and `isNode` on its class's prototype.
Object.defineProperty(Node.prototype, 'isNode', { value: true });

/** Marks instances of `node` as `is<type>`, the test mathjs's parser makes before it reads a field. */
function recognised<T extends abstract new (...args: never[]) => Node>(type: string, node: T): T {
  Object.defineProperties(node.prototype, { type: { value: type }, [`is${type}`]: { value: true } });
  return node;
}

const SymbolNode = recognised('SymbolNode', class extends Node {
  constructor(readonly name: string) {
    super();
  }
  protected children() {
    return [];
  }
});

const ConstantNode = recognised('ConstantNode', class extends Node {
  constructor(readonly value: unknown) {
    super();
  }
  protected children() {
    return [];
  }
});

const ParenthesisNode = recognised('ParenthesisNode', class extends Node {
  constructor(readonly content: ParseNode) {
    super();
  }
  protected children() {
    return [this.content];
  }
});

const OperatorNode = recognised('OperatorNode', class extends Node {
  constructor(readonly op: string, readonly fn: string, readonly args: readonly ParseNode[], readonly implicit = false, readonly isPercentage = false) {
    super();
  }
  protected children() {
    return this.args;
  }
});

const FunctionNode = recognised('FunctionNode', class extends Node {
  constructor(readonly fn: ParseNode, readonly args: readonly ParseNode[]) {
    super();
  }
  // The parser reads a call's name when the call turns out to be a definition's left-hand side.
  get name(): string {
    return this.fn.name ?? '';
  }
  protected children() {
    return [this.fn, ...this.args];
  }
});

const ConditionalNode = recognised('ConditionalNode', class extends Node {
  constructor(readonly condition: ParseNode, readonly trueExpr: ParseNode, readonly falseExpr: ParseNode) {
    super();
  }
  protected children() {
    return [this.condition, this.trueExpr, this.falseExpr];
  }
});

const FunctionAssignmentNode = recognised('FunctionAssignmentNode', class extends Node {
  constructor(readonly name: string, readonly params: readonly string[], readonly expr: ParseNode) {
    super();
  }
  protected children() {
    return [this.expr];
  }
});

// What stepdiff refuses: the parser still builds these, and reads an accessor's parts to assign to it.

/** A node kind stepdiff refuses, whose constructor arguments are all its children. */
const refused = (type: string) => recognised(type, class extends Node {
  private readonly parts: ReadonlyArray<ParseNode | null | undefined>;
  constructor(...parts: ReadonlyArray<ParseNode | null | undefined>) {
    super();
    this.parts = parts;
  }
  protected children() {
    return this.parts;
  }
});

const AccessorNode = recognised('AccessorNode', class extends Node {
  constructor(readonly object: ParseNode, readonly index: ParseNode, readonly optionalChaining = false) {
    super();
  }
  protected children() {
    return [this.object, this.index];
  }
});

const listOf = (type: string) => recognised(type, class extends Node {
  constructor(private readonly items: readonly ParseNode[]) {
    super();
  }
  protected children() {
    return this.items;
  }
});

const BlockNode = recognised('BlockNode', class extends Node {
  constructor(private readonly blocks: ReadonlyArray<{ readonly node: ParseNode }>) {
    super();
  }
  protected children() {
    return this.blocks.map((block) => block.node);
  }
});

const ObjectNode = recognised('ObjectNode', class extends Node {
  constructor(private readonly properties: Readonly<Record<string, ParseNode>>) {
    super();
  }
  protected children() {
    return Object.values(this.properties);
  }
});

const RelationalNode = recognised('RelationalNode', class extends Node {
  constructor(readonly conditionals: readonly string[], private readonly operands: readonly ParseNode[]) {
    super();
  }
  protected children() {
    return this.operands;
  }
});

// The one typed function made here is parse itself, which stepdiff calls with a string; the parser
// also registers a string-to-Node conversion, which only a full mathjs instance would use.
const typed = Object.assign(
  (name: string, signatures: Record<string, (...args: unknown[]) => unknown>) => (text: unknown) => {
    if (typeof text !== 'string') throw new TypeError(`${name} takes a string`);
    return signatures.string!(text);
  },
  { addConversion: (): void => undefined },
);

/**
 * mathjs's parse of `text`, with stepdiff's node classes. `numeric` hands the parser a number
 * literal's text, so `0.1` and 20-digit integers reach the converter exactly as written.
 */
export const parseText = createParse({
  typed,
  numeric: (value: unknown): NumberLiteral => ({ literal: String(value) }),
  config: { number: 'number' },
  SymbolNode, ConstantNode, ParenthesisNode, OperatorNode, FunctionNode, ConditionalNode, FunctionAssignmentNode, AccessorNode,
  AssignmentNode: refused('AssignmentNode'), IndexNode: listOf('IndexNode'), RangeNode: refused('RangeNode'),
  ArrayNode: listOf('ArrayNode'), BlockNode, ObjectNode, RelationalNode,
}) as (text: string) => ParseNode;
