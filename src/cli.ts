#!/usr/bin/env node
// The command-line front end: parses arguments, calls derive, prints one format. Bad input is one
// line on stderr and exit code 2, with nothing on stdout.

import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { derive, gradient, hessian, type Derivation, type Method, type Partials } from './index.js';
import { displayable, StepdiffError } from './expr/errors.js';
import { isLocale, LOCALES } from './engine/locale.js';
import { toMarkdown } from './present/markdown.js';
import { toLatexDocument } from './present/present.js';

const USAGE = `Usage: stepdiff "<expression or equation>" [--wrt x|w,b] [--dependent y] [--order n] [--at x=0]... [--define "σ(x)=1/(1+exp(-x))"]... [--method quotient|chain|reciprocal]
                [--format text|latex|markdown|html|json] [--locale en|zh] [-o FILE]

Differentiates the expression step by step and prints every rule applied.
  --wrt       variable to differentiate by (default: the only variable); w,b gives the gradient
              (with --order 2, the Hessian)
  --dependent differentiate an equation implicitly, this variable a function of --wrt:
              stepdiff "x^2 + y^2 = 1" --dependent y gives dy/dx = -x / y
  --order     how many times to differentiate, 1 to 10 (default 1); each lower order is shown too
  --at        evaluate the derivative at name=value (a number, or exact: 1/2, pi, log(2)); may be repeated
  --define    a function definition, may be repeated
  --method    how a quotient is differentiated (default: quotient)
  --format    text (default), latex, markdown, html (a standalone page) or json
  --locale    language of the explanations: en (default) or zh
  -o, --output write to FILE instead of standard output`;

const FORMATS = ['text', 'latex', 'markdown', 'html', 'json'] as const;
type Format = (typeof FORMATS)[number];

function fail(message: string): never {
  // A StepdiffError's message is displayable already; parseArgs and the file system quote arguments raw.
  process.stderr.write(`stepdiff: ${displayable(message.replace(/\s+/g, ' '))}\n`);
  process.exit(2);
}

const VALUE_OPTIONS = new Set(['--wrt', '--dependent', '--order', '--at', '--define', '--method', '--format', '--locale', '--output', '-o']);
const FLAG_OPTIONS = new Set(['--help', '-h', '--']);

/**
 * Moves every argument that is not an option behind `--`, so that an expression starting with a
 * minus sign ("-x^2", "--x") is read as the expression rather than as an unknown option. Only the
 * options the CLI has are options: a misspelt one is then one positional too many, and said so.
 */
function positionalsLast(argv: readonly string[]): string[] {
  const options: string[] = [];
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const name = arg.startsWith('--') ? arg.split('=')[0]! : arg;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (VALUE_OPTIONS.has(name)) {
      options.push(arg);
      if (!arg.includes('=') && i + 1 < argv.length) options.push(argv[++i]!);
    } else if (FLAG_OPTIONS.has(name)) {
      options.push(arg);
    } else {
      positionals.push(arg);
    }
  }
  return [...options, '--', ...positionals];
}

/** --at x=0 --at y=1/2 as { x: '0', y: '1/2' }: the library reads the values exactly. */
function pointOf(pairs: readonly string[]): Record<string, string> {
  const point: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) fail(`[invalid-option] --at takes name=value, such as --at x=0, not "${pair}"`);
    const name = pair.slice(0, at).trim();
    if (Object.hasOwn(point, name)) fail(`[invalid-option] --at gives ${name} twice`);
    point[name] = pair.slice(at + 1);
  }
  return point;
}

async function main(argv: readonly string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: positionalsLast(argv),
      allowPositionals: true,
      options: {
        wrt: { type: 'string' },
        dependent: { type: 'string' },
        order: { type: 'string' },
        at: { type: 'string', multiple: true },
        define: { type: 'string', multiple: true },
        method: { type: 'string' },
        format: { type: 'string', default: 'text' },
        locale: { type: 'string', default: 'en' },
        output: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)} (try --help)`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (positionals.length !== 1) {
    const unknown = positionals.find((p) => /^--?[a-z]/i.test(p));
    const hint = unknown === undefined || positionals.length === 0 ? '' : `; ${unknown} is not an option`;
    fail(`expected one expression, got ${positionals.length}${hint} (try --help)`);
  }
  const format = values.format as Format;
  if (!FORMATS.includes(format)) fail(`[invalid-option] unknown format "${values.format}"; use ${FORMATS.join(', ')}`);
  const locale = values.locale;
  if (!isLocale(locale)) fail(`[invalid-option] unknown locale "${locale}"; use ${LOCALES.join(' or ')}`);
  let output: string;
  try {
    const shared = {
      ...(values.define === undefined ? {} : { define: values.define }),
      ...(values.method === undefined ? {} : { method: values.method as Method }),
    };
    // A number the library checks: "2.5" and "x" are its invalid-option errors, as in the API.
    const order = values.order === undefined ? undefined : values.order.trim() === '' ? Number.NaN : Number(values.order);
    const names = values.wrt?.split(',') ?? [];
    let derivation: Derivation | Partials;
    if (names.length > 1) {
      // --wrt w,b: the gradient, and with --order 2 the Hessian.
      if (values.at !== undefined) fail('[invalid-option] --at takes one variable of differentiation, not a list');
      if (values.dependent !== undefined) fail('[invalid-option] --dependent takes one variable of differentiation, not a list');
      if (order !== undefined && order !== 1 && order !== 2) fail(`[invalid-option] with several variables --order is 1 (the gradient) or 2 (the Hessian), not ${values.order}`);
      derivation = (order === 2 ? hessian : gradient)(positionals[0]!, { ...shared, wrt: names });
    } else {
      derivation = derive(positionals[0]!, {
        ...shared,
        ...(values.wrt === undefined ? {} : { wrt: values.wrt }),
        ...(values.dependent === undefined ? {} : { dependent: values.dependent }),
        ...(order === undefined ? {} : { order }),
        ...(values.at === undefined ? {} : { at: pointOf(values.at) }),
      });
    }
    const printers: Record<Format, () => string | Promise<string>> = {
      text: () => derivation.toText(locale),
      latex: () => toLatexDocument(derivation, locale),
      markdown: () => toMarkdown(derivation, locale),
      // KaTeX is loaded only when a page is asked for: the other formats start faster without it.
      html: async () => (await import('./present/html.js')).toPage(derivation, locale),
      json: () => JSON.stringify(derivation.toJSON(locale), null, 2),
    };
    output = await printers[format]();
  } catch (error) {
    // The library names its options as a caller passes them; here they are command-line options.
    if (error instanceof StepdiffError) fail(`[${error.code}] ${error.message.replace(/\bdependent: '(\w+)'/g, '--dependent $1')}`);
    throw error;
  }
  if (values.output === undefined) {
    process.stdout.write(`${output}\n`);
    return;
  }
  try {
    writeFileSync(values.output, `${output}\n`);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    fail(`cannot write ${values.output} (${reason})`);
  }
}

// A reader that stops early (stepdiff … | head) closes the pipe; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

await main(process.argv.slice(2));
