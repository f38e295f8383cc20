// The built VitePress site (npm run docs) in headless Chromium, served from a local server, as a
// reader meets it: every page at 1280 and 390 px wide, light and dark, with every sub-derivation
// opened: no KaTeX error, no console error or failed request, no page-level horizontal scroll, every
// formula's box inside the viewport (a formula wider than its box scrolls inside it, and the box takes
// keyboard focus), every rule name inside the viewport, the math and the plots in the scheme's
// colours. Then the playground: typing, an error's position, the URL, the copy buttons, check mode.
// Screenshots of the sigmoid page go to test/artifacts/ for a person to look at.

import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const site = join(root, 'docs', '.vitepress', 'dist');
const artifacts = join(root, 'test', 'artifacts');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.svg': 'image/svg+xml',
};

// Without the background-networking flags Chromium keeps calling hosts this machine cannot reach.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Every HTML file under `dir`, as a path from the site's root. */
const htmlFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') && name !== '404.html' ? [relative(site, path)] : [];
  });

const pages = htmlFiles(site).sort();
const VIEWS = [
  { width: 1280, scheme: 'light' },
  { width: 1280, scheme: 'dark' },
  { width: 390, scheme: 'light' },
  { width: 390, scheme: 'dark' },
] as const;

let server: Server;
let base: string;
let browser: Browser;
const contexts = new Map<string, BrowserContext>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    // The README's images live beside the site's sources, not in its build.
    const [dir, rest] = url.pathname.startsWith('/__readme/') ? [join(root, 'docs'), url.pathname.slice('/__readme'.length)] : [site, url.pathname];
    const path = normalize(decodeURIComponent(rest.endsWith('/') ? `${rest}index.html` : rest)).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = readFileSync(join(dir, path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  for (const view of VIEWS) {
    const context = await browser.newContext({ viewport: { width: view.width, height: 900 }, colorScheme: view.scheme });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    contexts.set(`${view.width}-${view.scheme}`, context);
  }
  mkdirSync(artifacts, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** A page of `context` that records console errors, page errors and failed requests. */
async function open(context: BrowserContext, path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('requestfailed', (r) => errors.push(`failed: ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()}: ${r.url()}`);
  });
  const response = await page.goto(`${base}/${path}`, { waitUntil: 'load' });
  expect(response?.status(), path).toBe(200);
  await page.evaluate(() => document.fonts.ready);
  return { page, errors };
}

/** What a reader could miss at this width: anything outside the viewport, and where each formula box stands. */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = window.innerWidth;
    if (document.scrollingElement!.scrollWidth > width) problems.push(`the page scrolls sideways: ${document.scrollingElement!.scrollWidth} > ${width}`);
    for (const box of document.querySelectorAll<HTMLElement>('.sd-math')) {
      const rect = box.getBoundingClientRect();
      if (rect.width === 0) continue;
      if (rect.right > width + 0.5 || rect.left < -0.5) problems.push(`formula box outside the viewport: ${box.textContent?.slice(0, 40)}`);
      const style = getComputedStyle(box);
      if (box.scrollWidth > box.clientWidth + 1 && !['auto', 'scroll'].includes(style.overflowX)) problems.push(`formula cut off: ${box.textContent?.slice(0, 40)}`);
      if (box.tabIndex !== 0) problems.push('a formula box takes no keyboard focus');
    }
    for (const text of document.querySelectorAll<HTMLElement>('.sd-why, .sd-sub > summary, .sd-plot svg, .pg-form')) {
      const rect = text.getBoundingClientRect();
      if (rect.width > 0 && rect.right > width + 0.5) problems.push(`outside the viewport: ${text.className || text.tagName} ${text.textContent?.slice(0, 40)}`);
    }
    return problems;
  });
}

/** The relative luminance (0 dark to 1 light) of a CSS rgb() colour. */
const luminance = (rgb: string): number => {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? ['0', '0', '0']).map(Number);
  return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
};

describe('the docs site in Chromium', () => {
  it('has English and Chinese pages, a page per derivation in each, and the guide pages', () => {
    const en = pages.filter((p) => p.startsWith('derivations/'));
    const zh = pages.filter((p) => p.startsWith('zh/derivations/'));
    expect(en.length).toBeGreaterThanOrEqual(20);
    expect(zh.map((p) => p.slice(3))).toEqual(en);
    for (const guide of ['index.html', 'getting-started.html', 'api.html', 'cli.html', 'playground.html']) {
      expect(pages).toContain(guide);
      expect(pages).toContain(`zh/${guide}`);
    }
  });

  it.each(pages)('%s reads at 1280 and 390 px, light and dark', async (path) => {
    for (const view of VIEWS) {
      const where = `${path} at ${view.width} px, ${view.scheme}`;
      const { page, errors } = await open(contexts.get(`${view.width}-${view.scheme}`)!, path);
      if (path.endsWith('playground.html')) await page.waitForSelector('.pg-output .sd-row');
      // Every sub-derivation and the list of laws open, so that what they hold is checked too.
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      expect(await page.locator('.katex-error').count(), where).toBe(0);
      expect(await layoutProblems(page), where).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.classList.contains('dark')), where).toBe(view.scheme === 'dark');
      const derivation = page.locator('.stepdiff .sd-chain').first();
      if ((await derivation.count()) > 0) {
        // Rule names are text, not LaTeX; each formula has its copy button, shown.
        expect(await page.locator('.sd-why .sd-rule').count(), where).toBeGreaterThan(0);
        expect(await page.locator('button.sd-copy:visible').count(), where).toBe(await page.locator('.sd-math').count());
        const ink = await page.locator('.sd-math .katex').first().evaluate((e) => getComputedStyle(e).color);
        expect(luminance(ink) > 0.5, `${where}: math colour ${ink}`).toBe(view.scheme === 'dark');
      }
      const curve = page.locator('.sd-plot .sd-curve-0');
      if ((await curve.count()) > 0) {
        expect((await curve.first().getAttribute('d'))!.split('L').length, where).toBeGreaterThan(100);
        const stroke = await curve.first().evaluate((e) => getComputedStyle(e).stroke);
        expect(luminance(stroke) > 0.4, `${where}: curve colour ${stroke}`).toBe(view.scheme === 'dark');
      }
      if (path === 'derivations/sigmoid-quotient.html' || path === 'zh/derivations/sigmoid-quotient.html') {
        expect(await page.locator('.stepdiff').first().innerText()).toContain(path.startsWith('zh') ? '代回定义' : 'Substitute the definition back');
        await page.screenshot({ path: join(artifacts, `${path.replace(/\//g, '-').replace('.html', '')}-${view.width}-${view.scheme}.png`), fullPage: true });
      }
      expect(errors, where).toEqual([]);
      await page.close();
    }
  });

  it('every derivation page of one variable has its plot', async () => {
    const { page } = await open(contexts.get('1280-light')!, 'derivations/sigmoid-second-derivative.html');
    expect(await page.locator('.sd-plot path[class^="sd-curve-"]').count()).toBe(3);
    await page.close();
    for (const path of pages.filter((p) => p.includes('derivations/'))) {
      const source = readFileSync(join(root, 'docs', path.replace(/\.html$/, '.md')), 'utf8');
      const html = readFileSync(join(site, path), 'utf8');
      expect(html.includes('class="sd-plot"'), path).toBe(source.includes('plot: true'));
    }
  });

  it('searches locally, in each language, and switches language', async () => {
    for (const [path, query, title] of [['index.html', 'cross-entropy', 'Binary cross-entropy'], ['zh/index.html', 'softmax', 'Softmax 的导数']] as const) {
      const { page, errors } = await open(contexts.get('1280-light')!, path);
      await page.click('.VPNavBarSearch button');
      await page.fill('.VPLocalSearchBox input', query);
      await page.waitForSelector('.VPLocalSearchBox .result');
      expect(await page.locator('.VPLocalSearchBox .result').allInnerTexts(), path).toEqual(expect.arrayContaining([expect.stringContaining(title)]));
      expect(errors).toEqual([]);
      await page.close();
    }
    const { page } = await open(contexts.get('1280-light')!, 'derivations/relu.html');
    expect(await page.locator('a[href$="zh/derivations/relu.html"]').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('the README images render, in light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await contexts.get(`1280-${scheme}`)!.newPage();
      await page.goto(`${base}/__readme/sigmoid-plot.svg`);
      const text = await page.locator('text').first().evaluate((e) => getComputedStyle(e).fill);
      expect(luminance(text) > 0.5, `${scheme}: ${text}`).toBe(scheme === 'dark');
      await page.goto(`${base}/404.html`).catch(() => undefined);
      await page.evaluate((at) => void (document.body.innerHTML = `<img src="${at}/__readme/sigmoid-derivation.svg"><img src="${at}/__readme/sigmoid-plot.svg">`), base);
      await page.waitForFunction(() => [...document.images].every((i) => i.complete));
      expect(await page.evaluate(() => [...document.images].map((i) => i.naturalWidth > 0))).toEqual([true, true]);
      await page.close();
    }
  });
});

describe('the playground', () => {
  /** The playground at `query`, once the library has loaded and rendered. */
  async function playground(query = '', width = 390): Promise<{ page: Page; errors: string[] }> {
    const opened = await open(contexts.get(`${width}-light`)!, `playground.html${query}`);
    await opened.page.waitForSelector('.playground[data-ready="yes"]');
    return opened;
  }

  it('shows the steps and the plot as one types, and keeps them in the URL', async () => {
    const { page, errors } = await playground();
    await page.fill('#pg-expression', '');
    await page.fill('#pg-define', '');
    await page.locator('#pg-expression').pressSequentially('1/(1+exp(-x))');
    await page.waitForFunction(() => document.querySelectorAll('.pg-output .sd-row').length > 5);
    expect(await page.locator('.pg-output').innerText()).toContain('Quotient rule');
    expect(await page.locator('.pg-plot .sd-curve-1').count()).toBe(1);
    const url = new URL(page.url());
    expect(url.searchParams.get('e')).toBe('1/(1+exp(-x))');
    // The link opens the same state in a fresh page.
    const again = await playground(url.search);
    expect(await again.page.inputValue('#pg-expression')).toBe('1/(1+exp(-x))');
    expect(await again.page.inputValue('#pg-define')).toBe('');
    expect(await again.page.locator('.pg-output').innerText()).toBe(await page.locator('.pg-output').innerText());
    expect([...errors, ...again.errors]).toEqual([]);
    await page.close();
    await again.page.close();
  });

  it('underlines where the input is wrong and says so', async () => {
    const { page } = await playground();
    await page.fill('#pg-expression', 'sin(x +* 2)');
    await page.waitForSelector('.pg-error');
    expect(await page.locator('.pg-error').innerText()).toContain('column 8');
    expect(await page.locator('.pg-bad').innerText()).toBe('*');
    expect(await page.getAttribute('#pg-expression', 'aria-invalid')).toBe('true');
    await page.fill('#pg-expression', 'sin(x) + 2');
    await page.waitForSelector('.pg-error', { state: 'detached' });
    // A definition's error is shown on its own line.
    await page.fill('#pg-define', 'σ(x) = 1/(1+exp(-x)))');
    await page.waitForSelector('.pg-bad');
    expect(await page.locator('.pg-bad').innerText()).toBe(')');
    await page.close();
  });

  it('reads LaTeX, and takes the options', async () => {
    const { page } = await playground('?e=%5Cfrac%7B1%7D%7B1%2Be%5E%7B-x%7D%7D&method=chain&order=2');
    await page.waitForSelector('.pg-output .sd-row');
    const text = await page.locator('.pg-output').innerText();
    expect(text).toContain('Second derivative with respect to x');
    expect(await page.inputValue('#pg-method')).toBe('chain');
    expect(await page.locator('.pg-plot path[class^="sd-curve-"]').count()).toBe(3);
    await page.close();
  });

  it('copies a formula, the whole derivation as LaTeX or Markdown, and on selection', async () => {
    const { page } = await playground('?e=x%5E2*sin(x)');
    await page.waitForSelector('.pg-output button.sd-copy:visible');
    const button = page.locator('.pg-output button.sd-copy').nth(1);
    await button.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await button.getAttribute('data-latex'));
    await page.click('button[data-copy="latex"]');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^% Differentiate with respect to x\n/);
    await page.click('button[data-copy="markdown"]');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^## Differentiate with respect to x\n/);
    // KaTeX's copy-tex: selecting a rendered formula and copying gives its LaTeX.
    const copied = await page.evaluate(() => {
      const math = document.querySelectorAll('.pg-output .sd-math .katex')[1]!;
      const range = document.createRange();
      range.selectNode(math);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      let text = '';
      const listener = (e: ClipboardEvent): void => void (text = e.clipboardData?.getData('text/plain') ?? '');
      document.addEventListener('copy', listener);
      document.execCommand('copy');
      document.removeEventListener('copy', listener);
      return text;
    });
    expect(copied).toContain(await page.locator('.pg-output button.sd-copy').nth(1).getAttribute('data-latex'));
    await page.close();
  });

  it('checks my work: the first wrong line and the mistake', async () => {
    const { page } = await playground('?e=sin(x%5E2)&mode=check&line=cos(x%5E2)');
    await page.waitForSelector('.pg-output tr.wrong');
    const text = await page.locator('.pg-output').innerText();
    expect(text).toContain('missing-inner-derivative');
    await page.fill('#pg-lines', '2*x*cos(x^2)');
    await page.waitForSelector('.pg-output tr.wrong', { state: 'detached' });
    expect(new URL(page.url()).searchParams.getAll('line')).toEqual(['2*x*cos(x^2)']);
    await page.close();
  });
});
