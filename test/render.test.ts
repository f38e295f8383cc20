// Printers beyond plain text: LaTeX documents, Markdown, HTML and standalone pages, in en and zh.

import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALGEBRA_RULES, DIFFERENTIATION_RULES, EQUATION_RULES } from '../rules/index.js';
import { derive, present, renderMath, StepdiffError, toHTML, toLatexDocument, toMarkdown, toPage } from '../src/index.js';
import { LOCALES, TRANSLATED, lawIn, templateIn, titleIn } from '../src/engine/locale.js';
import { RECALL, SUBSTITUTE_PARTS } from '../src/engine/rewrite.js';
import { SUBSTITUTE_DERIVATIVE } from '../src/engine/implicit.js';
import { CORPUS } from './corpus.js';
import { allSteps } from './helpers.js';

const SIGMOID = 'σ(x) = 1/(1+exp(-x))';
const REFERENCE = {
  'sigmoid-quotient': derive('1/(1+exp(-x))', { define: [SIGMOID] }),
  'sigmoid-chain': derive('1/(1+exp(-x))', { define: [SIGMOID], method: 'chain' }),
  'cross-entropy': derive('-(t*log(ŷ)+(1-t)*log(1-ŷ))', { wrt: 'ŷ' }),
  'sigmoid-cross-entropy': derive('-(t*log(σ(z))+(1-t)*log(1-σ(z)))', { wrt: 'z', define: [SIGMOID] }),
};

describe('LaTeX for whole derivations', () => {
  it('every block, law and definition of every corpus derivation renders in KaTeX, in both locales', () => {
    let rendered = 0;
    for (const c of CORPUS) {
      const d = derive(c.input, c.options);
      for (const locale of LOCALES) {
        const p = present(d, locale);
        for (const tex of [...p.definitions, p.main.latex, ...p.subDerivations.map((b) => b.latex), ...p.laws.map((l) => l.law), p.result]) {
          expect(() => renderMath(tex, true), tex).not.toThrow();
          rendered++;
        }
      }
    }
    expect(rendered).toBeGreaterThan(1000);
  });

  it('every rule law renders', () => {
    for (const rule of [...DIFFERENTIATION_RULES, ...ALGEBRA_RULES]) expect(() => renderMath(rule.law, true), rule.id).not.toThrow();
  });

  it('the main chain is one aligned block with a tagged row per step; sub-derivations are their own blocks', () => {
    const p = present(REFERENCE['sigmoid-quotient']);
    expect(p.main.latex.startsWith('\\begin{aligned}')).toBe(true);
    expect(p.main.latex.match(/&=/g)).toHaveLength(10);
    expect(p.main.latex).toContain('&& \\text{Quotient rule}');
    expect(p.subDerivations.map((b) => b.label)).toEqual([
      'u′: derivative of the numerator 1 (sub-derivation of step 1)',
      'v′: derivative of the denominator 1 + exp(-x) (sub-derivation of step 1)',
      'Outer derivative of exp(y) (sub-derivation of step 1.4)',
      'Inner derivative of -x (sub-derivation of step 1.4)',
    ]);
    expect(p.subDerivations[1]!.latex).toContain('\\frac{d}{d x}\\left[1 + e^{-x}\\right] &= ');
    expect(p.laws.map((l) => l.title)).toContain('Quotient rule');
    expect(new Set(p.laws.map((l) => l.title)).size).toBe(p.laws.length);
  });

  it.each(Object.entries(REFERENCE))('golden LaTeX: %s', async (name, d) => {
    await expect(toLatexDocument(d)).toMatchFileSnapshot(`golden/${name}.tex`);
  });

  it('escapes text in \\text{} and renders Chinese tags', () => {
    const zh = present(REFERENCE['cross-entropy'], 'zh');
    expect(zh.main.latex).toContain('\\text{乘积法则}');
    expect(() => renderMath(zh.main.latex, true)).not.toThrow();
  });
});

describe('Markdown', () => {
  const md = toMarkdown(REFERENCE['sigmoid-quotient']);

  it('puts mathematics in $$ blocks on their own lines and explanations in text, a step at a time', () => {
    // Each step its own paragraph and formula, no aligned column; sub-derivations folded and titled.
    expect(md).not.toContain('\\begin{aligned}');
    expect(md).toContain('**1. Quotient rule**: u = 1 and v = 1 + exp(-x).\n\n$$\n= \\frac{');
    expect(md).toContain('<details><summary>u′: derivative of the numerator 1</summary>\n\n$$\n\\frac{d}{d x}\\left[1\\right]\n$$\n\n**1.1. Constant rule**');
    expect(md.match(/<details>/g)?.length).toBe(md.match(/<\/details>/g)?.length);
    const blocks = [...md.matchAll(/\n\$\$\n([\s\S]*?)\n\$\$\n/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThan(10);
    for (const b of blocks) expect(() => renderMath(b, true)).not.toThrow();
  });

  it('is written in Chinese with locale zh', () => {
    expect(toMarkdown(REFERENCE['sigmoid-quotient'], 'zh')).toContain('**1. 商法则**：u = 1，v = 1 + exp(-x)。');
  });
});

describe('HTML', () => {
  it('renders with MathML for screen readers and without KaTeX errors', () => {
    const html = toHTML(REFERENCE['cross-entropy']);
    expect(html).toContain('<math');
    expect(html).not.toContain('katex-error');
    expect((html.match(/class="katex"/g) ?? []).length).toBeGreaterThan(5);
  });

  it('a standalone page carries KaTeX CSS and fonts inline and fetches nothing', () => {
    const page = toPage(REFERENCE['sigmoid-quotient'], 'zh');
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('src:url(data:font/woff2;base64,');
    // Namespaces such as xmlns="http://www.w3.org/1998/Math/MathML" are names, not fetches.
    expect(page).not.toMatch(/(?:src|href)=["']?https?:|url\(["']?https?:/);
    expect(page).not.toMatch(/url\(fonts\//);
  });

  it('escapes user text', () => {
    const d = derive('a_b * x', { wrt: 'x' });
    expect(toHTML(d)).not.toMatch(/<script|javascript:|on\w+=/);
  });

  it('turns a KaTeX failure into a typed error', () => {
    expect(() => renderMath('\\frac{', true)).toThrow(StepdiffError);
    expect(() => renderMath('\\nosuchmacro', true)).toThrow(StepdiffError);
  });

  it('never emits links, whatever the LaTeX asks for (trust is off)', () => {
    const html = renderMath('\\href{javascript:alert(1)}{x} + \\url{http://example.com}', true);
    expect(html).not.toMatch(/<a\b|href="/);
  });
});

describe('translations', () => {
  it('every rule id has a Chinese title', () => {
    for (const rule of [...DIFFERENTIATION_RULES, ...ALGEBRA_RULES, ...EQUATION_RULES, SUBSTITUTE_PARTS, RECALL, SUBSTITUTE_DERIVATIVE]) {
      expect(() => titleIn('zh', rule.id, rule.title), rule.id).not.toThrow();
    }
  });

  it("every rule's law has its words in Chinese, and a Chinese page shows them", () => {
    const rules = [...DIFFERENTIATION_RULES, ...ALGEBRA_RULES, ...EQUATION_RULES, SUBSTITUTE_PARTS, RECALL, SUBSTITUTE_DERIVATIVE];
    const worded = rules.filter((rule) => rule.law.includes('\\text{'));
    expect(worded.length).toBeGreaterThanOrEqual(6);
    for (const rule of worded) {
      const zh = lawIn('zh', rule.law);
      expect(zh, rule.id).not.toMatch(/\\text\{[^{}]*[a-z]{2}/);
      expect(lawIn('en', rule.law)).toBe(rule.law);
    }
    expect(lawIn('zh', 'a = b \\text{ (assumed)}')).toBe('a = b \\text{（假设）}');
    expect(() => lawIn('zh', '\\text{untranslated}')).toThrow(/untranslated/);
    const laws = (html: string) => html.slice(html.indexOf('sd-laws'));
    const zh = laws(toHTML(derive('max(x, x^2)'), 'zh'));
    expect(zh).toContain('其他情况');
    expect(zh).not.toContain('otherwise');
    expect(laws(toHTML(derive('max(x, x^2)'), 'en'))).toContain('otherwise');
  });

  it('every note template written in a rule or the engine has a Chinese translation', () => {
    const sources = [
      ...['differentiation', 'algebra', 'equation', 'mistakes'].flatMap((folder) =>
        readdirSync(new URL(`../rules/${folder}/`, import.meta.url)).map((f) => readFileSync(new URL(`../rules/${folder}/${f}`, import.meta.url), 'utf8'))),
      readFileSync(new URL('../src/index.ts', import.meta.url), 'utf8'),
      readFileSync(new URL('../src/engine/implicit.ts', import.meta.url), 'utf8'),
      readFileSync(new URL('../src/engine/check-work.ts', import.meta.url), 'utf8'),
      readFileSync(new URL('../src/parse/parse.ts', import.meta.url), 'utf8'),
    ];
    const templates = sources.flatMap((s) => [...s.matchAll(/text: (['"])(.*?)\1/g)].map((m) => m[2]!));
    const parseNotes = sources.flatMap((s) => [...s.matchAll(/\['[^']', '[^']+', '([^']+)'\]/g)].map((m) => m[1]!));
    expect(templates.length).toBeGreaterThan(15);
    expect(parseNotes.length).toBe(4);
    for (const t of [...templates, ...parseNotes]) expect(TRANSLATED.notes, t).toContain(t);
  });

  it('every step of every corpus derivation explains itself in both locales', () => {
    for (const c of CORPUS) {
      const d = derive(c.input, c.options);
      for (const step of allSteps(d.steps)) {
        for (const locale of LOCALES) expect(step.explain(locale).length).toBeGreaterThan(0);
      }
      expect(d.notesIn('zh').length).toBe(d.messages.length);
    }
  });

  it('a missing translation is an error, not a silent fallback', () => {
    expect(() => titleIn('zh', 'no-such-rule', 'No such rule')).toThrow(/missing zh title/);
    expect(() => templateIn('zh', 'an untranslated sentence')).toThrow(/missing zh translation/);
  });
});
