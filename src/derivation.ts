// Step and Derivation are immutable records of what the rewriter did. Their text, LaTeX and JSON
// forms are computed from the recorded expressions on demand, by the printers.

import type { Expr, Path } from './expr.js';
import { toLatex, type LatexOptions } from './latex.js';
import type { Definition } from './parse.js';
import type { Note } from './rule.js';
import { fillText, toText } from './text.js';

/** A step as plain JSON (the CLI's --format json). */
export interface StepJSON {
  readonly rule: string;
  readonly explanation: string;
  readonly before: string;
  readonly after: string;
  readonly beforeLatex: string;
  readonly afterLatex: string;
  readonly substeps: readonly StepJSON[];
}

/** A derivation as plain JSON. */
export interface DerivationJSON {
  readonly input: string;
  readonly wrt: string;
  readonly result: string;
  readonly resultLatex: string;
  readonly complete: boolean;
  readonly steps: readonly StepJSON[];
}

/** One applied rule: the whole expression before and after, and the sub-derivations it needed. */
export class Step {
  constructor(
    /** Stable kebab-case rule id. */
    readonly rule: string,
    /** The rule's title, e.g. "Quotient rule". */
    readonly title: string,
    readonly before: Expr,
    readonly after: Expr,
    /** Where in `before` the rule fired. */
    readonly path: Path,
    /** Steps of the sub-derivations (each starts from an inert derivative of one part). */
    readonly substeps: readonly Step[] = [],
    readonly note?: Note,
    private readonly latexOptions: LatexOptions = {},
  ) {
    Object.freeze(this.substeps);
    Object.freeze(this);
  }

  /** One sentence explaining the step, in plain text. */
  get explanation(): string {
    return this.note === undefined ? `${this.title}.` : `${this.title}: ${fillText(this.note.text, this.note.values, toText)}.`;
  }

  /** `before = after` as parseable text. */
  toText(): string {
    return `${toText(this.before)} = ${toText(this.after)}`;
  }

  /** `before = after` as LaTeX. */
  toLatex(): string {
    return `${toLatex(this.before, this.latexOptions)} = ${toLatex(this.after, this.latexOptions)}`;
  }

  toJSON(): StepJSON {
    return {
      rule: this.rule,
      explanation: this.explanation,
      before: toText(this.before),
      after: toText(this.after),
      beforeLatex: toLatex(this.before, this.latexOptions),
      afterLatex: toLatex(this.after, this.latexOptions),
      substeps: this.substeps.map((s) => s.toJSON()),
    };
  }
}

/** The result of `derive`: the input, the main chain of steps and the final expression. */
export class Derivation {
  constructor(
    readonly input: string,
    /** The expression as parsed, before differentiation. */
    readonly expr: Expr,
    readonly wrt: string,
    /** The inert derivative the main chain starts from. */
    readonly start: Expr,
    readonly steps: readonly Step[],
    readonly result: Expr,
    readonly definitions: readonly Definition[],
    /** Normalisations applied to the input text, and what the derivation could not do. */
    readonly notes: readonly string[],
    /** False when definitions were given but the result could not be written in terms of them. */
    readonly complete: boolean = true,
    private readonly latexOptions: LatexOptions = {},
  ) {
    Object.freeze(this.steps);
    Object.freeze(this.definitions);
    Object.freeze(this.notes);
    Object.freeze(this);
  }

  /** The numbered steps, indented by nesting, and the result. */
  toText(): string {
    const lines: string[] = [];
    for (const note of this.notes) lines.push(`Note: ${note}.`);
    for (const def of this.definitions) lines.push(`Definition: ${def.name}(${def.params.join(', ')}) = ${toText(def.body)}`);
    lines.push(`Differentiate with respect to ${this.wrt}:`, `  ${toText(this.start)}`, '');
    const walk = (steps: readonly Step[], prefix: string, indent: string, main: boolean): void => {
      steps.forEach((step, i) => {
        const label = `${prefix}${i + 1}`;
        lines.push(`${indent}${label}. [${step.rule}] ${step.explanation}`);
        const body = `${indent}${' '.repeat(label.length + 2)}`;
        lines.push(main ? `${body}= ${toText(step.after)}` : `${body}${step.toText()}`);
        walk(step.substeps, `${label}.`, body, false);
      });
    };
    walk(this.steps, '', '', true);
    lines.push('', `Result: ${toText(this.result)}`);
    return lines.join('\n');
  }

  /** The main chain as one LaTeX `aligned` block, each row tagged with its rule. */
  toLatex(): string {
    const rows = [`& ${toLatex(this.start, this.latexOptions)}`];
    for (const step of this.steps) rows.push(`&= ${toLatex(step.after, this.latexOptions)} && \\text{${step.rule}}`);
    return `\\begin{aligned}\n${rows.join(' \\\\\n')}\n\\end{aligned}`;
  }

  toJSON(): DerivationJSON {
    return {
      input: this.input,
      wrt: this.wrt,
      result: toText(this.result),
      resultLatex: toLatex(this.result, this.latexOptions),
      complete: this.complete,
      steps: this.steps.map((s) => s.toJSON()),
    };
  }
}
