// HTML printer: a derivation as a fragment for embedding, laid out to read on any width. Each step
// is its own block, the rule's name and sentence as HTML text above its formula; a formula too wide
// for the column scrolls inside its own focusable box rather than the page; each sub-derivation is a
// <details> beside the step that opens it, titled by what it derives; every formula has a button
// that copies its LaTeX (shown once copy.ts's script runs). Text is escaped; math goes through KaTeX.
// Nothing here touches Node: the browser bundle prints with it too (page.ts makes whole pages).

import { latexIn, type Derivation } from '../engine/derivation.js';
import { toLatex } from '../expr/latex.js';
import { Partials } from '../engine/partials.js';
import { phrases, type Locale } from '../engine/locale.js';
import { headings } from './headings.js';
import { eachPartial, present, valueWithApprox, type Chain, type Row } from './present.js';
import { renderMath } from './render.js';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const COPY_LABEL: Record<Locale, string> = { en: 'Copy LaTeX', zh: '复制 LaTeX' };

/** How toHTML renders. */
export interface HtmlOptions {
  /**
   * Leave the formulas inside closed <details> (sub-derivations, the laws) as their LaTeX, for
   * renderWhenOpened to render when a reader opens them: a page that re-renders as one types (the
   * playground) does a third of KaTeX's work. Static pages render everything (the default).
   */
  readonly defer?: boolean;
}

/** KaTeX's HTML of `latex`, or with `defer` an empty placeholder holding the LaTeX for renderWhenOpened. */
function mathOrPlaceholder(latex: string, display: boolean, defer: boolean): { attributes: string; html: string } {
  return defer ? { attributes: ` data-latex="${escapeHtml(latex)}" data-display="${display}"`, html: '' } : { attributes: '', html: renderMath(latex, display) };
}

/** One displayed formula in its own scrolling box, with a (hidden until scripted) button that copies its LaTeX. */
export function formulaHtml(latex: string, locale: Locale, label: string, defer = false): string {
  const math = mathOrPlaceholder(latex, true, defer);
  return `<div class="sd-formula"><div class="sd-math${defer ? ' sd-deferred' : ''}" tabindex="0" role="group" aria-label="${escapeHtml(label)}"${math.attributes}>${math.html}</div><button type="button" class="sd-copy" data-latex="${escapeHtml(latex)}" hidden>${COPY_LABEL[locale]}</button></div>`;
}

/** Why a row holds: each step's number, its rule's name in bold and the rest of its sentence. */
function reasonsHtml(row: Row): string {
  return row.reasons.map((r) => `<p class="sd-why"><span class="sd-n">${escapeHtml(r.number)}</span> <strong class="sd-rule">${escapeHtml(r.title)}</strong>${escapeHtml(r.detail)}</p>`).join('');
}

/** A chain as an ordered list of rows, each sub-derivation a <details> in the row of the step that opens it. */
function chainHtml(chain: Chain, locale: Locale, defer: boolean, closed = false): string {
  const rows = chain.rows.map((row) => {
    const subs = row.subDerivations.map((sub) => `<details class="sd-sub"><summary>${escapeHtml(sub.title)}</summary>${chainHtml(sub, locale, defer, true)}</details>`).join('');
    const label = headings(locale).step.replace('{n}', row.reasons.map((r) => r.number).join(', '));
    return `<li class="sd-row">${reasonsHtml(row)}${formulaHtml(row.latex, locale, label, defer && closed)}${subs}</li>`;
  });
  return `<ol class="sd-chain"><li class="sd-row sd-start">${formulaHtml(chain.start, locale, headings(locale).start, defer && closed)}</li>${rows.join('')}</ol>`;
}

/** How many formulas `toHTML` renders for `d` (a page checks that many .katex elements appear). */
export function formulaCount(d: Derivation | Partials): number {
  if (d instanceof Partials) return d.all.reduce((n, one, i) => n + formulaCount(one.alone(i === 0)), 1);
  const p = present(d);
  const chain = (c: Chain): number => c.rows.reduce((n, row) => n + 1 + row.subDerivations.reduce((m, sub) => m + chain(sub), 0), 1);
  const parts = p.parts.reduce((n, part) => n + chain(part.chain) + 1, 0);
  const evaluation = p.evaluation === undefined ? 0 : chain(p.evaluation.chain) + (p.evaluation.value === undefined ? 0 : 1);
  return p.definitions.length + parts + chain(p.chain) + evaluation + 1 + p.laws.length;
}

/** `d`'s derivative and its result as one formula (d/dx f = f′), in a block of its own. */
export function resultHTML(d: Derivation, locale: Locale = 'en'): string {
  const options = latexIn(d.latexOptions, locale);
  return `<div class="stepdiff sd-result">${formulaHtml(`${toLatex(d.start, options)} = ${toLatex(d.result, options)}`, locale, phrases(locale).result)}</div>`;
}

/** Only the main chain of `d` (no result, laws or lower orders), as the steps of a page show it. */
export function stepsHTML(d: Derivation, locale: Locale = 'en', maxChars: number = MAX_RENDER_CHARS): string {
  return `<div class="stepdiff sd-steps" lang="${locale === 'zh' ? 'zh-CN' : 'en'}">${chainHtml(present(d, locale, maxChars).chain, locale, false)}</div>`;
}

/** Most LaTeX (in characters) one page renders by default: KaTeX takes seconds per megabyte. */
export const MAX_RENDER_CHARS = 400_000;

/** The derivation as an HTML fragment in `locale`, math rendered by KaTeX (HTML and MathML). */
export function toHTML(d: Derivation | Partials, locale: Locale = 'en', maxChars: number = MAX_RENDER_CHARS, options: HtmlOptions = {}): string {
  const defer = options.defer === true;
  if (d instanceof Partials) {
    return eachPartial(d, (one) => toHTML(one, locale, maxChars, options), (heading, latex) => `<section class="stepdiff sd-result"><h2>${escapeHtml(heading)}</h2>${formulaHtml(latex, locale, heading)}</section>`, locale);
  }
  const p = present(d, locale, maxChars);
  const words = phrases(locale);
  const parts = [`<section class="stepdiff" lang="${locale === 'zh' ? 'zh-CN' : 'en'}">`, `<h2>${escapeHtml(p.heading)}</h2>`];
  for (const note of p.notes) parts.push(`<p class="sd-note">${escapeHtml(`${words.note}: ${note}`)}</p>`);
  for (const def of p.definitions) parts.push(`<div class="sd-definition"><p class="sd-label">${escapeHtml(words.definition)}</p>${formulaHtml(def, locale, words.definition)}</div>`);
  // The lower orders, each a section of its own, then this derivation's own chain.
  for (const part of p.parts) {
    parts.push(`<section class="sd-part"><h3>${escapeHtml(part.heading)}</h3>`, chainHtml(part.chain, locale, defer));
    parts.push(`<div class="sd-part-result"><p class="sd-label">${escapeHtml(words.result)}</p>${formulaHtml(part.result, locale, words.result)}</div></section>`);
  }
  if (p.parts.length > 0) parts.push(`<h3>${escapeHtml(p.heading)}</h3>`);
  parts.push(chainHtml(p.chain, locale, defer));
  if (p.evaluation !== undefined) {
    const e = p.evaluation;
    parts.push(`<section class="sd-evaluation"><h3>${escapeHtml(e.heading)}</h3>`, chainHtml(e.chain, locale, defer));
    if (e.value !== undefined) parts.push(`<div class="sd-value"><p class="sd-label">${escapeHtml(words.value)}</p>${formulaHtml(valueWithApprox(e.value, e.approx), locale, words.value)}</div>`);
    if (e.reason !== undefined) parts.push(`<p class="sd-note">${escapeHtml(`${words.note}: ${e.reason}`)}</p>`);
    parts.push('</section>');
  }
  parts.push(`<section class="sd-result"><h3>${escapeHtml(words.result)}</h3>${formulaHtml(p.result, locale, words.result)}</section>`);
  parts.push(`<details class="sd-laws"><summary>${escapeHtml(headings(locale).laws)}</summary><dl>`);
  for (const law of p.laws) {
    const math = mathOrPlaceholder(law.law, false, defer);
    parts.push(`<dt>${escapeHtml(law.title)}</dt><dd${defer ? ' class="sd-deferred"' : ''}${math.attributes}>${math.html}</dd>`);
  }
  parts.push('</dl></details>', '</section>');
  return parts.join('\n');
}

