// The expression's types on their own: the modules expr.ts builds on (children, shape, precedence)
// name them without importing the builders that import them.

import type { Rational } from './rational.js';

/** A named mathematical constant. */
export type ConstantName = 'e' | 'pi';

/**
 * An expression node. `d` is the inert derivative d/d{wrt}[body], optionally evaluated at {wrt} = at;
 * `eq` an equation left = right, which only implicit differentiation reads and writes; `cond` the
 * piecewise expression test ? yes : no, its test a comparison `cmp`.
 */
export type Expr =
  | { readonly kind: 'num'; readonly value: Rational }
  | { readonly kind: 'sym'; readonly name: string }
  | { readonly kind: 'const'; readonly name: ConstantName }
  | { readonly kind: 'add'; readonly terms: readonly Expr[] }
  | { readonly kind: 'sub'; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'mul'; readonly factors: readonly Expr[] }
  | { readonly kind: 'div'; readonly num: Expr; readonly den: Expr }
  | { readonly kind: 'pow'; readonly base: Expr; readonly exp: Expr }
  | { readonly kind: 'neg'; readonly arg: Expr }
  | { readonly kind: 'fn'; readonly name: string; readonly args: readonly Expr[]; readonly primes: number }
  | { readonly kind: 'd'; readonly body: Expr; readonly wrt: string; readonly at?: Expr }
  | { readonly kind: 'eq'; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'cmp'; readonly op: Comparison; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'cond'; readonly test: Expr; readonly yes: Expr; readonly no: Expr };

/** The comparisons a piecewise expression's condition may make. */
export type Comparison = '<' | '<=' | '>' | '>=';

export type Kind = Expr['kind'];
/** The node of a given kind. */
export type ExprOf<K extends Kind> = Extract<Expr, { kind: K }>;

/** A path of child indices from the root to a node. */
export type Path = readonly number[];

/** A user function definition such as σ(x) = 1/(1+exp(-x)). */
export interface Definition {
  readonly name: string;
  readonly params: readonly string[];
  readonly body: Expr;
  /** Set on stepdiff's own definitions (σ, softplus, …): their names are functions only where called, and stay free as variables (σ as a standard deviation). */
  readonly builtin?: boolean;
}
