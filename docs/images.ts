// The README's two images, made from library calls only: the sigmoid's derivation (its main chain as
// MathML in an SVG) and its plot. Each follows the reader's light or dark scheme. Run by `npm run
// docs`: node dist/docs/images.js [out], by default the docs/ folder of the checkout.

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { derive, renderMath, toPlot, type Derivation } from '../src/index.js';
import { PALETTE } from '../src/present/style.js';

const { light, dark } = PALETTE;
const COLOURS = `.page { fill: ${light.background}; } .math { color: ${light.text}; } @media (prefers-color-scheme: dark) { .page { fill: ${dark.background}; } .math { color: ${dark.text}; } }`;

/** A derivation's main chain as MathML inside an SVG, for places that show images (the README). */
function derivationSvg(d: Derivation): string {
  const mathml = renderMath(d.toLatex(), true, 'mathml');
  const height = 80 + d.steps.length * 52;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 900 ${height}" width="900" height="${height}">
<style>${COLOURS}</style>
<rect class="page" width="900" height="${height}"/>
<foreignObject x="0" y="0" width="900" height="${height}"><div xmlns="http://www.w3.org/1999/xhtml" class="math" style="font-size:18px;font-family:'STIX Two Math','Cambria Math','Latin Modern Math',serif">${mathml}</div></foreignObject>
</svg>
`;
}

/** Writes the README's images into `out`. */
export function writeImages(out: string): void {
  const d = derive('1/(1+exp(-x))', { define: ['σ(x) = 1/(1+exp(-x))'] });
  writeFileSync(join(out, 'sigmoid-derivation.svg'), derivationSvg(d));
  writeFileSync(join(out, 'sigmoid-plot.svg'), toPlot(d, 'en', { standalone: true }));
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeImages(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs'));
}
