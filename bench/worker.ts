// Runs one case in a worker thread: stepdiff's full derivation and mathjs.derivative, interleaved.

import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import * as mathjs from 'mathjs';
import { derive, StepdiffError, toLatex } from '../src/index.js';
import { nodeCount } from '../src/algebra.js';
import type { Case } from './cases.js';

/** What the main thread asks for. */
export interface Job {
  readonly case: Case;
  readonly tools: ReadonlyArray<'stepdiff' | 'mathjs'>;
  readonly iterations: number;
  /** Untimed calls of each tool first, so both are measured after the JIT has seen them. */
  readonly warmup: number;
}

/** What the worker answers, per tool. */
export interface Outcome {
  readonly median: number;
  readonly times: number;
  readonly peakHeap: number;
  readonly outputNodes: number;
  readonly error?: string;
}

function stepdiff(c: Case): number {
  const d = derive(c.input, { wrt: c.wrt, ...(c.define ? { define: c.define } : {}), ...c.limits });
  toLatex(d.result, d.latexOptions);
  return nodeCount(d.result);
}

function mathjsDerivative(c: Case): number {
  const result = mathjs.derivative(c.mathjs, c.wrt === 'ŷ' ? 'yhat' : c.wrt);
  let n = 0;
  result.traverse(() => n++);
  return n;
}

const run = { stepdiff, mathjs: mathjsDerivative } as const;

const job = workerData as Job;
const samples = new Map<string, number[]>(job.tools.map((t) => [t, []]));
const outcome = new Map<string, { peakHeap: number; outputNodes: number; error?: string }>(job.tools.map((t) => [t, { peakHeap: 0, outputNodes: 0 }]));
// Warm-up calls first, then the tools take turns so both see the same machine noise.
for (let i = -job.warmup; i < job.iterations; i++) {
  for (const tool of job.tools) {
    const o = outcome.get(tool)!;
    if (o.error !== undefined) continue;
    const start = performance.now();
    try {
      o.outputNodes = run[tool](job.case);
    } catch (error) {
      o.error = error instanceof StepdiffError ? error.code : error instanceof Error ? `${error.constructor.name}: ${error.message.slice(0, 60)}` : String(error);
      continue;
    }
    const elapsed = performance.now() - start;
    o.peakHeap = Math.max(o.peakHeap, getHeapStatistics().used_heap_size);
    if (i >= 0) samples.get(tool)!.push(elapsed);
  }
}
const result: Record<string, Outcome> = {};
for (const tool of job.tools) {
  const s = samples.get(tool)!.sort((a, b) => a - b);
  const o = outcome.get(tool)!;
  result[tool] = { median: s.length ? s[Math.floor(s.length / 2)]! : Number.NaN, times: s.length, peakHeap: o.peakHeap, outputNodes: o.outputNodes, ...(o.error ? { error: o.error } : {}) };
}
parentPort!.postMessage(result);
