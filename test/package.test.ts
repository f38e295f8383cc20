// Issue 27, points 1 and 2: the package as a new user meets it. `npm pack` makes the tarball, which
// is unpacked into a fresh project's node_modules (its one dependency, KaTeX, linked from ours),
// and imported from ESM, from CommonJS and from TypeScript with `module: nodenext`.

import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  engines: { node: string };
  exports: Record<string, unknown>;
};

let store = '';
let files: string[] = [];

/** A fresh project in `store` with stepdiff installed from the tarball, and `sources` written into it. */
function project(name: string, sources: Record<string, string>): string {
  const dir = join(store, name);
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  cpSync(join(store, 'package'), join(dir, 'node_modules', 'stepdiff'), { recursive: true });
  symlinkSync(join(root, 'node_modules', 'katex'), join(dir, 'node_modules', 'katex'), 'dir');
  for (const [file, text] of Object.entries(sources)) writeFileSync(join(dir, file), text);
  return dir;
}

const node = (dir: string, file: string) => spawnSync(process.execPath, [file], { cwd: dir, encoding: 'utf8' });

// What each project prints: a derivation's result, an Expr printed three ways, and KaTeX loaded on
// first use (the import itself does not load it).
const EXPECTED = ['2 * x', '2 * x|"2 * x"', 'katex'].join('\n');
const BODY = `
const d = derive('x^2');
console.log(toText(d.result));
console.log(String(d.result) + '|' + JSON.stringify(d.result));
console.log(renderMath('x^2', false).includes('class="katex"') ? 'katex' : 'no katex');
`;

describe('the packed package', () => {
  beforeAll(() => {
    if (!existsSync(join(root, 'dist', 'lib', 'index.js'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
    store = mkdtempSync(join(tmpdir(), 'stepdiff-pack-'));
    // --ignore-scripts: dist/ is built; pack's prepare would build it again.
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', store], { cwd: root, encoding: 'utf8' })) as Array<{ filename: string; files: Array<{ path: string }> }>;
    files = packed[0]!.files.map((f) => f.path);
    execFileSync('tar', ['-xzf', join(store, packed[0]!.filename)], { cwd: store });
  }, 120_000);

  it('holds the bundles, the types, LICENSE and CHANGELOG, and not the unbundled modules', () => {
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'CHANGELOG.md', 'README.md', 'package.json', 'dist/lib/index.js', 'dist/lib/index.cjs', 'dist/lib/cli.js', 'dist/src/index.d.ts']));
    expect(files.filter((f) => f.endsWith('.js') && !f.startsWith('dist/lib/'))).toEqual([]);
    expect(files.filter((f) => /node_modules|\.test\.|^test\/|^docs\/|^bench\//.test(f))).toEqual([]);
  });

  it('depends on KaTeX alone: mathjs is bundled (its parser only), not installed a second time', () => {
    expect(Object.keys(manifest.dependencies)).toEqual(['katex']);
    const bundle = readFileSync(join(store, 'package', 'dist', 'lib', 'index.cjs'), 'utf8');
    expect(bundle).not.toMatch(/require\(["']mathjs["']\)/);
    expect(readFileSync(join(store, 'package', 'LICENSE'), 'utf8')).toContain('== mathjs (Apache License 2.0) ==');
  });

  it('installs without an engine warning on the Node versions engines names: every runtime package wants at most Node 20', () => {
    expect(manifest.engines.node).toBe('>=20');
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; engines?: { node?: string } }> };
    const runtime = Object.entries(lock.packages).filter(([path, p]) => path !== '' && p.dev !== true);
    expect(runtime.map(([path]) => path).sort()).toEqual(['node_modules/commander', 'node_modules/katex']);
    for (const [path, p] of runtime) {
      const wanted = p.engines?.node;
      if (wanted === undefined) continue;
      const least = /^>=\s*(\d+)/.exec(wanted);
      expect(least, `${path} wants node ${wanted}`).not.toBeNull();
      expect(Number(least![1]), `${path} wants node ${wanted}`).toBeLessThanOrEqual(20);
    }
  });

  it('imports from an ESM project', () => {
    const dir = project('esm', { 'package.json': '{ "type": "module" }', 'main.js': `import { derive, renderMath, toText } from 'stepdiff';${BODY}` });
    const out = node(dir, 'main.js');
    expect(out.stderr).toBe('');
    expect(out.stdout.trim()).toBe(EXPECTED);
  });

  it('its markdown-it and remark plugins import from an ESM project, the host a peer it brings', () => {
    const dir = project('plugins', {
      'package.json': '{ "type": "module" }',
      'main.js': `import MarkdownIt from 'markdown-it';
import stepdiff from 'stepdiff/markdown-it';
import remarkStepdiff from 'stepdiff/remark';
const html = new MarkdownIt().use(stepdiff).render('\\u0060\\u0060\\u0060stepdiff\\nx^2\\n\\u0060\\u0060\\u0060\\n');
console.log(html.includes('class="katex"') ? 'rendered' : html);
console.log(typeof remarkStepdiff({}));
`,
    });
    for (const peer of ['markdown-it', 'entities', 'linkify-it', 'mdurl', 'punycode.js', 'uc.micro', 'argparse']) {
      symlinkSync(join(root, 'node_modules', peer), join(dir, 'node_modules', peer), 'dir');
    }
    const out = node(dir, 'main.js');
    expect(out.stderr).toBe('');
    expect(out.stdout.trim()).toBe('rendered\nfunction');
  });

  it('its browser entry imports nothing from node: (KaTeX alone), runs, and ships the stylesheet', () => {
    const bundle = readFileSync(join(store, 'package', 'dist', 'lib', 'browser.js'), 'utf8');
    // Its import statements (a minified statement starts the file or follows ; or }); nothing names a node: module.
    expect([...bundle.matchAll(/(?:^|[;}])import\s*[\w$,{}\s*]*from\s*"([^"]+)"/g)].map((m) => m[1])).toEqual(['katex']);
    expect(bundle).not.toMatch(/["'`]node:/);
    expect(files).toEqual(expect.arrayContaining(['dist/lib/browser.js', 'dist/lib/stepdiff.css']));
    expect(readFileSync(join(store, 'package', 'dist', 'lib', 'stepdiff.css'), 'utf8')).toContain('.dark .stepdiff {');
    const dir = project('browser', {
      'package.json': '{ "type": "module" }',
      'main.js': `import { derive, toHTML, toPlot, toText } from 'stepdiff/browser';
const d = derive('x^2');
console.log(toText(d.result));
console.log(toHTML(d).includes('class="katex"') && toPlot(d).includes('<svg') ? 'rendered' : 'not rendered');
`,
    });
    const out = node(dir, 'main.js');
    expect(out.stderr).toBe('');
    expect(out.stdout.trim()).toBe('2 * x\nrendered');
  });

  it("its browser entry carries mathjs's parser without mathjs's node classes", () => {
    const bundle = readFileSync(join(store, 'package', 'dist', 'lib', 'browser.js'), 'utf8');
    // toTex and _compile are what every mathjs node class defines; stepdiff's own parse nodes have neither.
    expect(bundle).toContain('Parenthesis ) expected');
    expect(bundle).not.toMatch(/\btoTex\b|\b_compile\b/);
  });

  it('requires from a CommonJS project', () => {
    const dir = project('cjs', { 'package.json': '{ "type": "commonjs" }', 'main.js': `const { derive, renderMath, toText } = require('stepdiff');${BODY}` });
    const out = node(dir, 'main.js');
    expect(out.stderr).toBe('');
    expect(out.stdout.trim()).toBe(EXPECTED);
  });

  it('type-checks and runs from a TypeScript nodenext project, CommonJS and ESM', () => {
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    for (const type of ['commonjs', 'module']) {
      const dir = project(`ts-${type}`, {
        'package.json': `{ "type": "${type}" }`,
        'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, outDir: 'out', types: [] } }),
        'main.ts': `import { derive, renderMath, toText, type Derivation, type Expr } from 'stepdiff';
const d: Derivation = derive('x^2');
const result: Expr = d.result;
console.log(toText(result));
console.log(String(result) + '|' + JSON.stringify(result));
console.log(renderMath('x^2', false).includes('class="katex"') ? 'katex' : 'no katex');
`,
      });
      const compiled = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8' });
      expect(compiled.stdout + compiled.stderr, type).toBe('');
      const out = node(dir, join('out', 'main.js'));
      expect(out.stderr, type).toBe('');
      expect(out.stdout.trim(), type).toBe(EXPECTED);
    }
  });

  it('runs the bin from the unpacked package', () => {
    const out = spawnSync(process.execPath, [join(store, 'package', 'dist', 'lib', 'cli.js'), '1/(1+exp(-x))', '--format', 'html'], { cwd: store, encoding: 'utf8', env: { ...process.env, NODE_PATH: join(root, 'node_modules') } });
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('class="katex"');
  });
});
