#!/usr/bin/env node
// The command-line front end: parses arguments, reads the expressions (arguments, standard input,
// files), calls derive on each, prints one format. Every failure is one line on stderr, and the
// exit code is 2 when anything failed; with several inputs the others are still printed.

import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { checkWork, derive, gradient, hessian, type Derivation, type Method, type Partials } from './index.js';
import { displayable, StepdiffError } from './expr/errors.js';
import { isLocale, LOCALES, type Locale } from './engine/locale.js';
import { nearest } from './expr/nearest.js';
import { toMarkdown } from './present/markdown.js';
import { toLatexDocument } from './present/present.js';

const USAGE = `Usage: stepdiff ["<expression or equation>"...] [--file F]... [--wrt x|w,b] [--dependent y] [--order n] [--at x=0]...
                [--define "σ(x)=1/(1+exp(-x))"]... [--assume "sum(t_i, i) = 1"]... [--method quotient|chain|reciprocal] [--input text|latex]
                [--format text|latex|markdown|html|json] [--locale en|zh] [-o FILE]
       stepdiff check "<function>" "<line>"... [--file F] [--wrt x] [--define …] [--format …] [--locale …]
       stepdiff --version | --help

Differentiates each expression step by step and prints every rule applied. With no expression, or
with -, the expressions are read from standard input, one per line.
  --file      read expressions from F, one per line (blank lines and lines starting with # skipped)
  --wrt       variable to differentiate by (default: the only variable); w,b gives the gradient
              (with --order 2, the Hessian)
  --dependent differentiate an equation implicitly, this variable a function of --wrt:
              stepdiff "x^2 + y^2 = 1" --dependent y gives dy/dx = -x / y
  --order     how many times to differentiate, 1 to 10 (default 1); each lower order is shown too
  --at        evaluate the derivative at name=value (a number, or exact: 1/2, pi, log(2)); may be repeated
  --define    a function definition, may be repeated
  --assume    an equality that holds, used as a step where it applies: --assume "sum(t_i, i) = 1"
              (labels that sum to 1); may be repeated
  --method    how a quotient is differentiated (default: quotient)
  --input     how the expressions are written: text (mathjs syntax, the default) or latex
              (\\frac{1}{1+e^{-x}}); an expression starting with a backslash is read as LaTeX
  --format    text (default), latex, markdown, html (a standalone page) or json (with several
              expressions, JSON Lines: one object per expression, {"error": …} for one that failed)
  --locale    language of the explanations: en (default) or zh
  -o, --output write to FILE instead of standard output
  --version   print the version
stepdiff check compares a learner's lines (f' = line 1 = line 2 = …) with the derivative: each line
right or wrong, and the mistake of the first wrong one (missing-inner-derivative, quotient-sign, …).
Exit code: 0 when every expression was derived (check: every line right), 1 when check finds a
wrong line, 2 when any input or option was refused.`;

const FORMATS = ['text', 'latex', 'markdown', 'html', 'json'] as const;
type Format = (typeof FORMATS)[number];
const INPUTS = ['text', 'latex'] as const;

/** One line on stderr, displayable (a StepdiffError's message is already; arguments and file names are quoted raw). */
const complain = (message: string): void => void process.stderr.write(`stepdiff: ${displayable(message.replace(/\s+/g, ' '))}\n`);

function fail(message: string): never {
  complain(message);
  process.exit(2);
}

const VALUE_OPTIONS = ['--wrt', '--dependent', '--assume', '--order', '--at', '--define', '--method', '--input', '--file', '--format', '--locale', '--output', '-o'];
const FLAG_OPTIONS = ['--help', '-h', '--version'];

/** A library message with its options named as the command line spells them: define: ["f(x) = …"] is --define "f(x) = …". */
const inCliWords = (message: string): string =>
  message.replace(/\bpass define: \["([^"]*)"\]/g, 'pass --define "$1"').replace(/\bdependent: '([^']*)'/g, '--dependent $1');

/**
 * Moves every argument that is not an option behind `--`, so that an expression starting with a
 * minus sign ("-x^2", "--x") is read as an expression rather than as an option. Option names are
 * read whatever their case (--Format is --format); a word after -- that names no option
 * (--fromat) is refused by name, with the nearest option, rather than derived as −(−fromat).
 */
function positionalsLast(argv: readonly string[]): string[] {
  const options: string[] = [];
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    const [written, ...value] = arg.startsWith('--') ? arg.split('=') : [arg];
    const name = written!.startsWith('--') ? written!.toLowerCase() : written!;
    const spelled = value.length > 0 ? `${name}=${value.join('=')}` : name;
    if (VALUE_OPTIONS.includes(name)) {
      options.push(spelled);
      if (value.length === 0 && i + 1 < argv.length) options.push(argv[++i]!);
    } else if (FLAG_OPTIONS.includes(name)) {
      options.push(spelled);
    } else if (/^--[a-z][a-z-]+$/i.test(written!)) {
      const near = nearest(name, [...VALUE_OPTIONS, ...FLAG_OPTIONS].filter((o) => o.startsWith('--')));
      fail(`unknown option ${written}${near === undefined ? '' : `; did you mean ${near}?`} (try --help; put -- before an expression that starts with --)`);
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

/** The expressions in a file's text: one per line, blank lines and # comments skipped. */
const linesOf = (text: string): string[] => text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));

/** Reads a file (or standard input, fd 0), failing with one line on an I/O error. */
function readText(path: string | 0, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    fail(`cannot read ${what} (${reason})`);
  }
}

/** The package's version, from its package.json (two folders above dist/lib/cli.js). */
function version(): string {
  const manifest = JSON.parse(readText(new URL('../../package.json', import.meta.url).pathname, 'package.json')) as { version: string };
  return manifest.version;
}

/** The arguments read by `options` (options first, see positionalsLast); a malformed one is one line and exit 2. */
function argumentsOf<T extends NonNullable<ParseArgsConfig['options']>>(argv: readonly string[], options: T) {
  try {
    return parseArgs({ args: positionalsLast(argv), allowPositionals: true as const, options });
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)} (try --help)`);
  }
}

/** `output` on standard output, or in the file `path`; a file that cannot be written is one line and exit 2. */
function write(output: string, path: string | undefined): void {
  if (path === undefined) return void process.stdout.write(`${output}\n`);
  try {
    writeFileSync(path, `${output}\n`);
  } catch (error) {
    fail(`cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error))})`);
  }
}

/** --format, --locale and --input, each one the CLI knows: an unknown one is one line and exit 2. */
function formatOf(values: { readonly format?: string; readonly locale?: string; readonly input?: string }): { format: Format; locale: Locale; input: (typeof INPUTS)[number] } {
  const format = values.format as Format;
  if (!FORMATS.includes(format)) fail(`[invalid-option] unknown format "${values.format}"; use ${FORMATS.join(', ')}`);
  const locale = values.locale;
  if (!isLocale(locale)) fail(`[invalid-option] unknown locale "${locale}"; use ${LOCALES.join(' or ')}`);
  const input = (values.input ?? 'text') as (typeof INPUTS)[number];
  if (!INPUTS.includes(input)) fail(`[invalid-option] unknown input "${values.input}"; use ${INPUTS.join(' or ')}`);
  return { format, locale, input };
}

/** What one input became: its derivation, or the error that refused it. */
type Outcome = { readonly input: string; readonly derivation: Derivation | Partials } | { readonly input: string; readonly error: StepdiffError };

/**
 * `stepdiff check f line…`: the learner's lines checked against f′. Exit code 0 when every line is
 * right, 1 when one is wrong, 2 on bad input.
 */
async function check(argv: readonly string[]): Promise<void> {
  const { values, positionals } = argumentsOf(argv, {
    wrt: { type: 'string' }, define: { type: 'string', multiple: true }, method: { type: 'string' },
    input: { type: 'string' }, file: { type: 'string', multiple: true }, format: { type: 'string', default: 'text' },
    locale: { type: 'string', default: 'en' }, output: { type: 'string', short: 'o' },
  });
  const { format, locale, input } = formatOf(values);
  const [f, ...given] = positionals;
  if (f === undefined) fail('stepdiff check takes the function, then the lines of its derivative: stepdiff check "x^2*sin(x)" "2*x*cos(x)"');
  const lines = [...given, ...(values.file ?? []).flatMap((file) => linesOf(readText(file, file)))];
  let output: string;
  let correct: boolean;
  try {
    const checked = checkWork(f, lines, {
      ...(values.wrt === undefined ? {} : { wrt: values.wrt }),
      ...(values.define === undefined ? {} : { define: values.define }),
      ...(values.method === undefined ? {} : { method: values.method as Method }),
      // Given, --input says how the lines are written; left out, each line is read by its look.
      ...(values.input === undefined ? {} : { input }),
    });
    correct = checked.correct;
    const { checkMarkdown } = await import('./present/check.js');
    const { checkPage } = await import('./present/page.js');
    const printers: Record<Format, () => string> = {
      text: () => checked.toText(locale),
      latex: () => toLatexDocument(checked.derivation, locale),
      markdown: () => checkMarkdown(checked, locale),
      html: () => checkPage(checked, locale),
      json: () => JSON.stringify(checked.toJSON(locale), null, 2),
    };
    output = printers[format]();
  } catch (error) {
    if (error instanceof StepdiffError) fail(`[${error.code}] ${inCliWords(error.message)}`);
    throw error;
  }
  write(output, values.output);
  process.exitCode = correct ? 0 : 1;
}

async function main(argv: readonly string[]): Promise<void> {
  if (argv[0] === 'check') return check(argv.slice(1));
  const { values, positionals } = argumentsOf(argv, {
    wrt: { type: 'string' },
    dependent: { type: 'string' },
    assume: { type: 'string', multiple: true },
    order: { type: 'string' },
    at: { type: 'string', multiple: true },
    define: { type: 'string', multiple: true },
    method: { type: 'string' },
    input: { type: 'string', default: 'text' },
    file: { type: 'string', multiple: true },
    format: { type: 'string', default: 'text' },
    locale: { type: 'string', default: 'en' },
    output: { type: 'string', short: 'o' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean' },
  });
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  if (values.version) return void process.stdout.write(`${version()}\n`);
  const { format, locale, input } = formatOf(values);

  // The expressions, in order: the arguments (- for standard input), then each --file.
  const fromStdin = positionals.length === 0 && values.file === undefined;
  if (fromStdin && process.stdin.isTTY) fail('expected an expression: give one as an argument, or pipe them in, one per line (try --help)');
  const inputs = [
    ...positionals.flatMap((p) => (p === '-' ? linesOf(readText(0, 'standard input')) : [p])),
    ...(fromStdin ? linesOf(readText(0, 'standard input')) : []),
    ...(values.file ?? []).flatMap((f) => linesOf(readText(f, f))),
  ];
  if (inputs.length === 0) fail('no expression to differentiate (the input had only blank lines and comments)');

  const shared = {
    ...(values.define === undefined ? {} : { define: values.define }),
    ...(values.method === undefined ? {} : { method: values.method as Method }),
    ...(values.assume === undefined ? {} : { assume: values.assume }),
    ...(input === 'latex' ? { input: 'latex' as const } : {}),
  };
  // A number the library checks: "2.5" and "x" are its invalid-option errors, as in the API.
  const order = values.order === undefined ? undefined : values.order.trim() === '' ? Number.NaN : Number(values.order);
  const names = values.wrt?.split(',') ?? [];
  if (names.length > 1) {
    if (values.at !== undefined) fail('[invalid-option] --at takes one variable of differentiation, not a list');
    if (values.dependent !== undefined) fail('[invalid-option] --dependent takes one variable of differentiation, not a list');
    if (order !== undefined && order !== 1 && order !== 2) fail(`[invalid-option] with several variables --order is 1 (the gradient) or 2 (the Hessian), not ${values.order}`);
  }
  const point = values.at === undefined ? undefined : pointOf(values.at);
  const deriveOne = (text: string): Derivation | Partials =>
    names.length > 1
      ? (order === 2 ? hessian : gradient)(text, { ...shared, wrt: names })
      : derive(text, {
        ...shared,
        ...(values.wrt === undefined ? {} : { wrt: values.wrt }),
        ...(values.dependent === undefined ? {} : { dependent: values.dependent }),
        ...(order === undefined ? {} : { order }),
        ...(point === undefined ? {} : { at: point }),
      });
  const outcomes: Outcome[] = inputs.map((text) => {
    try {
      return { input: text, derivation: deriveOne(text) };
    } catch (error) {
      if (error instanceof StepdiffError) return { input: text, error };
      throw error;
    }
  });

  const several = inputs.length > 1;
  const printers: Record<Exclude<Format, 'html'>, (d: Derivation | Partials) => string> = {
    text: (d) => d.toText(locale),
    latex: (d) => toLatexDocument(d, locale),
    markdown: (d) => toMarkdown(d, locale),
    // One object per line with several expressions (JSON Lines), indented with one.
    json: (d) => JSON.stringify(d.toJSON(locale), null, several ? undefined : 2),
  };
  const pieces: string[] = [];
  const done: Array<Derivation | Partials> = [];
  let failed = false;
  const refuse = (outcome: { input: string }, error: StepdiffError): void => {
    failed = true;
    complain(`${several ? `${JSON.stringify(outcome.input)}: ` : ''}[${error.code}] ${inCliWords(error.message)}`);
    if (format === 'json') pieces.push(JSON.stringify({ input: outcome.input, error: { code: error.code, message: inCliWords(error.message), position: error.position ?? null } }, null, several ? undefined : 2));
  };
  for (const outcome of outcomes) {
    if ('error' in outcome) {
      refuse(outcome, outcome.error);
      continue;
    }
    if (format === 'html') {
      done.push(outcome.derivation);
      continue;
    }
    try {
      pieces.push(printers[format](outcome.derivation));
    } catch (error) {
      if (!(error instanceof StepdiffError)) throw error;
      refuse(outcome, error);
    }
  }
  if (format === 'html' && done.length > 0) {
    // KaTeX is loaded only when a page is asked for: the other formats start faster without it.
    try {
      pieces.push((await import('./present/page.js')).toPage(done, locale));
    } catch (error) {
      if (!(error instanceof StepdiffError)) throw error;
      refuse({ input: inputs.join(', ') }, error);
    }
  }
  const output = pieces.join(format === 'json' && several ? '\n' : '\n\n');
  if (pieces.length > 0) write(output, values.output);
  if (failed) process.exitCode = 2;
}

// A reader that stops early (stepdiff … | head) closes the pipe; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

await main(process.argv.slice(2));
