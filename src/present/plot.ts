// A plot of a derivation of one variable: f and each derivative the derivation finds (f′, f″, …),
// sampled by stepdiff's own evaluator, as an SVG that scales to its column (viewBox, no fixed width).
// Where a curve is undefined, leaves the plotted range or jumps, its path breaks rather than drawing
// a false line. Colours are classes, so a site's light and dark themes set them (style.ts); a
// standalone SVG carries its own light and dark styles.

import type { Derivation } from '../engine/derivation.js';
import { evaluate } from '../engine/evaluate.js';
import type { Locale } from '../engine/locale.js';
import { equals, variablesOf, type Expr } from '../expr/expr.js';
import { escapeHtml } from './html.js';
import { PALETTE, type Scheme } from './style.js';

/** How a plot is drawn: the interval of the variable (default −6 to 6) and how many samples (default 241). */
export interface PlotOptions {
  readonly from?: number;
  readonly to?: number;
  readonly samples?: number;
  /** A standalone SVG file (with its own light and dark styles), rather than a fragment for a styled page. */
  readonly standalone?: boolean;
}

const WIDTH = 640;
const HEIGHT = 360;
const PAD = { left: 60, right: 16, top: 16, bottom: 42 };
const CAPTION: Record<Locale, string> = { en: 'The function and its derivatives', zh: '函数及其导数' };

/** What a plot of `d` draws: f, then the result of each order derived. */
const curvesOf = (d: Derivation): Expr[] => [d.expr, ...d.chain.map((part) => part.result)];

/** Whether `d` can be plotted: one variable (its own), no equation, every expression free of other symbols. */
export function plottable(d: Derivation): boolean {
  if (d.dependent !== undefined || d.start.kind === 'eq') return false;
  return [...variablesOf(curvesOf(d), d.definitions)].every((s) => s === d.wrt);
}

/** A standalone SVG's colour rules for one scheme of the palette (a page sets them through style.ts). */
const svgColours = (p: Scheme): string =>
  `text{fill:${p.text}}.sd-axis,.sd-grid{stroke:${p.rule}}${p.curves.map((c, i) => `.sd-curve-${i}{stroke:${c}}.sd-key-${i}{fill:${c}}`).join('')}`;

/** A number short enough for an attribute or a tick label. */
const fmt = (n: number): string => String(Math.round(n * 100) / 100);

/** A tick spacing of 1, 2 or 5 times a power of ten, about `span / count`. */
function niceStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
}

/** The plotted range of y: most of the values (a pole's spike aside), with 0 and a margin. */
function yRange(values: readonly number[]): [number, number] {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (finite.length === 0) return [-1, 1];
  const low = Math.min(0, finite[Math.floor(finite.length * 0.02)]!);
  const high = Math.max(0, finite[Math.ceil(finite.length * 0.98) - 1]!);
  const margin = (high - low || 1) * 0.08;
  return [low - margin, high + margin];
}

/**
 * f and its derivatives over an interval as an SVG figure with axes, ticks, labels and a legend; the
 * derivation must be `plottable`. Labels are f(x), f′(x), … (σ(x), σ′(x) when the input is a call
 * of one defined function).
 */
export function toPlot(d: Derivation, locale: Locale = 'en', options: PlotOptions = {}): string {
  const from = options.from ?? -6;
  const to = options.to ?? 6;
  const samples = Math.max(2, Math.min(options.samples ?? 241, 5000));
  const definitions = new Map(d.definitions.map((def) => [def.name, def]));
  const exprs = curvesOf(d);
  const xs = Array.from({ length: samples }, (_, i) => from + ((to - from) * i) / (samples - 1));
  // One environment per sample, shared by every curve.
  const at = xs.map((x) => ({ values: new Map([[d.wrt, x]]), definitions }));
  const curves = exprs.map((e) => at.map((env) => evaluate(e, env)));
  const [yMin, yMax] = yRange(curves.flat());
  const sx = (x: number): number => PAD.left + ((x - from) / (to - from)) * (WIDTH - PAD.left - PAD.right);
  const sy = (y: number): number => HEIGHT - PAD.bottom - ((y - yMin) / (yMax - yMin)) * (HEIGHT - PAD.top - PAD.bottom);
  // Named as the definition whose body the input is (σ for 1/(1+exp(-x)) with σ defined), or a call of.
  const named = d.definitions.find((def) => def.params.length === 1 && def.params[0] === d.wrt && equals(def.body, d.expr));
  const name = named?.name ?? (d.expr.kind === 'fn' && definitions.has(d.expr.name) && d.expr.args.length === 1 ? d.expr.name : 'f');
  const labels = exprs.map((_, k) => `${name}${k <= 3 ? ['', '′', '″', '‴'][k] : `⁽${k}⁾`}(${d.wrt})`);
  const paths = curves.map((ys, k) => {
    let path = '';
    let pen = false;
    ys.forEach((y, i) => {
      const inside = Number.isFinite(y) && y >= yMin && y <= yMax;
      // A jump of more than half the plot between neighbours is a discontinuity, not a steep line.
      const jump = pen && Math.abs(y - ys[i - 1]!) > (yMax - yMin) / 2;
      if (!inside || jump) pen = false;
      if (!inside) return;
      path += `${pen ? 'L' : 'M'}${fmt(sx(xs[i]!))} ${fmt(sy(y))}`;
      pen = true;
    });
    return `<path class="sd-curve-${k % 3}" d="${path}" fill="none" stroke-width="2.5"${k === 0 ? '' : ` stroke-dasharray="${k === 1 ? '7 4' : '2 3'}"`}><title>${escapeHtml(labels[k]!)}</title></path>`;
  });
  const ticks: string[] = [];
  const xStep = niceStep(to - from, 6);
  for (let x = Math.ceil(from / xStep) * xStep; x <= to + 1e-9; x += xStep) {
    ticks.push(`<line class="sd-grid" x1="${fmt(sx(x))}" y1="${PAD.top}" x2="${fmt(sx(x))}" y2="${HEIGHT - PAD.bottom}" stroke-width="0.5"/><text x="${fmt(sx(x))}" y="${HEIGHT - PAD.bottom + 22}" text-anchor="middle">${fmt(x)}</text>`);
  }
  const yStep = niceStep(yMax - yMin, 5);
  for (let y = Math.ceil(yMin / yStep) * yStep; y <= yMax + 1e-12; y += yStep) {
    ticks.push(`<line class="sd-grid" x1="${PAD.left}" y1="${fmt(sy(y))}" x2="${WIDTH - PAD.right}" y2="${fmt(sy(y))}" stroke-width="0.5"/><text x="${PAD.left - 8}" y="${fmt(sy(y) + 6)}" text-anchor="end">${fmt(y)}</text>`);
  }
  const legend = labels.map((label, k) => `<g transform="translate(${PAD.left + 10 + k * 150} ${PAD.top + 16})"><rect class="sd-key-${k % 3}" x="0" y="-7" width="22" height="5"/><text x="28" y="0">${escapeHtml(label)}</text></g>`);
  const title = `${labels.join(', ')}, ${d.wrt} = ${fmt(from)} … ${fmt(to)}`;
  const style = options.standalone === true ? `<style>text{font:17px sans-serif}${svgColours(PALETTE.light)}@media (prefers-color-scheme:dark){${svgColours(PALETTE.dark)}}</style>` : '';
  const zeroX = from < 0 && to > 0 ? `<line class="sd-axis" x1="${fmt(sx(0))}" y1="${PAD.top}" x2="${fmt(sx(0))}" y2="${HEIGHT - PAD.bottom}"/>` : '';
  // A standalone file has a size of its own (an <img> of it needs one); in a page it takes the column's width.
  const size = options.standalone === true ? ` width="${WIDTH}" height="${HEIGHT}"` : '';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}"${size} role="img" aria-label="${escapeHtml(title)}">${style}
${ticks.join('')}
<line class="sd-axis" x1="${PAD.left}" y1="${fmt(sy(0))}" x2="${WIDTH - PAD.right}" y2="${fmt(sy(0))}"/>${zeroX}
<text x="${WIDTH - PAD.right}" y="${fmt(sy(0) - 6)}" text-anchor="end" font-style="italic">${escapeHtml(d.wrt)}</text><text x="${PAD.left - 8}" y="${PAD.top + 4}" text-anchor="end" font-style="italic">y</text>
${paths.join('\n')}
${legend.join('')}
</svg>`;
  if (options.standalone === true) return `${svg}\n`;
  return `<figure class="sd-plot">${svg}<figcaption>${escapeHtml(`${CAPTION[locale]}: ${title}`)}</figcaption></figure>`;
}
