// The layout stays true: every module of src/ and rules/ sits in a layer, imports only from its own
// layer or those below it, and no chain of imports (type-only ones included) comes back to where it
// started. The imports are read from the source text, so this also holds before anything is built.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url);

/** The layers from the bottom up: a module may import from its own layer and from those before it. */
const LAYERS: ReadonlyArray<{ readonly name: string; readonly holds: (file: string) => boolean }> = [
  { name: 'expr', holds: (f) => f.startsWith('src/expr/') },
  { name: 'parse', holds: (f) => f.startsWith('src/parse/') },
  { name: 'engine', holds: (f) => f.startsWith('src/engine/') },
  { name: 'rules', holds: (f) => f.startsWith('rules/') },
  { name: 'present', holds: (f) => f.startsWith('src/present/') },
  { name: 'api', holds: (f) => f === 'src/api.ts' || f === 'src/index.ts' || f === 'src/cli.ts' },
  { name: 'plugins', holds: (f) => f.startsWith('src/plugins/') },
];

/** Packages only one layer may import: the parser is the one place mathjs is used, the presenters KaTeX. */
const PACKAGE_HOMES: Readonly<Record<string, string>> = { mathjs: 'parse', katex: 'present' };

interface ImportRef {
  readonly specifier: string;
  /** Offset of the specifier's opening quote in the source. */
  readonly at: number;
}

// An import or re-export clause: a default name, `{ … }` (over lines), `* as X`, or a default with
// braces; `type` may precede it. Anchored at a line start, where every module statement of ours is.
const STATIC = /^[ \t]*(?:import|export)\s+(?:type\s+)?(?:\{[^}]*\}|\*(?:\s+as\s+[\w$]+)?|[\w$]+(?:\s*,\s*(?:\{[^}]*\}|\*\s+as\s+[\w$]+))?)\s+from\s+(')([^']+)'/gm;
const SIDE_EFFECT = /^[ \t]*import\s+(')([^']+)'/gm;
const DYNAMIC = /\bimport\(\s*(')([^']+)'\s*\)/g;

/** Every module a source text imports, re-exports or loads dynamically, type-only imports included. */
function importsOf(source: string): ImportRef[] {
  const comments = commentRanges(source);
  const found: ImportRef[] = [];
  for (const pattern of [STATIC, SIDE_EFFECT, DYNAMIC]) {
    for (const m of source.matchAll(pattern)) {
      const at = m.index + m[0].lastIndexOf(`'${m[2]!}'`);
      if (!comments.some(([from, to]) => at >= from && at < to)) found.push({ specifier: m[2]!, at });
    }
  }
  return found.sort((a, b) => a.at - b.at);
}

/** The [start, end) offsets of `//` and `/* … *\/` comments (quotes are skipped, so '//' in a string is no comment). */
function commentRanges(source: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === "'" || c === '"' || c === '`') {
      i = source.indexOf(c, i + 1);
      if (i < 0) break;
      i++;
    } else if (c === '/' && source[i + 1] === '/') {
      const end = source.indexOf('\n', i);
      ranges.push([i, end < 0 ? source.length : end]);
      i = end < 0 ? source.length : end;
    } else if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      ranges.push([i, end < 0 ? source.length : end + 2]);
      i = end < 0 ? source.length : end + 2;
    } else i++;
  }
  return ranges;
}

/** The .ts files below `dir` (relative to the repository root), sorted. */
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const name of readdirSync(new URL(`${rel}/`, ROOT))) {
      const path = `${rel}/${name}`;
      if (statSync(new URL(path, ROOT)).isDirectory()) walk(path);
      else if (name.endsWith('.ts')) out.push(path);
    }
  };
  walk(dir);
  return out.sort();
}

const FILES = [...sourceFiles('src'), ...sourceFiles('rules')];
const KNOWN = new Set(FILES);

/** A relative specifier resolved to the repository path of the .ts file it names. */
const resolve = (from: string, specifier: string): string => posix.normalize(posix.join(posix.dirname(from), specifier)).replace(/\.js$/, '.ts');

const layerOf = (file: string): number => LAYERS.findIndex((l) => l.holds(file));

interface Edge {
  readonly from: string;
  readonly to: string;
}

const GRAPH: ReadonlyMap<string, { readonly local: readonly string[]; readonly packages: readonly string[] }> = new Map(
  FILES.map((file) => {
    const refs = importsOf(readFileSync(new URL(file, ROOT), 'utf8'));
    const local = refs.filter((r) => r.specifier.startsWith('.')).map((r) => resolve(file, r.specifier));
    const packages = refs.filter((r) => !r.specifier.startsWith('.')).map((r) => r.specifier);
    return [file, { local: [...new Set(local)], packages: [...new Set(packages)] }];
  }),
);

const EDGES: readonly Edge[] = [...GRAPH].flatMap(([from, { local }]) => local.map((to) => ({ from, to })));

/** The groups of files that import each other in a circle (Tarjan's strongly connected components), each sorted. */
function stronglyConnected(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)?.includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('the import scanner', () => {
  it('finds every form of import and re-export, over several lines, and none inside comments', () => {
    const source = [
      "import a from './a.js';",
      "import type { B } from './b.js';",
      'import {',
      '  c,',
      '  type C,',
      "} from '../c.js';",
      "import * as D from './d.js';",
      "import e, { f } from 'pkg-e';",
      "import './side-effect.js';",
      "export { g } from './g.js';",
      "export * from './h.js';",
      "export type { I } from './i.js';",
      "// import j from './j.js';",
      "/* import k from './k.js'; */",
      "const url = 'http://example.org'; // import l from './l.js'",
      "const m = () => import('./m.js');",
      "const text = 'not an import from here';",
    ].join('\n');
    expect(importsOf(source).map((r) => r.specifier)).toEqual(['./a.js', './b.js', '../c.js', './d.js', 'pkg-e', './side-effect.js', './g.js', './h.js', './i.js', './m.js']);
  });

  it('misses no `from` clause of any module in src/ or rules/', () => {
    for (const file of FILES) {
      const source = readFileSync(new URL(file, ROOT), 'utf8');
      const comments = commentRanges(source);
      const seen = new Set(importsOf(source).map((r) => r.at));
      for (const m of source.matchAll(/\bfrom\s+'[^']+'/g)) {
        const at = m.index + m[0].indexOf("'");
        if (comments.some(([from, to]) => at >= from && at < to)) continue;
        expect(seen.has(at), `${file}: ${m[0]}`).toBe(true);
      }
    }
  });
});

describe('the layout', () => {
  it('every module of src/ and rules/ sits in a layer, and every relative import names one of them', () => {
    expect(FILES.length).toBeGreaterThan(60);
    expect(FILES.filter((f) => layerOf(f) < 0)).toEqual([]);
    expect(EDGES.filter((e) => !KNOWN.has(e.to))).toEqual([]);
  });

  it('src/ has at most three files at its top level, rules/ only its five folders and index.ts', () => {
    const top = readdirSync(new URL('src/', ROOT)).filter((f) => !statSync(new URL(`src/${f}`, ROOT)).isDirectory());
    expect(top.length).toBeLessThanOrEqual(3);
    expect(readdirSync(new URL('rules/', ROOT)).sort()).toEqual(['algebra', 'differentiation', 'equation', 'functions', 'index.ts', 'mistakes']);
  });

  it('has no import circle, type-only imports included', () => {
    expect(stronglyConnected(new Map([...GRAPH].map(([file, { local }]) => [file, local])))).toEqual([]);
  });

  it('has no import from a lower layer to a higher one', () => {
    const upward = EDGES.filter((e) => layerOf(e.to) > layerOf(e.from)).map((e) => `${e.from} (${LAYERS[layerOf(e.from)]!.name}) -> ${e.to} (${LAYERS[layerOf(e.to)]!.name})`);
    expect(upward).toEqual([]);
  });

  it('rule modules import only the expression core and the engine; only rules/index.ts and src/api.ts import rules', () => {
    const rulesReach = EDGES.filter((e) => e.from.startsWith('rules/') && e.from !== 'rules/index.ts' && !e.to.startsWith('src/expr/') && !e.to.startsWith('src/engine/'));
    expect(rulesReach).toEqual([]);
    const intoRules = EDGES.filter((e) => e.to.startsWith('rules/') && e.from !== 'rules/index.ts' && e.from !== 'src/api.ts');
    expect(intoRules).toEqual([]);
  });

  it('mathjs is imported only by the parser, KaTeX only by the presenters, and no Node module below them', () => {
    const misplaced = [...GRAPH].flatMap(([file, { packages }]) =>
      packages
        .filter((p) => {
          const home = PACKAGE_HOMES[p.split('/')[0]!];
          if (home !== undefined) return LAYERS[layerOf(file)]!.name !== home;
          return p.startsWith('node:') && layerOf(file) < LAYERS.findIndex((l) => l.name === 'present');
        })
        .map((p) => `${file} imports ${p}`),
    );
    expect(misplaced).toEqual([]);
  });

  it('the checks above see a circle and an upward import when there is one', () => {
    // The same analysis on a small graph with both faults, so a check that passes cannot be one that never fires.
    const graph = new Map([
      ['src/expr/a.ts', ['src/expr/b.ts']],
      ['src/expr/b.ts', ['src/engine/c.ts']],
      ['src/engine/c.ts', ['src/expr/a.ts']],
    ]);
    const edges = [...graph].flatMap(([from, to]) => to.map((t) => ({ from, to: t })));
    expect(edges.filter((e) => layerOf(e.to) > layerOf(e.from))).toEqual([{ from: 'src/expr/b.ts', to: 'src/engine/c.ts' }]);
    expect(stronglyConnected(graph)).toEqual([['src/engine/c.ts', 'src/expr/a.ts', 'src/expr/b.ts']]);
  });
});
