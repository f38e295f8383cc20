// The stylesheet of a rendered derivation (toHTML, the plugins, the playground), as a string so that
// standalone pages inline it and the build writes it to dist/lib/stepdiff.css for sites. Colours are
// custom properties: a site's dark theme sets them under its own selector; a standalone page follows
// prefers-color-scheme.

/** The colours of stepdiff's pages, plots and images, light and dark: the one place they are set. */
export const PALETTE = Object.freeze({
  light: { text: '#1d1d1f', background: '#ffffff', rule: '#d0d7de', muted: '#57606a', accent: '#0b6bcb', note: '#fff8c5', wrong: '#fdecea', curves: ['#0b6bcb', '#d1242f', '#1a7f37'] },
  dark: { text: '#e6edf3', background: '#1b1b1f', rule: '#3d444d', muted: '#9198a1', accent: '#4493f8', note: '#e3d58a', wrong: '#5a1e1e', curves: ['#4493f8', '#f47067', '#57ab5a'] },
} as const);

/** One scheme of the palette, light or dark. */
export type Scheme = (typeof PALETTE)['light' | 'dark'];

/** One scheme of the palette as the stylesheet's custom properties. */
const properties = (p: Scheme): string =>
  `--sd-rule: ${p.rule}; --sd-muted: ${p.muted}; --sd-accent: ${p.accent}; --sd-bg: ${p.background}; --sd-note: ${p.note}; --sd-wrong: ${p.wrong}; ` +
  `${p.curves.map((c, i) => `--sd-plot-${i + 1}: ${c};`).join(' ')} --sd-grid: ${p.rule};`;

/** The CSS for stepdiff's HTML: the step layout, the scrolling formula boxes, copy buttons and plots. */
export const STEPDIFF_CSS = `
.stepdiff { ${properties(PALETTE.light)} min-width: 0; }
.sd-chain { list-style: none; margin: 0.75rem 0; padding: 0; }
.sd-row { border-left: 3px solid var(--sd-rule); padding: 0.1rem 0 0.1rem 0.75rem; margin: 0 0 0.6rem; min-width: 0; }
.sd-start { border-left-color: var(--sd-accent); }
.sd-why { margin: 0.2rem 0; overflow-wrap: anywhere; }
.sd-n { display: inline-block; min-width: 1.6em; color: var(--sd-muted); font-variant-numeric: tabular-nums; }
.sd-formula { position: relative; display: flex; align-items: flex-start; gap: 0.25rem; min-width: 0; }
/* A formula wider than the column scrolls in its own box; the shadows at its edges say there is more. */
.sd-math { flex: 1 1 auto; min-width: 0; overflow-x: auto; overflow-y: hidden; padding: 0 0.25rem;
  background: linear-gradient(to right, var(--sd-bg) 30%, transparent), linear-gradient(to left, var(--sd-bg) 30%, transparent) 100% 0,
    radial-gradient(farthest-side at 0 50%, rgba(0,0,0,.25), transparent), radial-gradient(farthest-side at 100% 50%, rgba(0,0,0,.25), transparent) 100% 0;
  background-repeat: no-repeat; background-size: 2rem 100%, 2rem 100%, 0.75rem 100%, 0.75rem 100%; background-attachment: local, local, scroll, scroll; }
.sd-math:focus-visible { outline: 2px solid var(--sd-accent); outline-offset: 2px; }
.sd-math .katex-display { margin: 0.4rem 0; text-align: left; }
.sd-math .katex-display > .katex { text-align: left; }
.sd-copy { flex: none; font: inherit; font-size: 0.75rem; padding: 0.1rem 0.4rem; margin-top: 0.4rem; border: 1px solid var(--sd-rule); border-radius: 4px;
  background: transparent; color: var(--sd-muted); cursor: pointer; }
.sd-copy:hover, .sd-copy:focus-visible { color: var(--sd-accent); border-color: var(--sd-accent); }
.sd-sub { margin: 0.3rem 0 0.6rem; }
.sd-sub > summary { cursor: pointer; color: var(--sd-accent); overflow-wrap: anywhere; }
.sd-sub > .sd-chain { margin-left: 0.25rem; }
.sd-note { background: var(--sd-note); color: ${PALETTE.light.text}; padding: 0.5rem; }
.sd-label { font-weight: 600; margin-bottom: 0; }
.sd-laws > summary { cursor: pointer; font-weight: 600; }
.sd-laws dt { font-weight: 600; margin-top: 0.75rem; }
.sd-laws dd { margin-left: 1rem; overflow-x: auto; }
.sd-plot { margin: 1rem 0; }
.sd-plot svg { display: block; width: 100%; max-width: 40rem; height: auto; }
.sd-plot .sd-axis, .sd-plot .sd-grid { stroke: var(--sd-grid); }
.sd-plot text { fill: currentColor; font-size: 17px; }
.sd-plot .sd-curve-0 { stroke: var(--sd-plot-1); } .sd-plot .sd-curve-1 { stroke: var(--sd-plot-2); } .sd-plot .sd-curve-2 { stroke: var(--sd-plot-3); }
.sd-plot .sd-key-0 { fill: var(--sd-plot-1); } .sd-plot .sd-key-1 { fill: var(--sd-plot-2); } .sd-plot .sd-key-2 { fill: var(--sd-plot-3); }
.stepdiff.check table { border-collapse: collapse; display: block; overflow-x: auto; }
.stepdiff.check th, .stepdiff.check td { padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--sd-rule); text-align: left; vertical-align: top; }
.stepdiff.check tr.wrong th, .stepdiff.check tr.wrong td { background: var(--sd-wrong); }
.stepdiff-error { border: 1px solid #cc0000; color: #cc0000; padding: 0.5rem; overflow-wrap: anywhere; }
`;

/** The custom properties of STEPDIFF_CSS in a dark theme. */
export const STEPDIFF_DARK = properties(PALETTE.dark);
