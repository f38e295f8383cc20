// A small SVG line plot for the docs pages: axes, ticks, one path per series, a legend.

import { escapeHtml } from '../src/index.js';

/** One curve: its label, colour and sampled points (points where it is undefined are left out). */
export interface Series {
  readonly label: string;
  readonly color: string;
  readonly points: ReadonlyArray<readonly [number, number]>;
}

const fmt = (n: number): string => (Math.round(n * 100) / 100).toString();

/** An SVG plot of `series` over [xMin, xMax] × [yMin, yMax]. */
export function plotSvg(series: readonly Series[], box: { xMin: number; xMax: number; yMin: number; yMax: number; title: string }): string {
  const width = 640;
  const height = 360;
  const pad = 40;
  const sx = (x: number): number => pad + ((x - box.xMin) / (box.xMax - box.xMin)) * (width - 2 * pad);
  const sy = (y: number): number => height - pad - ((y - box.yMin) / (box.yMax - box.yMin)) * (height - 2 * pad);
  const paths = series.map((s) => {
    let d = '';
    let pen = false;
    for (const [x, y] of s.points) {
      if (!Number.isFinite(y)) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${fmt(sx(x))} ${fmt(sy(y))} `;
      pen = true;
    }
    return `<path d="${d.trim()}" fill="none" stroke="${s.color}" stroke-width="2.5"><title>${escapeHtml(s.label)}</title></path>`;
  });
  const ticks: string[] = [];
  for (let x = Math.ceil(box.xMin); x <= box.xMax; x += 2) {
    ticks.push(`<line x1="${fmt(sx(x))}" y1="${fmt(sy(box.yMin))}" x2="${fmt(sx(x))}" y2="${fmt(sy(box.yMin) + 5)}" stroke="#555"/><text x="${fmt(sx(x))}" y="${fmt(sy(box.yMin) + 18)}" text-anchor="middle">${x}</text>`);
  }
  for (let y = box.yMin; y <= box.yMax + 1e-9; y += 0.25) {
    ticks.push(`<line x1="${pad - 5}" y1="${fmt(sy(y))}" x2="${pad}" y2="${fmt(sy(y))}" stroke="#555"/><text x="${pad - 8}" y="${fmt(sy(y) + 4)}" text-anchor="end">${fmt(y)}</text>`);
  }
  const legend = series.map((s, i) => `<g transform="translate(${width - pad - 150} ${pad + i * 20})"><line x1="0" y1="0" x2="24" y2="0" stroke="${s.color}" stroke-width="2.5"/><text x="30" y="4">${escapeHtml(s.label)}</text></g>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(box.title)}" font-family="sans-serif" font-size="12">
<rect width="${width}" height="${height}" fill="#ffffff"/>
<line x1="${pad}" y1="${fmt(sy(box.yMin))}" x2="${width - pad}" y2="${fmt(sy(box.yMin))}" stroke="#555"/>
<line x1="${pad}" y1="${pad}" x2="${pad}" y2="${fmt(sy(box.yMin))}" stroke="#555"/>
<line x1="${fmt(sx(0))}" y1="${pad}" x2="${fmt(sx(0))}" y2="${fmt(sy(box.yMin))}" stroke="#ccc" stroke-dasharray="4 4"/>
${ticks.join('\n')}
${paths.join('\n')}
${legend.join('\n')}
</svg>`;
}
