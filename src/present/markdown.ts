// Markdown printer: explanations as text, mathematics in $$ blocks (GitHub and MkDocs both read it).

import type { Derivation } from '../engine/derivation.js';
import { Partials } from '../engine/partials.js';
import { phrases, type Locale } from '../engine/locale.js';
import { headings } from './headings.js';
import { MAX_PRINT_CHARS } from '../engine/derivation.js';
import { eachPartial, present, valueWithApprox, type Block } from './present.js';

const display = (latex: string): string => `$$\n${latex}\n$$`;

function block(b: Block, level: string): string {
  const list = b.explanations.map((e, i) => `${i + 1}. ${escapeMarkdown(e)}`).join('\n');
  return `${level} ${escapeMarkdown(b.label)}\n\n${display(b.latex)}\n\n${list}`;
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
    parts.push(`### ${escapeMarkdown(part.heading)}`, block(part.main, '####'));
    for (const b of part.subDerivations) parts.push(block(b, '#####'));
    parts.push(`${words.result}:\n\n${display(part.result)}`);
  }
  if (p.parts.length > 0) parts.push(`### ${escapeMarkdown(p.heading)}`);
  parts.push(block(p.main, '###'));
  for (const b of p.subDerivations) parts.push(block(b, '####'));
  if (p.evaluation !== undefined) {
    const e = p.evaluation;
    parts.push(`### ${escapeMarkdown(e.heading)}`, `${display(e.main.latex)}\n\n${e.main.explanations.map((x, i) => `${i + 1}. ${escapeMarkdown(x)}`).join('\n')}`);
    if (e.value !== undefined) parts.push(`${words.value}:\n\n${display(valueWithApprox(e.value, e.approx))}`);
    if (e.reason !== undefined) parts.push(`> ${escapeMarkdown(`${words.note}: ${e.reason}`)}`);
  }
  parts.push(`### ${headings(locale).laws}\n\n${p.laws.map((l) => `- **${escapeMarkdown(l.title)}**\n\n${display(l.law)}`).join('\n\n')}`);
  parts.push(`### ${words.result}\n\n${display(p.result)}`);
  return `${parts.join('\n\n')}\n`;
}
