// The CLI as a user meets it: the compiled bin under plain Node.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../dist/lib/cli.js', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

describe('CLI', () => {
  beforeAll(() => {
    // npm install's prepare step builds dist/; build here too so the suite also runs on a bare checkout.
    if (!existsSync(bin)) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
  });

  it('prints the numbered step tree and the result', () => {
    const out = run('1/(1+exp(-x))');
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('1. [quotient] Quotient rule');
    expect(out.stdout).toMatch(/^ {3}1\.1\. \[constant\]/m);
    expect(out.stdout).toContain('2. [substitute-parts] Substitute the derivatives of the parts.\n   = (0 * (1 + exp(-x)) - 1 * (-exp(-x))) / (1 + exp(-x))^2');
    expect(out.stdout).toContain('Result: exp(x) / (exp(x) + 1)^2');
    expect(out.stderr).toBe('');
  });

  it('--format json has the documented shape', () => {
    const out = run('-(t*log(yhat)+(1-t)*log(1-yhat))', '--wrt', 'yhat', '--format', 'json');
    const json = JSON.parse(out.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['input', 'wrt', 'result', 'resultLatex', 'complete', 'steps']);
    expect(json.wrt).toBe('ŷ');
    expect(json.result).toBe('(ŷ - t) / (ŷ * (1 - ŷ))');
    const steps = json.steps as Array<Record<string, unknown>>;
    expect(Object.keys(steps[0]!)).toEqual(['rule', 'explanation', 'before', 'after', 'beforeLatex', 'afterLatex', 'substeps']);
    const product = steps.find((s) => s.rule === 'product')!;
    expect((product.substeps as unknown[]).length).toBeGreaterThan(0);
  });

  it('--define and --format latex', () => {
    const out = run('σ(2x)', '--define', 'σ(x)=1/(1+exp(-x))', '--format', 'latex');
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('\\begin{aligned}');
    expect(out.stdout).toContain('\\text{Chain rule through a defined function}');
    expect(out.stdout).toContain('2 \\, \\sigma(2 \\, x) \\, \\left(1 - \\sigma(2 \\, x)\\right)');
  });

  it('the README\'s σ example ends in σ(x)·(1 − σ(x))', () => {
    const out = run('1/(1+exp(-x))', '--define', 'σ(x)=1/(1+exp(-x))');
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/\[substitute\] Substitute the definition back: 1 \/ \(1 \+ exp\(-x\)\) is σ\(x\)\.\n\s+= σ\(x\) \* \(1 - σ\(x\)\)/);
    expect(out.stdout.trimEnd().endsWith('Result: σ(x) * (1 - σ(x))')).toBe(true);
  });

  it("every `$ npx stepdiff … | tail -1` example in the README prints the line shown under it", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8').split('\n');
    const examples = readme.flatMap((line, i) => (line.startsWith('$ npx stepdiff ') && line.endsWith(' | tail -1') ? [[line, readme[i + 1]!] as const] : []));
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const [command, shown] of examples) {
      const args = [...command.slice('$ npx stepdiff '.length, -' | tail -1'.length).matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
      const out = run(...args);
      expect(out.status, command).toBe(0);
      expect(out.stdout.trimEnd().split('\n').at(-1), command).toBe(shown);
    }
  });

  it('--method chain takes the chain-rule route', () => {
    const out = run('1/(1+exp(-x))', '--method', 'chain', '--format', 'json');
    expect((JSON.parse(out.stdout) as { steps: Array<{ rule: string }> }).steps[0]!.rule).toBe('negative-power');
  });

  it('bad input: one line on stderr naming the problem and position, exit 2, nothing on stdout', () => {
    const out = run('x << 2');
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe('stepdiff: [unsupported-syntax] stepdiff does not support <<. (at column 3)\n');
  });

  it('an expression that starts with a minus sign is the expression, not an option', () => {
    const out = run('-x^2', '--format', 'json');
    expect(out.status).toBe(0);
    expect((JSON.parse(out.stdout) as { result: string }).result).toBe('-2 * x');
  });

  it('--format markdown, html and --locale zh, -o FILE', () => {
    const md = run('x^2', '--format', 'markdown', '--locale', 'zh');
    expect(md.status).toBe(0);
    expect(md.stdout).toContain('## 对 x 求导');
    expect(md.stdout).toContain('$$');
    const file = join(mkdtempSync(join(tmpdir(), 'stepdiff-')), 'page.html');
    const html = run('tanh(x)', '--format', 'html', '-o', file);
    expect(html.status).toBe(0);
    expect(html.stdout).toBe('');
    const page = readFileSync(file, 'utf8');
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('data:font/woff2;base64,');
    expect(run('x', '--locale', 'fr').status).toBe(2);
  });

  it('bad options exit 2 too', () => {
    expect(run('x', '--format', 'pdf').status).toBe(2);
    expect(run('x', '--bogus').status).toBe(2);
    expect(run().status).toBe(2);
  });
});

describe('CLI arguments (issue 30)', () => {
  it('"--x" is the expression, not an option; a misspelt option is named', () => {
    const out = run('--x');
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('Result: 1');
    const typo = run('--wtr', 'x', 'x^2');
    expect(typo.status).toBe(2);
    expect(typo.stderr).toBe('stepdiff: unknown option --wtr; did you mean --wrt? (try --help; put -- before an expression that starts with --)\n');
  });

  it('-o to a path that cannot be written: one line and exit 2, no stack trace', () => {
    const out = run('x^2', '-o', join(mkdtempSync(join(tmpdir(), 'stepdiff-')), 'missing', 'out.txt'));
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^stepdiff: cannot write .*out\.txt \(ENOENT\)\n$/);
  });

  it('control characters in an argument reach the terminal as escapes', () => {
    const out = run('x', '--wrt', '\u001b[2Jx');
    expect(out.status).toBe(2);
    expect(out.stderr).toBe('stepdiff: [invalid-variable] "\\u{001B}[2Jx" is not a variable name.\n');
  });
});

describe('CLI input and batches (issue 27)', () => {
  const piped = (stdin: string, ...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input: stdin });

  it('--version prints the package version', () => {
    const out = run('--version');
    expect(out.status).toBe(0);
    expect(out.stdout.trim()).toBe((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version);
  });

  it('reads standard input with no argument or with -, one expression per line, blank lines and # comments skipped', () => {
    const one = piped('x^2\n');
    expect(one.status).toBe(0);
    expect(one.stdout.trimEnd().endsWith('Result: 2 * x')).toBe(true);
    const two = piped('# a comment\n\nx^3\nsin(x)\n', '-', '--format', 'json');
    expect(two.status).toBe(0);
    expect(two.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { result: string }).result)).toEqual(['3 * x^2', 'cos(x)']);
  });

  it('--file reads one expression per line; several expressions in one call; JSON Lines with errors as objects and exit 2', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'stepdiff-')), 'batch.txt');
    writeFileSync(file, 'x^2\n# skip me\n1/0\n\ntanh(x)\n');
    const out = run('--file', file, '--format', 'json');
    expect(out.status).toBe(2);
    const lines = out.stdout.trim().split('\n').map((line) => JSON.parse(line) as { result?: string; error?: { code: string; position: number | null } });
    expect(lines.map((l) => l.result ?? l.error?.code)).toEqual(['2 * x', 'division-by-zero', '1 - tanh(x)^2']);
    expect(lines[1]!.error!.position).toBe(1);
    expect(out.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^stepdiff: "1\/0": \[division-by-zero\] /)]);
    const several = run('x^2', 'x^3');
    expect(several.status).toBe(0);
    expect(several.stdout).toContain('Result: 2 * x');
    expect(several.stdout).toContain('Result: 3 * x^2');
  });

  it('a file that cannot be read is one line and exit 2; an empty batch is refused', () => {
    const out = run('--file', join(tmpdir(), 'no-such-stepdiff-file.txt'));
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/^stepdiff: cannot read .*no-such-stepdiff-file\.txt \(ENOENT\)\n$/);
    const empty = piped('\n# nothing\n');
    expect(empty.status).toBe(2);
    expect(empty.stdout).toBe('');
  });

  it('with --format json a single error is a JSON object too', () => {
    const out = run('1/0', '--format', 'json');
    expect(out.status).toBe(2);
    expect(JSON.parse(out.stdout)).toEqual({ input: '1/0', error: { code: 'division-by-zero', message: 'Division by zero. (at column 2)', position: 1 } });
  });

  it('options are read whatever their case, and a misspelt one is refused by name', () => {
    const upper = run('x^2', '--Format', 'json');
    expect(upper.status).toBe(0);
    expect((JSON.parse(upper.stdout) as { result: string }).result).toBe('2 * x');
    const typo = run('x^2', '--fromat', 'json');
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('unknown option --fromat; did you mean --format?');
  });

  it('reads LaTeX (--input latex, or by its backslashes and braces), ** and sin^2(x), and library messages speak CLI', () => {
    const latex = run('\\frac{1}{1+e^{-x}}');
    expect(latex.status).toBe(0);
    expect(latex.stdout).toContain('Note: LaTeX read as text.');
    expect(latex.stdout.trimEnd().endsWith('Result: e^x / (e^x + 1)^2')).toBe(true);
    expect(run('x', '--input', 'latex').status).toBe(0);
    const bad = run('\\frac{1}{x', '--input', 'latex');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('(at column 9)');
    expect(run('x**3').stdout).toContain('Result: 3 * x^2');
    expect(run('sin^2(x)').stdout).toContain('Result: sin(2 * x)');
    expect(run('softsign(x)').stderr).toContain('to define it, pass --define "softsign(x) = …"');
  });

  it('with --format html several derivations are one page', () => {
    const out = run('x^2', 'x^3', '--format', 'html');
    expect(out.status).toBe(0);
    expect(out.stdout.match(/<!doctype html>/g)).toHaveLength(1);
    expect(out.stdout.match(/class="stepdiff"/g)!.length).toBeGreaterThanOrEqual(2);
  });
});
