// Step and Derivation are immutable records of what the rewriter did. Their text, LaTeX and JSON
// forms are computed from the recorded expressions on demand, by the printers.

import { StepdiffError, withinStack } from '../expr/errors.js';
import type { Definition, Expr, Path } from '../expr/expr.js';
import { derivativeOrder, equals } from '../expr/expr.js';
import { latexText, toLatex, type LatexOptions } from '../expr/latex.js';
import { lawIn, listIn, phrases, pluralIn, templateIn, titleIn, type Locale } from './locale.js';
import type { LazyNote, Note } from './rule.js';
import { nodeCount } from './algebra.js';
import { fillText, toText } from '../expr/text.js';

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

/** A derivation as plain JSON; `order` and `parts` only when it uses derivatives found before it, the value only with `at`. */
export interface DerivationJSON extends Partial<EvaluationJSON> {
  readonly input: string;
  readonly wrt: string;
  /** The variable that is a function of wrt, in an implicit derivation. */
  readonly dependent?: string;
  readonly order?: number;
  readonly result: string;
  readonly resultLatex: string;
  readonly complete: boolean;
  readonly steps: readonly StepJSON[];
  /** The derivations of the derivatives inside the input (lower orders), in the order they were found. */
  readonly parts?: readonly DerivationPartJSON[];
}

/** What `at` adds to a derivation's JSON: the value (null where the derivative does not exist there), its decimal, and the steps. */
export interface EvaluationJSON {
  readonly at: Readonly<Record<string, string>>;
  readonly value: string | null;
  readonly approx: number | null;
  readonly evaluation: { readonly steps: readonly StepJSON[]; readonly reason?: string };
}

function evaluationJSON(e: Evaluation, locale: Locale, budget: PrintBudget): EvaluationJSON {
  return {
    at: Object.fromEntries(e.point.map(([name, v]) => [name, toText(v)])),
    value: e.value === undefined ? null : valueText(e.value),
    approx: e.approx ?? null,
    evaluation: { steps: e.steps.map((s) => s.toJSON(locale, budget)), ...(e.reason === undefined ? {} : { reason: messageIn(e.reason, locale) }) },
  };
}

/** One earlier part of a derivation as plain JSON. */
export interface DerivationPartJSON {
  readonly wrt: string;
  readonly order: number;
  readonly start: string;
  readonly result: string;
  readonly resultLatex: string;
  readonly steps: readonly StepJSON[];
}

/** What a step records of the rule that made it. */
export interface RuleInfo {
  readonly id: string;
  readonly title: string;
  readonly law: string;
}

/** A sentence about the derivation as a whole, with {slots} filled from `values` (plain text). */
export interface Message {
  readonly text: string;
  readonly values: Readonly<Record<string, string>>;
}

/** A message in `locale`. */
export function messageIn(message: Message, locale: Locale): string {
  return templateIn(locale, message.text).replace(/\{(\w+)\}/g, (whole, k: string) => (Object.hasOwn(message.values, k) ? message.values[k]! : whole));
}

/** One applied rule: the whole expression before and after, and the sub-derivations it needed. */
export class Step {
  /** Stable kebab-case rule id. */
  readonly rule: string;
  /** The rule's title in English, e.g. "Quotient rule". */
  readonly title: string;
  /** The rule's law in LaTeX (empty for the engine's own steps). */
  readonly law: string;
  // Private, so that a step's own (enumerable) fields are the documented ones: rule, title, law,
  // before, after, path and substeps.
  readonly #pendingNote: LazyNote | undefined;
  readonly #latexOptions: LatexOptions;

  constructor(
    info: RuleInfo,
    readonly before: Expr,
    readonly after: Expr,
    /** Where in `before` the rule fired. */
    readonly path: Path,
    /** Steps of the sub-derivations (each starts from an inert derivative of one part). */
    readonly substeps: readonly Step[] = [],
    /** What the rule says of this step, worked out when read (see LazyNote). */
    pendingNote?: LazyNote,
    /** How expressions of this derivation print in LaTeX (∂ when other variables are present). */
    latexOptions: LatexOptions = {},
  ) {
    this.rule = info.id;
    this.title = info.title;
    this.law = info.law;
    this.#pendingNote = pendingNote;
    this.#latexOptions = latexOptions;
    Object.freeze(this.substeps);
    Object.freeze(this);
  }

  /** How expressions of this derivation print in LaTeX (∂ when other variables are present). */
  get latexOptions(): LatexOptions {
    return this.#latexOptions;
  }

  /** This step where `place` puts the expression it rewrote, at `prefix` (one side of an equation simplified on its own). */
  within(place: (e: Expr) => Expr, prefix: Path): Step {
    return new Step({ id: this.rule, title: this.title, law: this.law }, place(this.before), place(this.after), [...prefix, ...this.path], this.substeps, this.#pendingNote, this.#latexOptions);
  }

  /** What the rule says of this instance (the factor a cancellation assumes non-zero, …), if anything. */
  get note(): Note | undefined {
    return this.#pendingNote?.();
  }

  /** The rule's title in `locale`. */
  titleIn(locale: Locale = 'en'): string {
    return titleIn(locale, this.rule, this.title);
  }

  /** The rule's law in `locale`, as LaTeX. */
  lawIn(locale: Locale = 'en'): string {
    return lawIn(locale, this.law);
  }

  /** The title of the sub-derivation of `of` this step opens ("u′: derivative of the numerator 1"), in `locale`. */
  partTitle(of: Expr, locale: Locale = 'en'): string {
    const part = this.note?.parts?.find((p) => equals(p.of, of));
    return fillText(templateIn(locale, part?.text ?? 'Derivative of {e}'), { e: of }, toText);
  }

  /** One sentence explaining the step, in plain text. */
  explain(locale: Locale = 'en'): string {
    const said = this.note;
    const parts = said === undefined ? [] : [said, ...(said.also ?? [])];
    const note = parts.length === 0 ? undefined : sentencesOf(parts, locale).join(locale === 'zh' ? '；' : '; ');
    return phrases(locale).sentence(this.titleIn(locale), note);
  }

  /** The explanation in English. */
  get explanation(): string {
    return this.explain('en');
  }

  /** `before = after` as parseable text. */
  toText(): string {
    return withinStack(() => `${toText(this.before)} = ${toText(this.after)}`);
  }

  /** `before = after` as LaTeX. */
  toLatex(): string {
    return withinStack(() => `${toLatex(this.before, this.latexOptions)} = ${toLatex(this.after, this.latexOptions)}`);
  }

  /** The step as plain JSON; `budget`, when given, is spent on its printed expressions. */
  toJSON(locale: Locale = 'en', budget?: PrintBudget): StepJSON {
    return withinStack(() => ({
      rule: this.rule,
      explanation: this.explain(locale),
      before: spend(budget, toText(this.before)),
      after: spend(budget, toText(this.after)),
      beforeLatex: spend(budget, toLatex(this.before, this.latexOptions)),
      afterLatex: spend(budget, toLatex(this.after, this.latexOptions)),
      substeps: this.substeps.map((s) => s.toJSON(locale, budget)),
    }));
  }
}

/**
 * The notes of one step as sentences: the notes of several places that share a template with one
 * slot are said once, over the list of their values, where the template has a plural.
 */
function sentencesOf(parts: readonly Note[], locale: Locale): string[] {
  const byText = new Map<string, Note[]>();
  for (const n of parts) byText.set(n.text, [...(byText.get(n.text) ?? []), n]);
  return [...byText].flatMap(([text, notes]) => {
    // The slots the template uses (a rule's notes may also carry {x}, unused).
    const slots = Object.keys(notes[0]!.values).filter((k) => text.includes(`{${k}}`));
    const plural = notes.length > 1 && slots.length <= 1 ? pluralIn(locale, text) : undefined;
    if (plural === undefined) return notes.map((n) => fillText(templateIn(locale, n.text), n.values, toText));
    if (slots.length === 0) return [plural];
    const items = [...new Set(notes.map((n) => toText(n.values[slots[0]!]!)))];
    return [plural.replace(`{${slots[0]!}}`, listIn(locale, items))];
  });
}

/** `roots` and every part they use, each once, each after the parts it uses: the order they are read in. */
export function inReadingOrder(roots: readonly Derivation[]): Derivation[] {
  const seen = new Set<Derivation>();
  const out: Derivation[] = [];
  const visit = (d: Derivation): void => {
    if (seen.has(d)) return;
    seen.add(d);
    for (const part of d.parts) visit(part);
    out.push(d);
  };
  for (const root of roots) visit(root);
  return out;
}

/** The result evaluated at a point: the substitution and the exact simplification after it. */
export interface Evaluation {
  /** Each variable given a value, with its value, in the order given. */
  readonly point: ReadonlyArray<readonly [string, Expr]>;
  /** From the result with the values substituted to the exact value. */
  readonly steps: readonly Step[];
  /** The exact value, or undefined where the derivative does not exist at the point. */
  readonly value?: Expr;
  /** The value as a number, when it has one (every variable given a value). */
  readonly approx?: number;
  /** Why the derivative has no value at the point, when it has none. */
  readonly reason?: Message;
}

/** `x = 0, y = 1/2` for a point. */
export const pointText = (point: Evaluation['point']): string => point.map(([name, v]) => `${name} = ${toText(v)}`).join(', ');

/** An exact value as a teacher writes one: a fraction as 1 / 4, not the decimal 0.25 the text form uses in expressions. */
export const valueText = (e: Expr): string =>
  e.kind === 'num' && e.value.den !== 1n ? `${e.value.num < 0n ? '-' : ''}${e.value.num < 0n ? -e.value.num : e.value.num} / ${e.value.den}` : toText(e);

/** A number as people read it beside an exact value: up to ten significant digits. */
export const approxText = (value: number): string => String(Number(value.toPrecision(10)));

/** The decimal to show beside an evaluation's exact value, unless the value reads as that decimal already (2, not 2 ≈ 2). */
export function approxBeside(e: Evaluation): string | undefined {
  if (e.value === undefined || e.approx === undefined) return undefined;
  const approx = approxText(e.approx);
  return valueText(e.value) === approx ? undefined : approx;
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
    readonly messages: readonly Message[],
    /** False when definitions were given but the result could not be written in terms of them. */
    readonly complete: boolean = true,
    readonly latexOptions: LatexOptions = {},
    /**
     * The derivations of the derivatives inside the expression (the first derivative, for the
     * second), each found before this one starts from its result; each may have parts of its own.
     */
    readonly parts: readonly Derivation[] = [],
    /** The result evaluated at the point asked for (`at`), when one was. */
    readonly evaluation?: Evaluation,
  ) {
    Object.freeze(this.steps);
    Object.freeze(this.definitions);
    Object.freeze(this.messages);
    Object.freeze(this.parts);
    Object.freeze(this);
  }

  /** This derivation on its own, its parts left out (shown elsewhere); its notes and definitions only with `head`. */
  alone(head: boolean): Derivation {
    const d = this;
    return new Derivation(d.input, d.expr, d.wrt, d.start, d.steps, d.result, head ? d.definitions : [], head ? d.messages : [], d.complete, d.latexOptions, [], d.evaluation);
  }

  /** How many times this derivation differentiates: 2 when it starts from d²/dx² f, 1 from an equation. */
  get order(): number {
    return this.start.kind === 'eq' ? 1 : derivativeOrder(this.start);
  }

  /** The variable that is a function of `wrt` when the derivation is implicit (y in x^2 + y^2 = 1). */
  get dependent(): string | undefined {
    return this.latexOptions.dependent;
  }

  /** What this derivation does, as its heading in `locale`: "Second derivative with respect to x". */
  heading(locale: Locale = 'en'): string {
    const words = phrases(locale);
    const text = this.start.kind === 'eq' ? words.differentiateImplicitly : words.differentiateTimes(this.order);
    return text.replaceAll('{x}', this.wrt).replaceAll('{y}', this.dependent ?? '');
  }

  /** Every part, each after the parts it uses, this derivation last: the order they are read in. */
  get chain(): Derivation[] {
    return inReadingOrder([this]);
  }

  /** The messages as sentences in `locale`. */
  notesIn(locale: Locale = 'en'): string[] {
    return this.messages.map((m) => messageIn(m, locale));
  }

  /** The messages in English. */
  get notes(): string[] {
    return this.notesIn('en');
  }

  /** The numbered steps, indented by nesting, and the result; too-large past `maxChars` characters. */
  toText(locale: Locale = 'en', maxChars: number = MAX_PRINT_CHARS): string {
    // The parts first, each as a derivation of its own, without repeating the notes and definitions.
    return withinStack(() => this.chain.map((d) => d.ownText(locale, maxChars, d === this)).join('\n\n'));
  }

  /** This derivation's own steps as text, its parts aside; with `head`, its notes and definitions first. */
  ownText(locale: Locale, maxChars: number, head: boolean): string {
    const budget = printBudget(this, maxChars);
    const words = phrases(locale);
    const lines: string[] = [];
    if (head) {
      for (const note of this.notesIn(locale)) lines.push(`${words.note}${words.colon}${note}${locale === 'zh' ? '。' : '.'}`);
      for (const def of this.definitions) lines.push(`${words.definition}${words.colon}${def.name}(${def.params.join(', ')}) = ${toText(def.body)}`);
    }
    lines.push(`${this.heading(locale)}${words.colon.trimEnd()}`, `  ${toText(this.start)}`, '');
    const walk = (steps: readonly Step[], prefix: string, indent: string, main: boolean): void => {
      steps.forEach((step, i) => {
        const label = `${prefix}${i + 1}`;
        lines.push(`${indent}${label}. [${step.rule}] ${step.explain(locale)}`);
        const body = `${indent}${' '.repeat(label.length + 2)}`;
        lines.push(spend(budget, main ? `${body}${connective(step.after).text} ${toText(step.after)}` : `${body}${step.toText()}`));
        walk(step.substeps, `${label}.`, body, false);
      });
    };
    walk(this.steps, '', '', true);
    lines.push('', `${words.result}${words.colon}${toText(this.result)}`);
    const evaluation = head ? this.evaluation : undefined;
    if (evaluation !== undefined) {
      lines.push('', `${words.evaluateAt.replace('{point}', pointText(evaluation.point))}${words.colon.trimEnd()}`);
      evaluation.steps.forEach((step, i) => lines.push(`${i + 1}. [${step.rule}] ${step.explain(locale)}`, spend(budget, `   = ${toText(step.after)}`)));
      if (evaluation.value !== undefined) {
        const approx = approxBeside(evaluation);
        lines.push('', `${words.value}${words.colon}${valueText(evaluation.value)}${approx === undefined ? '' : ` ≈ ${approx}`}`);
      } else if (evaluation.reason !== undefined) {
        lines.push('', `${words.note}${words.colon}${messageIn(evaluation.reason, locale)}`);
      }
    }
    return lines.join('\n');
  }

  /** The main chain as one LaTeX `aligned` block, each row tagged with its rule; too-large past `maxChars` characters. */
  toLatex(locale: Locale = 'en', maxChars: number = MAX_PRINT_CHARS): string {
    return withinStack(() => alignedLatex(this.start, this.steps, locale, latexIn(this.latexOptions, locale), printBudget(this, maxChars)));
  }

  /** The derivation as plain JSON; too-large past `maxChars` characters of printed expressions. */
  toJSON(locale: Locale = 'en', maxChars: number = MAX_PRINT_CHARS): DerivationJSON {
    const budget = printBudget(this, maxChars);
    const earlier = this.chain.slice(0, -1);
    return withinStack(() => ({
      input: this.input,
      wrt: this.wrt,
      ...(this.dependent === undefined ? {} : { dependent: this.dependent }),
      ...(earlier.length === 0 ? {} : { order: this.order }),
      result: toText(this.result),
      resultLatex: toLatex(this.result, this.latexOptions),
      complete: this.complete,
      steps: this.steps.map((s) => s.toJSON(locale, budget)),
      ...(earlier.length === 0 ? {} : { parts: earlier.map((d) => d.partJSON(locale, maxChars)) }),
      ...(this.evaluation === undefined ? {} : evaluationJSON(this.evaluation, locale, budget)),
    }));
  }

  /** One part as JSON: what it starts from, its steps and its result. */
  partJSON(locale: Locale, maxChars: number): DerivationPartJSON {
    const budget = printBudget(this, maxChars);
    return {
      wrt: this.wrt,
      order: this.order,
      start: toText(this.start),
      result: toText(this.result),
      resultLatex: toLatex(this.result, this.latexOptions),
      steps: this.steps.map((s) => s.toJSON(locale, budget)),
    };
  }
}

/**
 * Most characters one printed form of a derivation holds by default. The default output limit
 * (3,000,000 nodes) prints well within it; past it strings near V8's maximum length would fail
 * with a RangeError, and memory would run to gigabytes.
 */
export const MAX_PRINT_CHARS = 50_000_000;

/** What is left of a printer's character budget, spent as rows are printed. */
export interface PrintBudget {
  left: number;
  readonly limit: number;
}

/**
 * A fresh budget of `limit` characters for printing the steps from `start` to `result`. It refuses at
 * once a derivation whose expressions hold more than `limit` nodes: each prints as at least one
 * character, and printing them all to find out would cost what the limit is there to save.
 */
export function printBudget(d: { readonly start: Expr; readonly steps: readonly Step[]; readonly result: Expr }, limit: number): PrintBudget {
  let total = nodeCount(d.start) + nodeCount(d.result);
  const pending: Step[] = [...d.steps];
  while (pending.length > 0 && total <= limit) {
    const step = pending.pop()!;
    total += nodeCount(step.after);
    pending.push(...step.substeps);
  }
  if (total > limit) tooLarge(limit);
  return { left: limit, limit };
}

function tooLarge(limit: number): never {
  throw new StepdiffError('too-large', `The derivation is too large to print: more than ${limit} characters.`);
}

/** Counts `text` against `budget`, refusing with too-large as soon as it is spent: a huge derivation is never printed whole first. */
export function spend(budget: PrintBudget | undefined, text: string): string {
  if (budget === undefined) return text;
  budget.left -= text.length;
  if (budget.left < 0) tooLarge(budget.limit);
  return text;
}

/** What joins a row of a chain to the one before: =, or ⇒ where the rows are equations (each follows from the one before). */
export const connective = (after: Expr): { readonly text: string; readonly latex: string } =>
  after.kind === 'eq' ? { text: '=>', latex: '\\Rightarrow' } : { text: '=', latex: '=' };

/** `options` with the words a printed formula holds (a piecewise function's "otherwise") in `locale`. */
export const latexIn = (options: LatexOptions, locale: Locale): LatexOptions => ({ ...options, cases: phrases(locale).cases });

/** An `aligned` block: the start, then one `&=` row per step tagged with its rule's title. */
export function alignedLatex(start: Expr, steps: readonly Step[], locale: Locale, options: LatexOptions, budget?: PrintBudget): string {
  return alignedOf(spend(budget, toLatex(start, options)), printedRows(steps, locale, options, budget));
}

/** Each step as a row prints it: `= after` (or `⇒ after`) in LaTeX, and its rule's title in `locale`. */
export function printedRows(steps: readonly Step[], locale: Locale, options: LatexOptions, budget?: PrintBudget): Array<{ readonly after: string; readonly title: string }> {
  return steps.map((step) => ({ after: `${connective(step.after).latex} ${spend(budget, toLatex(step.after, options))}`, title: step.titleIn(locale) }));
}

/** Printed rows as an `aligned` block: `start`, then each row's `= after` with its title tagged. */
export function alignedOf(start: string, rows: ReadonlyArray<{ readonly after: string; readonly title: string }>): string {
  const lines = [start];
  rows.forEach((row, i) => {
    const line = `&${row.after} && \\text{${latexText(row.title)}}`;
    if (i === 0) lines[0] = `${lines[0]} ${line}`;
    else lines.push(line);
  });
  return `\\begin{aligned}\n${lines.join(' \\\\\n')}\n\\end{aligned}`;
}
