// Opens every docs page in headless Chromium from a local server and checks what a reader sees:
// formulas rendered (no .katex-error, at least one .katex per formula), no console errors, and the
// plot drawn. Saves a screenshot of the sigmoid page under test/artifacts/ for a person to look at.

import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const docs = join(root, 'docs');
const artifacts = join(root, 'test', 'artifacts');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.woff2': 'font/woff2', '.svg': 'image/svg+xml' };

// Without the background-networking flags Chromium keeps calling hosts this machine cannot reach.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const pages = ['index.html', ...['en', 'zh'].flatMap((l) => readdirSync(join(docs, l)).filter((f) => f.endsWith('.html')).map((f) => `${l}/${f}`))];

let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = readFileSync(join(docs, path));
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
  mkdirSync(artifacts, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('docs site in Chromium', () => {
  it('has the index and a page per derivation in each language', () => {
    expect(pages.filter((p) => p.startsWith('en/')).length).toBeGreaterThanOrEqual(10);
    expect(pages.filter((p) => p.startsWith('zh/')).length).toBe(pages.filter((p) => p.startsWith('en/')).length);
  });

  it.each(pages)('%s renders every formula without errors', async (path) => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('requestfailed', (r) => errors.push(`failed: ${r.url()}`));
    const response = await page.goto(`${base}/${path}`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    await page.evaluate(() => document.fonts.ready);
    expect(await page.locator('.katex-error').count()).toBe(0);
    const expected = Number(await page.locator('body').getAttribute('data-formulas'));
    expect(await page.locator('.katex').count()).toBeGreaterThanOrEqual(expected);
    expect(await page.locator('.katex math').count()).toBeGreaterThanOrEqual(expected);
    const curves = await page.locator('body').getAttribute('data-plot');
    if (curves !== 'no') {
      // One curve for the function and one per order derived (σ, σ', σ'' on the second derivative's page).
      const paths = await page.locator('figure svg path').evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? ''));
      expect(paths.length).toBe(Number(curves));
      for (const d of paths) expect(d.split('L').length).toBeGreaterThan(100);
      expect(await page.locator('table tbody tr').count()).toBe(5);
    }
    if (path.endsWith('sigmoid-quotient.html')) {
      const text = await page.locator('.stepdiff').innerText();
      expect(text).toContain(path.startsWith('zh') ? '代回定义' : 'Substitute the definition back');
      await page.screenshot({ path: join(artifacts, `${path.replace('/', '-').replace('.html', '')}.png`), fullPage: true });
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the README image of the derivation renders as an image', async () => {
    const page = await browser.newPage({ viewport: { width: 950, height: 700 } });
    await page.setContent(`<img id="d" src="${base}/sigmoid-derivation.svg"><img id="p" src="${base}/sigmoid-plot.svg">`);
    await page.waitForFunction(() => [...document.images].every((i) => i.complete));
    const sizes = await page.evaluate(() => [...document.images].map((i) => i.naturalWidth));
    expect(sizes.every((w) => w > 0)).toBe(true);
    await page.screenshot({ path: join(artifacts, 'readme-images.png'), fullPage: true });
    await page.close();
  });
});
