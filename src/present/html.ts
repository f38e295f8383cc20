// HTML printers: a fragment for embedding, and a standalone page that carries KaTeX's CSS and fonts
// from the installed package (no CDN: it works offline). Text is escaped; math goes through KaTeX.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Derivation } from '../engine/derivation.js';
import { Partials } from '../engine/partials.js';
import { phrases, type Locale } from '../engine/locale.js';
import { headings } from './headings.js';
import { eachPartial, present, valueWithApprox, type Block } from './present.js';
import { renderMath } from './render.js';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function block(b: Block, tag: 'h3' | 'h4' | 'h5'): string {
  const items = b.explanations.map((e) => `<li>${escapeHtml(e)}</li>`).join('');
  return `<section class="block"><${tag}>${escapeHtml(b.label)}</${tag}><div class="math">${renderMath(b.latex, true)}</div><ol class="explanations">${items}</ol></section>`;
}

/** How many formulas `toHTML` renders for `d` (a page checks that many .katex elements appear). */
export function formulaCount(d: Derivation | Partials): number {
  if (d instanceof Partials) return d.all.reduce((n, one, i) => n + formulaCount(one.alone(i === 0)), 1);
  const p = present(d);
  const parts = p.parts.reduce((n, part) => n + 2 + part.subDerivations.length, 0);
  const evaluation = p.evaluation === undefined ? 0 : 1 + (p.evaluation.value === undefined ? 0 : 1);
  return p.definitions.length + parts + 1 + p.subDerivations.length + evaluation + p.laws.length + 1;
}

/** Most LaTeX (in characters) one page renders by default: KaTeX takes seconds per megabyte. */
export const MAX_RENDER_CHARS = 400_000;

/** The derivation as an HTML fragment in `locale`, math rendered by KaTeX (HTML and MathML). */
export function toHTML(d: Derivation | Partials, locale: Locale = 'en', maxChars: number = MAX_RENDER_CHARS): string {
  if (d instanceof Partials) {
    return eachPartial(d, (one) => toHTML(one, locale, maxChars), (heading, latex) => `<section class="stepdiff result"><h2>${escapeHtml(heading)}</h2>${renderMath(latex, true)}</section>`, locale);
  }
  const p = present(d, locale, maxChars);
  const words = phrases(locale);
  const parts = [`<section class="stepdiff" lang="${locale === 'zh' ? 'zh-CN' : 'en'}">`, `<h2>${escapeHtml(p.heading)}</h2>`];
  for (const note of p.notes) parts.push(`<p class="note">${escapeHtml(`${words.note}: ${note}`)}</p>`);
  for (const def of p.definitions) parts.push(`<div class="definition"><p class="label">${escapeHtml(words.definition)}</p>${renderMath(def, true)}</div>`);
  // The lower orders, each a section of its own, then this derivation's own blocks.
  for (const part of p.parts) {
    parts.push(`<section class="part"><h3>${escapeHtml(part.heading)}</h3>`, block(part.main, 'h4'));
    for (const b of part.subDerivations) parts.push(block(b, 'h5'));
    parts.push(`<div class="part-result"><p class="label">${escapeHtml(words.result)}</p>${renderMath(part.result, true)}</div></section>`);
  }
  if (p.parts.length > 0) parts.push(`<h3>${escapeHtml(p.heading)}</h3>`);
  parts.push(block(p.main, 'h3'));
  for (const b of p.subDerivations) parts.push(block(b, 'h4'));
  if (p.evaluation !== undefined) {
    const e = p.evaluation;
    parts.push(`<section class="evaluation"><h3>${escapeHtml(e.heading)}</h3>`, block(e.main, 'h4'));
    if (e.value !== undefined) parts.push(`<div class="value"><p class="label">${escapeHtml(words.value)}</p>${renderMath(valueWithApprox(e.value, e.approx), true)}</div>`);
    if (e.reason !== undefined) parts.push(`<p class="note">${escapeHtml(`${words.note}: ${e.reason}`)}</p>`);
    parts.push('</section>');
  }
  parts.push(`<section class="laws"><h3>${escapeHtml(headings(locale).laws)}</h3><dl>`);
  for (const law of p.laws) parts.push(`<dt>${escapeHtml(law.title)}</dt><dd>${renderMath(law.law, false)}</dd>`);
  parts.push('</dl></section>', `<section class="result"><h3>${escapeHtml(words.result)}</h3>${renderMath(p.result, true)}</section>`, '</section>');
  return parts.join('\n');
}

const katexDist = (): string => dirname(createRequire(import.meta.url).resolve('katex'));

const readKatexCss = (): string => readFileSync(join(katexDist(), 'katex.min.css'), 'utf8');

/** KaTeX's stylesheet with only its woff2 fonts, the fonts referenced as `fonts(name)` returns. */
export function katexCss(fonts: (file: string) => string, css: string = readKatexCss()): string {
  return css.replace(/src:url\(fonts\/([\w-]+\.woff2)\) format\("woff2"\)[^;}]*/g, (_, file: string) => `src:url(${fonts(file)}) format("woff2")`);
}

/** The woff2 font files KaTeX ships, as [file name, bytes] (typed without Node's Buffer, so a project without @types/node reads the types). */
export function katexFonts(css: string = readKatexCss()): Array<[string, Uint8Array]> {
  const files = [...new Set([...css.matchAll(/fonts\/([\w-]+\.woff2)/g)].map((m) => m[1]!))];
  return files.map((f) => [f, readFileSync(join(katexDist(), 'fonts', f))]);
}

/** The stylesheet of stepdiff's own pages. */
export const PAGE_CSS = `
body { font-family: system-ui, "Noto Sans", "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1d1d1f; line-height: 1.5; }
h1, h2, h3, h4 { line-height: 1.25; }
.math { overflow-x: auto; }
.check table { border-collapse: collapse; }
.check th, .check td { padding: 0.4rem 0.6rem; border-bottom: 1px solid #ddd; text-align: left; vertical-align: top; }
.check tr.wrong th, .check tr.wrong td { background: #fdecea; }
.block { border-left: 3px solid #d0d7de; padding-left: 1rem; margin: 1.5rem 0; }
.explanations li { margin: 0.2rem 0; }
.note { background: #fff8c5; padding: 0.5rem; }
.definition > .label { font-weight: 600; margin-bottom: 0; }
dt { font-weight: 600; margin-top: 0.75rem; }
table { border-collapse: collapse; } td, th { border: 1px solid #d0d7de; padding: 0.25rem 0.75rem; text-align: right; }
nav a { margin-right: 1rem; }
`;

/** A complete HTML document around `body`; `css` is placed inline. */
export function htmlDocument(options: { title: string; locale: Locale; css: string; body: string; head?: string }): string {
  // Markup only when the caller passed it: a `head` inherited from a polluted Object.prototype is not.
  const head = Object.hasOwn(options, 'head') ? (options.head ?? '') : '';
  return `<!doctype html>
<html lang="${options.locale === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(options.title)}</title>
${head}<style>${options.css}</style>
</head>
<body>
${options.body}
</body>
</html>
`;
}

/** The derivation (or several, one after the other) as a standalone page: KaTeX's CSS and fonts inlined, nothing fetched. */
export function toPage(d: Derivation | Partials | ReadonlyArray<Derivation | Partials>, locale: Locale = 'en', maxChars: number = MAX_RENDER_CHARS): string {
  const all = Array.isArray(d) ? (d as ReadonlyArray<Derivation | Partials>) : [d as Derivation | Partials];
  const first = all[0];
  const input = first === undefined ? undefined : first instanceof Partials ? first.derivations[0]?.input : first.input;
  return standalonePage(`stepdiff: ${input || 'derivation'}`, all.map((one) => toHTML(one, locale, maxChars)).join('\n'), locale);
}

/** A page that works offline around `body`: KaTeX's CSS with its fonts inlined, and the page's own CSS. */
export function standalonePage(title: string, body: string, locale: Locale): string {
  const stylesheet = readKatexCss();
  const fonts = new Map(katexFonts(stylesheet));
  const css = katexCss((file) => `data:font/woff2;base64,${Buffer.from(fonts.get(file)!).toString('base64')}`, stylesheet);
  return htmlDocument({ title, locale, css: `${css}\n${PAGE_CSS}`, body });
}
