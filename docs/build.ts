// Builds the docs site into docs/ from library calls only: every formula, explanation, plot point
// and table value below comes from derive() and the library's own evaluator.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { derive, escapeHtml, evaluate, formulaCount, gradient, Partials, renderMath, toHTML, toLatex, type Derivation, type DeriveOptions, type Locale } from '../src/index.js';
import { partialsLatex } from '../src/present/present.js';
import { htmlDocument, katexCss, katexFonts, PAGE_CSS } from '../src/present/html.js';
import { alignedLatex } from '../src/engine/derivation.js';
import { listIn } from '../src/engine/locale.js';
import { plotSvg } from './plot.js';

const SIGMOID = 'σ(x) = 1/(1+exp(-x))';

/** One page of the site. */
interface Page {
  readonly slug: string;
  readonly title: Record<Locale, string>;
  readonly input: string;
  readonly options: DeriveOptions;
  /** Plot the function and its derivatives (every order), with a table of values. */
  readonly plot?: boolean;
  /** The variables of a gradient: the page shows one derivation per partial. */
  readonly gradient?: readonly string[];
}

export const PAGES: readonly Page[] = [
  { slug: 'sigmoid-quotient', title: { en: 'Sigmoid, by the quotient rule', zh: 'Sigmoid：商法则' }, input: '1/(1+exp(-x))', options: { define: [SIGMOID] }, plot: true },
  { slug: 'sigmoid-chain', title: { en: 'Sigmoid, by the chain rule', zh: 'Sigmoid：链式法则' }, input: '1/(1+exp(-x))', options: { define: [SIGMOID], method: 'chain' }, plot: true },
  { slug: 'cross-entropy', title: { en: 'Binary cross-entropy', zh: '二元交叉熵' }, input: '-(t*log(ŷ)+(1-t)*log(1-ŷ))', options: { wrt: 'ŷ' } },
  { slug: 'sigmoid-cross-entropy', title: { en: 'Sigmoid and cross-entropy, by the logit', zh: 'Sigmoid 与交叉熵：对 logit 求导' }, input: '-(t*log(σ(z))+(1-t)*log(1-σ(z)))', options: { wrt: 'z', define: [SIGMOID] } },
  { slug: 'sigmoid-second-derivative', title: { en: 'Second derivative of the sigmoid', zh: 'Sigmoid 的二阶导数' }, input: '1/(1+exp(-x))', options: { define: [SIGMOID], order: 2 }, plot: true },
  {
    slug: 'logistic-regression-gradient',
    title: { en: 'Gradient of the logistic-regression loss', zh: '逻辑回归损失的梯度' },
    input: '-(t*log(σ(w*x+b)) + (1-t)*log(1-σ(w*x+b)))',
    options: { define: [SIGMOID] },
    gradient: ['w', 'b'],
  },
  { slug: 'implicit-circle', title: { en: 'The unit circle, implicitly', zh: '单位圆的隐函数求导' }, input: 'x^2 + y^2 = 1', options: { dependent: 'y', order: 2 } },
  { slug: 'implicit-folium', title: { en: 'The folium of Descartes, implicitly', zh: '笛卡尔叶形线的隐函数求导' }, input: 'x^3 + y^3 = 6*x*y', options: { dependent: 'y' } },
  {
    slug: 'softmax-cross-entropy',
    title: { en: 'Softmax and cross-entropy, by the logit z_k', zh: 'Softmax 与交叉熵：对 logit z_k 求导' },
    input: '-sum(t_i * log(softmax(z_i)), i)',
    options: { wrt: 'z_k', assume: ['sum(t_i, i) = 1'] },
  },
  {
    slug: 'softmax-linear-layer',
    title: { en: 'Softmax regression: the gradient by a weight w_kl', zh: 'Softmax 回归：对权重 w_kl 求导' },
    input: '-sum(t_i * log(softmax(sum(w_ij * x_j, j) + b_i)), i)',
    options: { wrt: 'w_kl', assume: ['sum(t_i, i) = 1'] },
  },
  { slug: 'softmax', title: { en: 'The derivative of softmax', zh: 'Softmax 的导数' }, input: 'softmax(z_i)', options: { wrt: 'z_k' } },
  { slug: 'relu', title: { en: 'ReLU, a kink at 0', zh: 'ReLU：0 处的折点' }, input: 'relu(x)', options: {}, plot: true },
  { slug: 'leaky-relu', title: { en: 'Leaky ReLU as max(0.01x, x)', zh: 'Leaky ReLU：max(0.01x, x)' }, input: 'max(0.01*x, x)', options: {}, plot: true },
  { slug: 'gelu', title: { en: 'GELU, exactly, through erf', zh: 'GELU：用 erf 精确求导' }, input: 'gelu(x)', options: {}, plot: true },
  { slug: 'huber', title: { en: 'Huber loss by the residual', zh: 'Huber 损失对残差求导' }, input: 'abs(r) <= d ? r^2/2 : d*(abs(r) - d/2)', options: { wrt: 'r' } },
  { slug: 'tanh', title: { en: 'Hyperbolic tangent', zh: '双曲正切' }, input: 'tanh(x)', options: {} },
  { slug: 'softplus', title: { en: 'Softplus', zh: 'Softplus' }, input: 'log(1+exp(x))', options: { define: [SIGMOID] } },
  { slug: 'mean-squared-error', title: { en: 'Mean squared error', zh: '均方误差' }, input: '(ŷ-t)^2/2', options: { wrt: 'ŷ' } },
  { slug: 'x-to-the-x', title: { en: 'x to the power x', zh: 'x 的 x 次幂' }, input: 'x^x', options: {} },
  { slug: 'trigonometric', title: { en: 'A trigonometric quotient', zh: '三角函数的商' }, input: 'sin(x)*cos(x)/x', options: {} },
];

const LOCALE_NAMES: Record<Locale, string> = { en: 'English', zh: '中文' };
const UI = {
  en: { home: 'All derivations', input: 'Input', plot: 'The function and its derivatives', table: 'Values', other: '中文' },
  zh: { home: '全部推导', input: '输入', plot: '函数及其导数', table: '数值', other: 'English' },
} as const;

/** f and each of its derivatives (every order derived), sampled from the library's own evaluator. */
function curves(d: Derivation): Array<(x: number) => number> {
  const definitions = new Map(d.definitions.map((def) => [def.name, def]));
  const at = (e: typeof d.expr) => (x: number) => evaluate(e, { values: new Map([[d.wrt, x]]), definitions });
  return [at(d.expr), ...d.chain.map((part) => at(part.result))];
}

const COLORS = ['#0b6bcb', '#d1242f', '#1a7f37'];

function plotSection(d: Derivation, locale: Locale): { html: string; svg: string; curves: number } {
  const fs = curves(d);
  const xs = Array.from({ length: 241 }, (_, i) => -6 + i * 0.05);
  const name = d.definitions[0]?.name ?? 'f';
  const labels = fs.map((_, k) => `${name}${"'".repeat(k)}(x)`);
  // The range the curves take, so that σ'' (between −0.1 and 0.1) is as visible as σ.
  const ys = fs.flatMap((f) => xs.map(f)).filter(Number.isFinite);
  // Rounded out to the plot's ticks, every 0.25.
  const [yMin, yMax] = [Math.floor(Math.min(0, ...ys) * 4) / 4, Math.ceil(Math.max(1, ...ys) * 4) / 4];
  const svg = plotSvg(
    fs.map((f, k) => ({ label: labels[k]!, color: COLORS[k % COLORS.length]!, points: xs.map((x) => [x, f(x)] as const) })),
    { xMin: -6, xMax: 6, yMin, yMax, title: listIn('en', labels.map((l) => l.replace('(x)', ''))) },
  );
  const rows = [-2, -1, 0, 1, 2].map((x) => `<tr><td>${x}</td>${fs.map((f) => `<td>${f(x).toFixed(4)}</td>`).join('')}</tr>`).join('');
  const ui = UI[locale];
  const html = `<section class="plot"><h2>${escapeHtml(ui.plot)}</h2><figure>${svg}</figure>
<h3>${escapeHtml(ui.table)}</h3><table><thead><tr><th>x</th>${labels.map((l) => `<th>${escapeHtml(l)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table></section>`;
  return { html, svg, curves: fs.length };
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
    const d = page.gradient === undefined ? derive(page.input, page.options) : gradient(page.input, { ...page.options, wrt: page.gradient });
    for (const locale of ['en', 'zh'] as const) {
      const ui = UI[locale];
      const plot = page.plot && !(d instanceof Partials) ? plotSection(d, locale) : undefined;
      if (plot !== undefined && !(d instanceof Partials) && locale === 'en' && page.slug === 'sigmoid-quotient') {
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
        htmlDocument({ title: `${page.title[locale]} · stepdiff`, locale, css: PAGE_CSS, head, body }).replace('<body>', `<body data-formulas="${formulaCount(d)}" data-plot="${plot?.curves ?? 'no'}">`),
      );
      const result = d instanceof Partials ? partialsLatex(d) : toLatex(d.result, d.latexOptions);
      index[locale].push(`<li><a href="${page.slug}.html">${escapeHtml(page.title[locale])}</a>: ${renderMath(result, false)}</li>`);
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
