// Standalone pages (Node only): a derivation, or a checked one, as a whole HTML document that works
// offline, with KaTeX's CSS and fonts read from the installed package and inlined, and the copy
// buttons' script. The browser bundle leaves this module out.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Derivation } from '../engine/derivation.js';
import { Partials } from '../engine/partials.js';
import type { Locale } from '../engine/locale.js';
import type { WorkCheck } from '../engine/work-check.js';
import { withinStack } from '../expr/errors.js';
import { toText } from '../expr/text.js';
import { checkFragment } from './check.js';
import { enableCopyButtons } from './copy.js';
import { escapeHtml, MAX_RENDER_CHARS, toHTML } from './html.js';
import { PALETTE, STEPDIFF_CSS, STEPDIFF_DARK } from './style.js';

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

/** The stylesheet of stepdiff's own pages: the page, then the derivations', light or dark as the reader's system is. */
export const PAGE_CSS = `
:root { color-scheme: light dark; }
body { font-family: system-ui, "Noto Sans", "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: ${PALETTE.light.text}; background: ${PALETTE.light.background}; line-height: 1.5; }
h1, h2, h3, h4 { line-height: 1.25; }
${STEPDIFF_CSS}
@media (prefers-color-scheme: dark) { body { color: ${PALETTE.dark.text}; background: ${PALETTE.dark.background}; } .stepdiff { ${STEPDIFF_DARK} } }
`;

/** The one script of a standalone page: the copy buttons, from copy.ts, inlined. */
export const COPY_SCRIPT = `<script>(${enableCopyButtons.toString()})(document);</script>`;

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
${COPY_SCRIPT}
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

/** The check as a standalone page: the learner's lines in a table, the wrong one marked, the derivation beside. */
export function checkPage(c: WorkCheck, locale: Locale = 'en'): string {
  return withinStack(() => standalonePage(`stepdiff check: ${toText(c.derivation.expr)}`, checkFragment(c, locale), locale));
}
