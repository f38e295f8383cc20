// Issue 29: checking a learner's derivation. The examples of the issue, bad input, the CLI, and a
// corpus of mistaken derivations (test/mistakes-corpus.ts) each with the mistake a teacher names.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkWork, StepdiffError, toText } from '../src/index.js';
import { MISTAKES } from '../rules/index.js';
import { MISTAKEN } from './mistakes-corpus.js';

const bin = fileURLToPath(new URL('../dist/lib/cli.js', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

describe('checkWork', () => {
  it('sin(x^2), line cos(x^2): firstWrong 0, missing-inner-derivative, expected 2*x*cos(x^2)', () => {
    const c = checkWork('sin(x^2)', ['cos(x^2)']);
    expect([c.correct, c.firstWrong]).toEqual([false, 0]);
    const m = c.lines[0]!.mistake!;
    expect(m.id).toBe('missing-inner-derivative');
    expect(m.explanation).toBe('the inner derivative of x^2, 2 * x, is missing');
    expect(toText(m.expected)).toBe('2 * x * cos(x^2)');
    expect(c.explanationIn(0, 'zh')).toBe('漏掉了内层 x^2 的导数 2 * x');
  });

  it.each([
    ['x^2*sin(x)', ['2*x*cos(x)'], 0, 'product-of-derivatives'],
    ['x/(1+x)', ['((1+x) + x)/(1+x)^2'], 0, 'quotient-sign'],
    ['x^2*exp(x)', ['2*x*exp(x) + x^2*exp(x)', 'x*exp(x)*(2 - x)'], 1, 'algebra-slip'],
  ] as const)('%s, lines %j: firstWrong %i, %s', (f, lines, first, id) => {
    const c = checkWork(f, lines);
    expect(c.firstWrong).toBe(first);
    expect(c.lines[first]!.mistake!.id).toBe(id);
    expect(c.lines.slice(0, first).every((l) => l.equal)).toBe(true);
  });

  it('the algebra slip names the edit: the sign of one term, and expects the right line before it', () => {
    const c = checkWork('x^2*exp(x)', ['2*x*exp(x) + x^2*exp(x)', 'x*exp(x)*(2 - x)']);
    expect(c.lines[1]!.mistake!.explanation).toBe('the sign of the term x^2 * exp(x) changed');
    expect(toText(c.lines[1]!.mistake!.expected)).toBe('2 * x * exp(x) + x^2 * exp(x)');
  });

  it('x^3, line 3*x^2: correct; a line equal but unsimplified is correct too, never a mistake', () => {
    expect(checkWork('x^3', ['3*x^2'])).toMatchObject({ correct: true, firstWrong: null });
    const c = checkWork('x^2*sin(x)', ['2*x*sin(x) + x^2*cos(x)', 'x*(2*sin(x) + x*cos(x))', '(2*x*sin(x)*1 + cos(x)*x*x) / 1']);
    expect(c.correct).toBe(true);
    expect(c.lines.every((l) => l.mistake === undefined)).toBe(true);
  });

  it('reads lines in LaTeX, and with definitions', () => {
    expect(checkWork('x^2*sin(x)', ['2x\\sin x + x^{2}\\cos x']).correct).toBe(true);
    const sigmoid = checkWork('1/(1+exp(-x))', ['exp(-x)/(1+exp(-x))^2', 'σ(x)*(1 - σ(x))'], { define: ['σ(x) = 1/(1+exp(-x))'] });
    expect(sigmoid.correct).toBe(true);
  });

  it('a wrong line with no known mistake is marked wrong, with no invented diagnosis', () => {
    const c = checkWork('x^2', ['17*x^5']);
    expect([c.correct, c.firstWrong, c.lines[0]!.mistake]).toEqual([false, 0, undefined]);
  });

  it('bad input: no lines, a line that does not parse (its number and column), a line in other variables', () => {
    const error = (f: () => unknown): StepdiffError => {
      try {
        f();
      } catch (e) {
        if (e instanceof StepdiffError) return e;
        throw e;
      }
      throw new Error('accepted');
    };
    expect(error(() => checkWork('x^2', [])).code).toBe('empty-input');
    const unparsed = error(() => checkWork('x^2', ['2*x', '2*(x']));
    expect([unparsed.code, unparsed.position]).toEqual(['syntax-error', 4]);
    expect(unparsed.message).toMatch(/^Line 2: /);
    const strange = error(() => checkWork('x^2', ['2*y']));
    expect(strange.code).toBe('invalid-expression');
    expect(strange.message).toContain('Line 1 uses y');
  });
});

describe('the mistake catalogue', () => {
  it('every mistake has an id equal to its file name, a title, and is a variant of a rule that exists', async () => {
    const { readdirSync } = await import('node:fs');
    const { DIFFERENTIATION_RULES } = await import('../rules/index.js');
    const files = readdirSync(new URL('../rules/mistakes/', import.meta.url)).map((f) => f.replace(/\.ts$/, '')).sort();
    expect(MISTAKES.map((m) => m.id).sort()).toEqual(files);
    for (const m of MISTAKES) {
      expect(m.title.length).toBeGreaterThan(0);
      expect(DIFFERENTIATION_RULES.map((r) => r.id)).toContain(m.variantOf);
      expect(Object.isFrozen(m)).toBe(true);
    }
  });

  it(`finds the first wrong line of every one of the ${MISTAKEN.length} mistaken derivations, and the mistake in at least 90%`, () => {
    expect(MISTAKEN.length).toBeGreaterThanOrEqual(60);
    let named = 0;
    const missed: string[] = [];
    for (const m of MISTAKEN) {
      const c = checkWork(m.f, m.lines);
      expect(c.firstWrong, `${m.f}: ${m.lines.join(' = ')}`).toBe(m.firstWrong);
      const id = c.lines[m.firstWrong]!.mistake?.id;
      if (id === m.mistake) named++;
      else missed.push(`${m.f}: ${m.lines.join(' = ')} → ${id} (not ${m.mistake})`);
    }
    expect(named / MISTAKEN.length, missed.join('\n')).toBeGreaterThanOrEqual(0.9);
    // Each mistake of the catalogue is in the corpus.
    for (const mistake of MISTAKES) expect(MISTAKEN.some((m) => m.mistake === mistake.id), mistake.id).toBe(true);
  });
});

describe('stepdiff check', () => {
  it('exit 0 when correct, 1 when a line is wrong, 2 on bad input; JSON, Markdown, HTML, zh', () => {
    expect(run('check', 'x^3', '3*x^2').status).toBe(0);
    const wrong = run('check', 'x^2*sin(x)', '2*x*cos(x)', '--format', 'json');
    expect(wrong.status).toBe(1);
    expect(JSON.parse(wrong.stdout)).toMatchObject({ correct: false, firstWrong: 0, lines: [{ equal: false, mistake: { id: 'product-of-derivatives' } }] });
    expect(run('check', 'x^2').status).toBe(2);
    expect(run('check', 'x^2', '2*(x').status).toBe(2);
    const md = run('check', 'sin(x^2)', 'cos(x^2)', '--format', 'markdown', '--locale', 'zh');
    expect(md.stdout).toContain('漏掉了内层 x^2 的导数 2 * x');
    const html = run('check', 'sin(x^2)', 'cos(x^2)', '--format', 'html');
    expect(html.stdout).toContain('<tr class="wrong">');
    expect(html.stdout).toContain('class="katex"');
  });

  it('--file reads the lines, one per row', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'stepdiff-')), 'work.txt');
    writeFileSync(file, '# my work\n2*x*exp(x) + x^2*exp(x)\nx*exp(x)*(2 - x)\n');
    const out = run('check', 'x^2*exp(x)', '--file', file);
    expect(out.status).toBe(1);
    expect(out.stdout).toContain('[algebra-slip]');
  });
});
