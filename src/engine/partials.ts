// A gradient or a Hessian: several derivations of one input, one per distinct partial derivative,
// and their results as a vector or a symmetric matrix.

import { withinStack } from '../expr/errors.js';
import type { Expr } from '../expr/expr.js';
import { toText } from '../expr/text.js';
import { inReadingOrder, MAX_PRINT_CHARS, type Derivation, type DerivationPartJSON } from './derivation.js';
import { phrases, type Locale } from './locale.js';

/** The heading word of several partial derivatives taken together. */
export type PartialsKind = 'gradient' | 'hessian';

/**
 * A gradient or a Hessian: one derivation per distinct partial derivative (a mixed partial once,
 * its first partial as its part), and the result as a vector or a symmetric matrix.
 */
export class Partials {
  constructor(
    readonly kind: PartialsKind,
    /** The variables: the gradient's components, the Hessian's rows and columns. */
    readonly wrt: readonly string[],
    /** A gradient's components, or a Hessian's rows. */
    readonly result: readonly Expr[] | ReadonlyArray<readonly Expr[]>,
    /** The derivations of the results, each distinct partial once (a Hessian's upper triangle, row by row). */
    readonly derivations: readonly Derivation[],
  ) {
    Object.freeze(this.derivations);
    Object.freeze(this);
  }

  /** Every derivation the result rests on, each once, each after the parts it uses. */
  get all(): Derivation[] {
    return inReadingOrder(this.derivations);
  }

  /** The result's texts: a list, or rows of a list. */
  resultTexts(): string[] | string[][] {
    return this.result.map((r) => (Array.isArray(r) ? (r as readonly Expr[]).map(toText) : toText(r as Expr))) as string[] | string[][];
  }

  /** Every derivation as text (the notes and definitions once, first), then the vector or matrix. */
  toText(locale: Locale = 'en', maxChars: number = MAX_PRINT_CHARS): string {
    const words = phrases(locale);
    const list = (items: readonly string[]): string => `[${items.join(', ')}]`;
    const texts = this.resultTexts();
    const summary = this.kind === 'hessian' ? list((texts as string[][]).map(list)) : list(texts as string[]);
    return withinStack(() =>
      [...this.all.map((d, i) => d.ownText(locale, maxChars, i === 0)), `${words[this.kind]}${words.colon}${summary}`].join('\n\n'),
    );
  }

  /** `{ kind, wrt, result, parts }`: the result as texts (rows for a Hessian), each derivation's JSON once. */
  toJSON(locale: Locale = 'en', maxChars: number = MAX_PRINT_CHARS): PartialsJSON {
    return withinStack(() => ({ kind: this.kind, wrt: [...this.wrt], result: this.resultTexts(), parts: this.all.map((d) => d.partJSON(locale, maxChars)) }));
  }
}

/** A gradient or Hessian as plain JSON. */
export interface PartialsJSON {
  readonly kind: PartialsKind;
  readonly wrt: readonly string[];
  readonly result: readonly string[] | ReadonlyArray<readonly string[]>;
  readonly parts: readonly DerivationPartJSON[];
}
