// Builds the docs site into docs/ from library calls only: every formula, explanation, plot point
// and table value below comes from derive() and the library's own evaluator.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { derive, escapeHtml, evaluate, formulaCount, renderMath, toHTML, toLatex, type Derivation, type DeriveOptions, type Locale } from '../src/index.js';
import { htmlDocument, katexCss, katexFonts, PAGE_CSS } from '../src/present/html.js';
import { alignedLatex } from '../src/engine/derivation.js';
import { plotSvg } from './plot.js';

const SIGMOID = 'σ(x) = 1/(1+exp(-x))';

/** One page of the site. */
interface Page {
  readonly slug: string;
  readonly title: Record<Locale, string>;
  readonly input: string;
  readonly options: DeriveOptions;
  /** Plot the function and its derivative, with a table of values. */
  readonly plot?: boolean;
}

export const PAGES: readonly Page[] = [
  { slug: 'sigmoid-quotient', title: { en: 'Sigmoid, by the quotient rule', zh: 'Sigmoid：商法则' }, input: '1/(1+exp(-x))', options: { define: [SIGMOID] }, plot: true },
  { slug: 'sigmoid-chain', title: { en: 'Sigmoid, by the chain rule', zh: 'Sigmoid：链式法则' }, input: '1/(1+exp(-x))', options: { define: [SIGMOID], method: 'chain' }, plot: true },
  { slug: 'cross-entropy', title: { en: 'Binary cross-entropy', zh: '二元交叉熵' }, input: '-(t*log(ŷ)+(1-t)*log(1-ŷ))', options: { wrt: 'ŷ' } },
  { slug: 'sigmoid-cross-entropy', title: { en: 'Sigmoid and cross-entropy, by the logit', zh: 'Sigmoid 与交叉熵：对 logit 求导' }, input: '-(t*log(σ(z))+(1-t)*log(1-σ(z)))', options: { wrt: 'z', define: [SIGMOID] } },
  { slug: 'tanh', title: { en: 'Hyperbolic tangent', zh: '双曲正切' }, input: 'tanh(x)', options: {} },
  { slug: 'softplus', title: { en: 'Softplus', zh: 'Softplus' }, input: 'log(1+exp(x))', options: { define: [SIGMOID] } },
  { slug: 'mean-squared-error', title: { en: 'Mean squared error', zh: '均方误差' }, input: '(ŷ-t)^2/2', options: { wrt: 'ŷ' } },
  { slug: 'x-to-the-x', title: { en: 'x to the power x', zh: 'x 的 x 次幂' }, input: 'x^x', options: {} },
  { slug: 'trigonometric', title: { en: 'A trigonometric quotient', zh: '三角函数的商' }, input: 'sin(x)*cos(x)/x', options: {} },
];

const LOCALE_NAMES: Record<Locale, string> = { en: 'English', zh: '中文' };
const UI = {
  en: { home: 'All derivations', input: 'Input', plot: 'The function and its derivative', table: 'Values', other: '中文' },
  zh: { home: '全部推导', input: '输入', plot: '函数及其导数', table: '数值', other: 'English' },
} as const;

/** f and f' sampled from the library's own evaluation of the input and of its derived result. */
function curves(d: Derivation): { f: (x: number) => number; df: (x: number) => number } {
  const definitions = new Map(d.definitions.map((def) => [def.name, def]));
  const at = (e: typeof d.expr) => (x: number) => evaluate(e, { values: new Map([[d.wrt, x]]), definitions });
  return { f: at(d.expr), df: at(d.result) };
}

function plotSection(d: Derivation, locale: Locale): { html: string; svg: string } {
  const { f, df } = curves(d);
  const xs = Array.from({ length: 241 }, (_, i) => -6 + i * 0.05);
  const name = d.definitions[0]?.name ?? 'f';
  const svg = plotSvg(
    [
      { label: `${name}(x)`, color: '#0b6bcb', points: xs.map((x) => [x, f(x)] as const) },
      { label: `${name}'(x)`, color: '#d1242f', points: xs.map((x) => [x, df(x)] as const) },
    ],
    { xMin: -6, xMax: 6, yMin: 0, yMax: 1, title: `${name} and ${name}'` },
  );
  const rows = [-2, -1, 0, 1, 2].map((x) => `<tr><td>${x}</td><td>${f(x).toFixed(4)}</td><td>${df(x).toFixed(4)}</td></tr>`).join('');
  const ui = UI[locale];
  const html = `<section class="plot"><h2>${escapeHtml(ui.plot)}</h2><figure>${svg}</figure>
<h3>${escapeHtml(ui.table)}</h3><table><thead><tr><th>x</th><th>${escapeHtml(name)}(x)</th><th>${escapeHtml(name)}'(x)</th></tr></thead><tbody>${rows}</tbody></table></section>`;
  return { html, svg };
}

function nav(locale: Locale, slug: string | undefined): string {
  const ui = UI[locale];
  const other: Locale = locale === 'en' ? 'zh' : 'en';
  const otherHref = slug === undefined ? `../${other}/index.html` : `../${other}/${slug}.html`;
  return `<nav><a href="index.html">${escapeHtml(ui.home)}</a><a href="${otherHref}" hreflang="${other}">${escapeHtml(LOCALE_NAMES[other])}</a></nav>`;
}

const head = '<link rel="stylesheet" href="../assets/katex/katex.min.css">\n';

/** A derivation's main chain as MathML inside an SVG, for places that show images (the README). */
function derivationSvg(d: Derivation): string {
  const mathml = renderMath(alignedLatex(d.start, d.steps, 'en', d.latexOptions), true, 'mathml');
  const height = 80 + d.steps.length * 52;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="${height}" viewBox="0 0 900 ${height}">
<rect width="900" height="${height}" fill="#ffffff"/>
<foreignObject x="0" y="0" width="900" height="${height}"><div xmlns="http://www.w3.org/1999/xhtml" style="font-size:18px;font-family:'STIX Two Math','Cambria Math','Latin Modern Math',serif">${mathml}</div></foreignObject>
</svg>
`;
}

/** Writes the site into `out`. */
export function build(out: string): void {
  for (const dir of ['en', 'zh', 'assets']) rmSync(join(out, dir), { recursive: true, force: true });
  mkdirSync(join(out, 'assets', 'katex', 'fonts'), { recursive: true });
  writeFileSync(join(out, 'assets', 'katex', 'katex.min.css'), katexCss((file) => `fonts/${file}`));
  for (const [file, bytes] of katexFonts()) writeFileSync(join(out, 'assets', 'katex', 'fonts', file), bytes);
  const index: Record<Locale, string[]> = { en: [], zh: [] };
  const formulas: Record<Locale, number> = { en: 0, zh: 0 };
  for (const page of PAGES) {
    const d = derive(page.input, page.options);
    for (const locale of ['en', 'zh'] as const) {
      const ui = UI[locale];
      const plot = page.plot ? plotSection(d, locale) : undefined;
      if (plot !== undefined && locale === 'en' && page.slug === 'sigmoid-quotient') {
        writeFileSync(join(out, 'sigmoid-plot.svg'), `${plot.svg}\n`);
        writeFileSync(join(out, 'sigmoid-derivation.svg'), derivationSvg(d));
      }
      const body = `${nav(locale, page.slug)}
<h1>${escapeHtml(page.title[locale])}</h1>
<p>${escapeHtml(ui.input)}: <code>${escapeHtml(page.input)}</code></p>
${plot?.html ?? ''}
${toHTML(d, locale)}`;
      mkdirSync(join(out, locale), { recursive: true });
      writeFileSync(
        join(out, locale, `${page.slug}.html`),
        htmlDocument({ title: `${page.title[locale]} · stepdiff`, locale, css: PAGE_CSS, head, body }).replace('<body>', `<body data-formulas="${formulaCount(d)}" data-plot="${page.plot ? 'yes' : 'no'}">`),
      );
      index[locale].push(`<li><a href="${page.slug}.html">${escapeHtml(page.title[locale])}</a>: ${renderMath(toLatex(d.result, d.latexOptions), false)}</li>`);
      formulas[locale]++;
    }
  }
  for (const locale of ['en', 'zh'] as const) {
    const body = `${nav(locale, undefined)}<h1>stepdiff</h1><ul>${index[locale].join('\n')}</ul>`;
    writeFileSync(
      join(out, locale, 'index.html'),
      htmlDocument({ title: 'stepdiff', locale, css: PAGE_CSS, head, body }).replace('<body>', `<body data-formulas="${formulas[locale]}" data-plot="no">`),
    );
  }
  const links = (['en', 'zh'] as const).map((l) => `<li><a href="${l}/index.html" hreflang="${l}">${LOCALE_NAMES[l]}</a></li>`).join('');
  writeFileSync(join(out, 'index.html'), htmlDocument({ title: 'stepdiff', locale: 'en', css: PAGE_CSS, body: `<h1>stepdiff</h1><ul>${links}</ul>` }).replace('<body>', '<body data-formulas="0" data-plot="no">'));
}

// Run as a script: node dist/docs/build.js [out], by default the docs/ folder of the checkout.
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  build(process.argv[2] ?? join(root, 'docs'));
}
