// Issue 28, point 1: the markdown-it and remark plugins, each tested by building real Markdown with
// its host: markdown-it, and unified with remark-parse, remark-rehype, rehype-raw and rehype-stringify.

import MarkdownIt from 'markdown-it';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import stepdiff, { StepdiffMarkdownError } from '../src/plugins/markdown-it.js';
import remarkStepdiff from '../src/plugins/remark.js';

const DOC = `# Sigmoid

Some text.

\`\`\`stepdiff
1/(1+exp(-x))
define: σ(x) = 1/(1+exp(-x))
\`\`\`

\`\`\`js
const kept = true;
\`\`\`
`;

const markdownIt = (options = {}) => new MarkdownIt().use(stepdiff, options);
const remark = async (markdown: string, options = {}, path?: string): Promise<string> =>
  String(await unified().use(remarkParse).use(remarkStepdiff, options).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).use(rehypeStringify).process(path === undefined ? markdown : { value: markdown, path }));

describe('the markdown-it plugin', () => {
  it('replaces a ```stepdiff fence with the rendered derivation (KaTeX HTML and MathML) and leaves other fences alone', () => {
    const html = markdownIt().render(DOC);
    expect(html).toContain('class="katex"');
    expect(html).toContain('<math');
    expect(html).toContain('Substitute the definition back');
    expect(html).toContain('<code class="language-js">const kept = true;');
    expect(html).not.toContain('```');
  });

  it('reads options from the info string and from key: value lines; show: result and steps', () => {
    const result = markdownIt().render('```stepdiff wrt=z show=result\n-(t*log(σ(z))+(1-t)*log(1-σ(z)))\n```\n');
    expect(result).toContain('class="stepdiff sd-result"');
    expect(result).not.toContain('Rules used');
    const steps = markdownIt().render('```stepdiff\nx^2 + sin(x)\nshow: steps\nlocale: zh\n```\n');
    expect(steps).toContain('class="stepdiff sd-steps"');
    const zh = markdownIt({ locale: 'zh' }).render('```stepdiff\ntanh(x)\n```\n');
    expect(zh).toContain('对 x 求导');
    const order = markdownIt().render('```stepdiff order=2 at=x=0\ntanh(x)\n```\n');
    expect(order).toContain('Second derivative');
    // plot: f and its derivatives; gradient: one derivation per variable.
    const plotted = markdownIt().render('```stepdiff\ntanh(x)\norder: 2\nplot: true\n```\n');
    expect(plotted.match(/class="sd-curve-\d"/g)).toHaveLength(3);
    // With show: result too, the plot sits in a .stepdiff element, where its colours are defined.
    expect(markdownIt().render('```stepdiff show=result\nsin(x)\nplot: true\n```\n')).toContain('<div class="stepdiff"><figure class="sd-plot">');
    expect(() => markdownIt().render('```stepdiff\na*x\nwrt: x\nplot: true\n```\n')).toThrow(/plot: true needs a function of x alone/);
    const gradient = markdownIt().render('```stepdiff\n(w*x + b - t)^2\ngradient: w, b\n```\n');
    expect(gradient).toContain('Gradient (w, b)');
  });

  it('a bad expression fails the build with the file, line and column; onError: render shows a box', () => {
    const md = markdownIt();
    let error: unknown;
    try {
      md.render('# Title\n\n```stepdiff\n1/(x-x)\n```\n', { relativePath: 'guide/loss.md' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StepdiffMarkdownError);
    expect((error as Error).message).toBe('guide/loss.md:4:2: [division-by-zero] Division by zero: x - x is 0 for every value of its variables. (at column 2)');
    const boxed = markdownIt({ onError: 'render' }).render('```stepdiff\nsin(\n```\n');
    expect(boxed).toContain('class="stepdiff-error" role="alert"');
    expect(boxed).toContain('[syntax-error]');
  });

  it("check: a learner's lines get their feedback", () => {
    const html = markdownIt().render('```stepdiff\nsin(x^2)\ncheck: cos(x^2)\n```\n');
    expect(html).toContain('<tr class="wrong">');
    expect(html).toContain('missing-inner-derivative');
  });
});

describe('the remark plugin', () => {
  it('renders ```stepdiff code blocks through remark-rehype into the HTML', async () => {
    const html = await remark(DOC);
    expect(html).toContain('class="katex"');
    expect(html).toContain('Substitute the definition back');
    expect(html).toContain('<code class="language-js">const kept = true;');
  });

  it('meta on the fence are options; a failure names the file, line and column, or renders a box', async () => {
    expect(await remark('```stepdiff wrt=z show=result\nσ(z)\n```\n')).toContain('class="stepdiff sd-result"');
    await expect(remark('text\n\n```stepdiff\nlog(0)\n```\n', {}, 'notes/bad.md')).rejects.toThrow(/notes\/bad\.md:4:1: \[undefined-value\]/);
    expect(await remark('```stepdiff\nfoo(x\n```\n', { onError: 'render' })).toContain('class="stepdiff-error"');
  });
});
