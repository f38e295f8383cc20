// Markdown printer, in the readable layout of the HTML (present.ts's rows): each step a paragraph
// with its number and rule in bold, then its formula in a $$ block of its own (no \\text column that
// a phone cannot show), each sub-derivation a <details> after the step that opens it, titled by what
// it derives. GitHub and MkDocs read both.

import type { Derivation } from '../engine/derivation.js';
import { Partials } from '../engine/partials.js';
import { phrases, type Locale } from '../engine/locale.js';
import { headings } from './headings.js';
import { escapeHtml } from './html.js';
import { MAX_PRINT_CHARS } from '../engine/derivation.js';
import { eachPartial, present, valueWithApprox, type Chain } from './present.js';

const display = (latex: string): string => `$$\n${latex}\n$$`;

/** A chain as paragraphs: the first formula, then each row's reasons and formula, its sub-derivations folded. */
function chainMarkdown(chain: Chain): string {
  const parts = [display(chain.start)];
  for (const row of chain.rows) {
    parts.push(row.reasons.map((r) => `**${r.number}. ${escapeMarkdown(r.title)}**${escapeMarkdown(r.detail)}`).join('\\\n'));
    parts.push(display(row.latex));
    for (const sub of row.subDerivations) parts.push(`<details><summary>${escapeHtml(sub.title)}</summary>`, chainMarkdown(sub), '</details>');
  }
  return parts.join('\n\n');
}

/** Escapes the characters Markdown would read as markup in a plain-text explanation. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|$])/g, '\\$1');
}

/** The derivation as Markdown in `locale`; too-large past `maxChars` characters of LaTeX. */
export function toMarkdown(d: Derivation | Partials, locale: Locale = 'en', maxChars: number = MAX_PRINT_CHARS): string {
  if (d instanceof Partials) return eachPartial(d, (one) => toMarkdown(one, locale, maxChars), (heading, latex) => `## ${escapeMarkdown(heading)}\n\n${display(latex)}\n`, locale);
  const p = present(d, locale, maxChars);
  const words = phrases(locale);
  const parts = [`## ${escapeMarkdown(p.heading)}`];
  for (const note of p.notes) parts.push(`> ${escapeMarkdown(`${words.note}: ${note}`)}`);
  for (const def of p.definitions) parts.push(`${words.definition}:\n\n${display(def)}`);
  // The lower orders, each under its own heading, then this derivation's own blocks.
  for (const part of p.parts) {
    parts.push(`### ${escapeMarkdown(part.heading)}`, chainMarkdown(part.chain));
    parts.push(`${words.result}:\n\n${display(part.result)}`);
  }
  if (p.parts.length > 0) parts.push(`### ${escapeMarkdown(p.heading)}`);
  parts.push(`### ${escapeMarkdown(headings(locale).steps)}`, chainMarkdown(p.chain));
  if (p.evaluation !== undefined) {
    const e = p.evaluation;
    parts.push(`### ${escapeMarkdown(e.heading)}`, chainMarkdown(e.chain));
    if (e.value !== undefined) parts.push(`${words.value}:\n\n${display(valueWithApprox(e.value, e.approx))}`);
    if (e.reason !== undefined) parts.push(`> ${escapeMarkdown(`${words.note}: ${e.reason}`)}`);
  }
  parts.push(`### ${headings(locale).laws}\n\n${p.laws.map((l) => `- **${escapeMarkdown(l.title)}**\n\n${display(l.law)}`).join('\n\n')}`);
  parts.push(`### ${words.result}\n\n${display(p.result)}`);
  return `${parts.join('\n\n')}\n`;
}
