// The presentation layer (src/present/), above the engine and the rules: a derivation laid out for
// readers, and printed from that layout as Markdown, HTML rendered by KaTeX (the one KaTeX import,
// in render.ts), standalone pages and LaTeX fragments, with their headings in each language. It
// may import every layer below it; only src/index.ts and src/cli.ts import it, and it never
// decides mathematics: every expression it prints comes from a Step or a Derivation.
//
// This module: the layout itself, the main chain, each sub-derivation as its own labelled block,
// and the law of each rule used, once. The Markdown, HTML and LaTeX printers all print it.

import type { Derivation, Step } from '../engine/derivation.js';
import { Partials } from '../engine/partials.js';
import { alignedOf, approxBeside, latexIn, MAX_PRINT_CHARS, messageIn, pointText, printBudget, printedRows, spend, type PrintBudget } from '../engine/derivation.js';
import { phrases, type Locale } from '../engine/locale.js';
import { equals, type Expr } from '../expr/expr.js';
import { latexName, toLatex, type LatexOptions } from '../expr/latex.js';
import { headings } from './headings.js';
import { withinStack } from '../expr/errors.js';

/** One block of aligned rows: its label, its LaTeX, and the explanation of each row. */
export interface Block {
  readonly label: string;
  readonly latex: string;
  readonly explanations: readonly string[];
}

/** Why a row of a chain holds: the step's number, its rule's title, the whole sentence, and the sentence after the title (": u = 1 and v = …."). */
export interface Reason {
  readonly number: string;
  readonly title: string;
  readonly sentence: string;
  readonly detail: string;
}

/**
 * One row of a chain as a reader meets it: the steps that lead to it (several where their formulas
 * print alike, a regroup that only moves parentheses), the row's formula (`= …`, or `⇒ …`), and
 * the sub-derivations its steps open, each titled by what it derives.
 */
export interface Row {
  readonly reasons: readonly Reason[];
  readonly latex: string;
  readonly subDerivations: readonly SubChain[];
}

/** A chain of rows from its first formula. */
export interface Chain {
  readonly start: string;
  readonly rows: readonly Row[];
}

/** A sub-derivation: a chain with the title of what it derives ("u′: derivative of the numerator 1"). */
export interface SubChain extends Chain {
  readonly title: string;
}

/** One derivation's own part of a page: its heading, main chain, sub-derivations and result. */
export interface Part {
  readonly heading: string;
  readonly main: Block;
  /** The main chain step by step, with each sub-derivation beside the step that opens it. */
  readonly chain: Chain;
  readonly subDerivations: readonly Block[];
  readonly result: string;
}

/** The evaluation at a point: its heading, its steps, and the value (LaTeX, with its decimal) or why there is none. */
export interface EvaluationLayout {
  readonly heading: string;
  readonly main: Block;
  readonly chain: Chain;
  readonly value?: string;
  readonly approx?: string;
  readonly reason?: string;
}

/** An evaluation's value in LaTeX with its decimal beside it (2 \\log(2) \\approx 1.386294361), for display. */
export const valueWithApprox = (value: string, approx: string | undefined): string => `${value}${approx === undefined ? '' : ` \\approx ${approx}`}`;

/** Everything a page shows about one derivation, in one locale: the parts it uses first (lower orders), then its own. */
export interface Presentation extends Part {
  readonly parts: readonly Part[];
  readonly evaluation?: EvaluationLayout;
  readonly definitions: readonly string[];
  readonly notes: readonly string[];
  readonly laws: ReadonlyArray<{ readonly title: string; readonly law: string }>;
}

/** Splits a step's flat substeps into sub-derivations: a new one starts where the chain breaks. */
export function subDerivations(substeps: readonly Step[]): Step[][] {
  const groups: Step[][] = [];
  for (const step of substeps) {
    const current = groups[groups.length - 1];
    const previous = current?.[current.length - 1];
    if (previous !== undefined && equals(previous.after, step.before)) current!.push(step);
    else groups.push([step]);
  }
  return groups;
}

/** The body of an inert derivative (what a sub-derivation derives), or the expression itself. */
const bodyOf = (e: Expr): Expr => (e.kind === 'd' ? e.body : e);

/** Lays out `d` for reading in `locale`, refusing with too-large past `maxChars` characters of LaTeX. */
export function present(d: Derivation, locale: Locale = 'en', maxChars: number = MAX_PRINT_CHARS): Presentation {
  return withinStack(() => layout(d, locale, maxChars));
}

/** The laws used, by rule id, each once, in the order first met across every part. */
type Laws = Map<string, { title: string; law: string }>;

function layout(d: Derivation, locale: Locale, maxChars: number): Presentation {
  const budget = printBudget(d, maxChars);
  const options = latexIn(d.latexOptions, locale);
  const laws: Laws = new Map();
  const [own, ...earlier] = d.chain.reverse().map((part) => partLayout(part, locale, budget, laws));
  const evaluation = d.evaluation;
  const approx = evaluation === undefined ? undefined : approxBeside(evaluation);
  const evaluated = evaluation === undefined ? undefined : chainsOf(d.result, evaluation.steps, locale, options, budget);
  return {
    ...own!,
    parts: earlier.reverse(),
    ...(evaluation === undefined ? {} : {
      evaluation: {
        heading: phrases(locale).evaluateAt.replace('{point}', pointText(evaluation.point)),
        main: { label: headings(locale).steps, latex: evaluated!.aligned, explanations: evaluated!.explanations },
        chain: evaluated!.chain,
        ...(evaluation.value === undefined ? {} : { value: spend(budget, toLatex(evaluation.value, options)) }),
        ...(approx === undefined ? {} : { approx }),
        ...(evaluation.reason === undefined ? {} : { reason: messageIn(evaluation.reason, locale) }),
      },
    }),
    definitions: d.definitions.map((def) => spend(budget, `${latexName(def.name)}(${def.params.map(latexName).join(', ')}) = ${toLatex(def.body, options)}`)),
    notes: d.notesIn(locale),
    laws: [...laws.values()],
  };
}

/** One derivation's own heading, blocks and result (its parts aside), adding the laws it uses to `laws`. */
function partLayout(d: Derivation, locale: Locale, budget: PrintBudget, laws: Laws): Part {
  const visit = (steps: readonly Step[]): void => {
    for (const step of steps) {
      if (step.law !== '' && !laws.has(step.rule)) laws.set(step.rule, { title: step.titleIn(locale), law: spend(budget, step.lawIn(locale)) });
      visit(step.substeps);
    }
  };
  visit(d.steps);
  const options = latexIn(d.latexOptions, locale);
  const { aligned, explanations, chain, blocks } = chainsOf(d.start, d.steps, locale, options, budget);
  return {
    heading: d.heading(locale),
    main: { label: headings(locale).steps, latex: aligned, explanations },
    chain,
    subDerivations: blocks,
    result: spend(budget, toLatex(d.result, options)),
  };
}

/**
 * The steps from `start` as a chain of rows (sub-derivations nested where they are opened), as one
 * aligned block with its explanations, and each sub-derivation as a block of its own; every formula
 * is printed, and every step explained, once.
 */
function chainsOf(start: Expr, steps: readonly Step[], locale: Locale, options: LatexOptions, budget: PrintBudget): { aligned: string; explanations: string[]; chain: Chain; blocks: Block[] } {
  const heads = headings(locale);
  const blocks: Block[] = [];
  const build = (from: Expr, chainSteps: readonly Step[], numbers: readonly string[]): { aligned: string; explanations: string[]; chain: Chain } => {
    const startLatex = spend(budget, toLatex(from, options));
    const rows: Row[] = [];
    const printed = printedRows(chainSteps, locale, options, budget);
    const explanations = chainSteps.map((step) => step.explain(locale));
    chainSteps.forEach((step, i) => {
      const { after, title: rule } = printed[i]!;
      const label = numbers[i]!;
      const sentence = explanations[i]!;
      const reason: Reason = { number: label, title: rule, sentence, detail: sentence.startsWith(rule) ? sentence.slice(rule.length) : ` ${sentence}` };
      const subs: SubChain[] = [];
      let k = 0;
      for (const group of subDerivations(step.substeps)) {
        const title = step.partTitle(bodyOf(group[0]!.before), locale);
        // Its place is kept before the blocks of its own sub-derivations: read in that order.
        const place = blocks.push({ label: '', latex: '', explanations: [] }) - 1;
        const nested = build(group[0]!.before, group, group.map((_, j) => `${label}.${k + j + 1}`));
        k += group.length;
        blocks[place] = { label: heads.subDerivation.replace('{n}', label).replace('{title}', title), latex: nested.aligned, explanations: nested.explanations };
        subs.push({ title, ...nested.chain });
      }
      const previous = rows[rows.length - 1];
      // A step whose formula prints as the row before it (a regroup) joins that row: shown once.
      if (previous !== undefined && previous.latex === after) {
        rows[rows.length - 1] = { reasons: [...previous.reasons, reason], latex: after, subDerivations: [...previous.subDerivations, ...subs] };
      } else rows.push({ reasons: [reason], latex: after, subDerivations: subs });
    });
    return { aligned: alignedOf(startLatex, printed), explanations, chain: { start: startLatex, rows } };
  };
  return { ...build(start, steps, steps.map((_, i) => `${i + 1}`)), blocks };
}

/** The result of a gradient or Hessian in LaTeX: a column vector, or the matrix, in bmatrix. */
export function partialsLatex(p: Partials): string {
  const options = p.derivations[0]?.latexOptions ?? {};
  const rows = p.kind === 'hessian' ? (p.result as ReadonlyArray<readonly Expr[]>).map((row) => row.map((e) => toLatex(e, options)).join(' & ')) : (p.result as readonly Expr[]).map((e) => toLatex(e, options));
  return `\\begin{bmatrix} ${rows.join(' \\\\ ')} \\end{bmatrix}`;
}

/** The heading of a gradient's or Hessian's result: "Gradient with respect to (w, b)". */
export function partialsHeading(p: Partials, locale: Locale): string {
  return `${phrases(locale)[p.kind]} (${p.wrt.join(', ')})`;
}

/** Each derivation of a gradient or Hessian printed by `print` (the notes and definitions once), then its result by `summary`. */
export function eachPartial(p: Partials, print: (d: Derivation) => string, summary: (heading: string, latex: string) => string, locale: Locale): string {
  return [...p.all.map((d, i) => print(d.alone(i === 0))), summary(partialsHeading(p, locale), partialsLatex(p))].join('\n\n');
}

/** The derivation as a LaTeX fragment: each block in display math, labelled by a comment line; too-large past `maxChars`. */
export function toLatexDocument(d: Derivation | Partials, locale: Locale = 'en', maxChars: number = MAX_PRINT_CHARS): string {
  if (d instanceof Partials) return eachPartial(d, (one) => toLatexDocument(one, locale, maxChars), (heading, latex) => `% ${heading}\n\\[ ${latex} \\]`, locale);
  const p = present(d, locale, maxChars);
  const words = phrases(locale);
  const parts: string[] = [];
  // The lower orders first, each under its heading; the definitions after the first heading.
  [...p.parts, p].forEach((part, i) => {
    parts.push(`% ${part.heading}`);
    if (i === 0) for (const def of p.definitions) parts.push(`% ${words.definition}`, `\\[ ${def} \\]`);
    parts.push(`% ${part.main.label}`, `\\[\n${part.main.latex}\n\\]`);
    for (const block of part.subDerivations) parts.push(`% ${block.label}`, `\\[\n${block.latex}\n\\]`);
  });
  if (p.evaluation !== undefined) {
    const e = p.evaluation;
    parts.push(`% ${e.heading}`, `\\[\n${e.main.latex}\n\\]`);
    if (e.value !== undefined) parts.push(`% ${words.value}`, `\\[ ${valueWithApprox(e.value, e.approx)} \\]`);
    if (e.reason !== undefined) parts.push(`% ${words.note}: ${e.reason}`);
  }
  parts.push(`% ${headings(locale).laws}`);
  for (const law of p.laws) parts.push(`% ${law.title}`, `\\[ ${law.law} \\]`);
  return parts.join('\n');
}
