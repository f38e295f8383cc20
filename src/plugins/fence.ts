// The plugins' layer (src/plugins/), above the API: a ```stepdiff fenced block of Markdown read into
// an expression and its options, and rendered at build time as the derivation's HTML (KaTeX HTML
// and MathML, as toHTML). The markdown-it and remark plugins are this, each in its host's terms.
//
// A block holds the expression, and options as `key: value` lines or `key=value` words in the info
// string: wrt, define (repeatable), method, order, at (x=0, repeatable), dependent, assume, locale,
// gradient (the variables, w, b: one derivation per partial), show (result, steps or all), plot
// (true or false: f and its derivatives, for one variable) and check (a learner's lines, separated
// by ;).

import { checkWork, derive, gradient, escapeHtml, isLocale, plottable, resultHTML, StepdiffError, stepsHTML, toHTML, toPlot, type DeriveOptions, type Locale } from '../index.js';
import { checkFragment } from '../present/check.js';

/** What a plugin is given: what to do with a block that fails, and the language by default. */
export interface StepdiffMarkdownOptions {
  /** 'throw' (the default) fails the build with the file, line and column; 'render' shows an error box in the page. */
  readonly onError?: 'throw' | 'render';
  /** The language of the explanations when a block does not say (default 'en'). */
  readonly locale?: Locale;
}

/** Where a block is: the file (when the host says) and the line of its opening fence, 1-based. */
export interface FencePlace {
  readonly file?: string;
  readonly line: number;
}

const KEYS = new Set(['wrt', 'define', 'method', 'order', 'at', 'dependent', 'assume', 'locale', 'show', 'plot', 'gradient', 'check']);

/** A block's expression (and the line of the block it is on, from 1 after the fence) and its options. */
interface Block {
  readonly expression: string;
  readonly line: number;
  readonly values: ReadonlyMap<string, string[]>;
}

function readBlock(info: string, content: string): Block {
  const values = new Map<string, string[]>();
  const set = (key: string, value: string): void => void values.set(key, [...(values.get(key) ?? []), value.trim()]);
  for (const word of info.trim().split(/\s+/).slice(1)) {
    const at = word.indexOf('=');
    if (at > 0 && KEYS.has(word.slice(0, at))) set(word.slice(0, at), word.slice(at + 1));
    else throw new StepdiffError('invalid-option', `The fence's info string has ${JSON.stringify(word)}; options are key=value (${[...KEYS].join(', ')}).`);
  }
  let expression = '';
  let line = 0;
  content.split(/\r?\n/).forEach((text, i) => {
    const option = /^\s*([a-z]+)\s*:\s*(.*)$/.exec(text);
    if (option !== null && KEYS.has(option[1]!)) set(option[1]!, option[2]!);
    else if (text.trim() !== '' && expression === '') [expression, line] = [text.trim(), i + 1];
    else if (text.trim() !== '') throw new StepdiffError('invalid-option', `A stepdiff block holds one expression; line ${i + 1} is another (${JSON.stringify(text.trim())}).`);
  });
  if (expression === '') throw new StepdiffError('empty-input', 'The stepdiff block has no expression.');
  return { expression, line, values };
}

/** The derive options a block's values give. */
function optionsOf(values: ReadonlyMap<string, string[]>): DeriveOptions {
  const one = (key: string): string | undefined => values.get(key)?.at(-1);
  const at = values.get('at')?.flatMap((v) => v.split(',')).map((pair) => pair.split('=').map((s) => s.trim()) as [string, string]);
  return {
    ...(one('wrt') === undefined ? {} : { wrt: one('wrt')! }),
    ...(values.has('define') ? { define: values.get('define')! } : {}),
    ...(one('method') === undefined ? {} : { method: one('method') as DeriveOptions['method'] }),
    ...(one('order') === undefined ? {} : { order: Number(one('order')) }),
    ...(at === undefined ? {} : { at: Object.fromEntries(at) }),
    ...(one('dependent') === undefined ? {} : { dependent: one('dependent')! }),
    ...(values.has('assume') ? { assume: values.get('assume')! } : {}),
  };
}

/** The HTML of one ```stepdiff block; a failure is thrown with its place, or shown in the page with onError: 'render'. */
export function renderBlock(info: string, content: string, place: FencePlace, settings: StepdiffMarkdownOptions = {}): string {
  let line = place.line;
  try {
    const block = readBlock(info, content);
    line = place.line + block.line;
    const locale = block.values.get('locale')?.at(-1) ?? settings.locale ?? 'en';
    if (!isLocale(locale)) throw new StepdiffError('invalid-option', `locale is en or zh, not ${JSON.stringify(locale)}.`);
    const options = optionsOf(block.values);
    const check = block.values.get('check')?.at(-1);
    if (check !== undefined) {
      const { at: _at, order: _order, dependent: _dependent, assume: _assume, ...rest } = options;
      return checkFragment(checkWork(block.expression, check.split(';').map((l) => l.trim()).filter((l) => l !== ''), rest), locale);
    }
    const variables = block.values.get('gradient')?.at(-1)?.split(',').map((v) => v.trim()).filter((v) => v !== '');
    if (variables !== undefined) {
      const { wrt: _wrt, order: _o, at: _a, dependent: _d, ...rest } = options;
      return toHTML(gradient(block.expression, { ...rest, wrt: variables }), locale);
    }
    const d = derive(block.expression, options);
    const show = block.values.get('show')?.at(-1) ?? 'all';
    const plot = block.values.get('plot')?.at(-1) ?? 'false';
    if (plot !== 'true' && plot !== 'false') throw new StepdiffError('invalid-option', `plot is true or false, not ${JSON.stringify(plot)}.`);
    if (plot === 'true' && !plottable(d)) throw new StepdiffError('invalid-option', `plot: true needs a function of ${d.wrt} alone; ${JSON.stringify(block.expression)} has other variables or is an equation.`);
    // In a .stepdiff element of its own, where the plot's colours are defined.
    const figure = plot === 'true' ? `<div class="stepdiff">${toPlot(d, locale)}</div>` : '';
    if (show === 'result') return `${resultHTML(d, locale)}${figure}`;
    if (show === 'steps') return `${stepsHTML(d, locale)}${figure}`;
    if (show !== 'all') throw new StepdiffError('invalid-option', `show is result, steps or all, not ${JSON.stringify(show)}.`);
    return `${toHTML(d, locale)}${figure}`;
  } catch (error) {
    if (!(error instanceof StepdiffError)) throw error;
    const column = error.position === undefined ? 1 : error.position + 1;
    const where = `${place.file ?? 'markdown'}:${line}:${column}`;
    if (settings.onError === 'render') {
      return `<div class="stepdiff-error" role="alert"><strong>stepdiff</strong> ${escapeHtml(where)}: [${escapeHtml(error.code)}] ${escapeHtml(error.message)}</div>`;
    }
    throw new StepdiffMarkdownError(`${where}: [${error.code}] ${error.message}`, error, place.file, line, column);
  }
}

/** A ```stepdiff block that could not be rendered: the build fails with where it is. */
export class StepdiffMarkdownError extends Error {
  constructor(message: string, override readonly cause: StepdiffError, readonly file: string | undefined, readonly line: number, readonly column: number) {
    super(message);
    this.name = 'StepdiffMarkdownError';
  }
}
