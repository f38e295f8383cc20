// Runs one case in a worker thread: stepdiff's full derivation and mathjs.derivative, interleaved.

import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import * as mathjs from 'mathjs';
import { derive, StepdiffError, toLatex } from '../src/index.js';
import { nodeCount } from '../src/engine/algebra.js';
import type { Case } from './cases.js';

/** What the main thread asks for. */
export interface Job {
  readonly case: Case;
  readonly tools: ReadonlyArray<'stepdiff' | 'mathjs'>;
  /**
   * Untimed calls first, so both tools are measured after the JIT has settled: each tool alone for
   * `soloMs`, then rounds of both for `ms` (at least one, when `max` allows); at most `max` of each.
   */
  readonly warmup: { readonly soloMs: number; readonly ms: number; readonly max: number };
  /** Then timed rounds: as many as fit in `ms`, at least `min`, at most `max`. */
  readonly timed: { readonly ms: number; readonly min: number; readonly max: number };
  /**
   * Before each timed or interleaved warm-up call, this long a loop that only reads the clock
   * (untimed), in place of the other tool's call: it tells what the time between calls costs from
   * what the work done in it costs.
   */
  readonly pauseMs?: number;
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
/** Busy for `ms`, reading only the clock. */
function pause(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

/** One call of `tool`, after the job's pause unless `warming`; `record` keeps its time. */
function call(tool: 'stepdiff' | 'mathjs', record: boolean, warming = false): void {
  const o = outcome.get(tool)!;
  if (o.error !== undefined) return;
  if (job.pauseMs !== undefined && !warming) pause(job.pauseMs);
  const start = performance.now();
  try {
    o.outputNodes = run[tool](job.case);
  } catch (error) {
    o.error = error instanceof StepdiffError ? error.code : error instanceof Error ? `${error.constructor.name}: ${error.message.slice(0, 60)}` : String(error);
    return;
  }
  const elapsed = performance.now() - start;
  o.peakHeap = Math.max(o.peakHeap, getHeapStatistics().used_heap_size);
  if (record) samples.get(tool)!.push(elapsed);
}

/** One call of each tool, in turn, so both see the same machine noise. */
function round(record: boolean): void {
  for (const tool of job.tools) call(tool, record);
}

// Each tool alone first. Interleaved with a slower tool, a fast one makes too few calls in the
// warm-up for V8 to optimise what it runs once per call: after 2 s of rounds with mathjs (about 700
// sigmoid derivations), 95 of stepdiff's functions were still being optimised in the timed window.
for (const tool of job.tools) {
  const soloEnd = performance.now() + job.warmup.soloMs;
  for (let i = 0; i < job.warmup.max && performance.now() < soloEnd; i++) call(tool, false, true);
}
const warmEnd = performance.now() + job.warmup.ms;
for (let i = 0; i < job.warmup.max && (i === 0 || performance.now() < warmEnd); i++) round(false);
const timedEnd = performance.now() + job.timed.ms;
for (let i = 0; i < job.timed.max && (i < job.timed.min || performance.now() < timedEnd); i++) round(true);
const result: Record<string, Outcome> = {};
for (const tool of job.tools) {
  const s = samples.get(tool)!.sort((a, b) => a - b);
  const o = outcome.get(tool)!;
  result[tool] = { median: s.length ? s[Math.floor(s.length / 2)]! : Number.NaN, times: s.length, peakHeap: o.peakHeap, outputNodes: o.outputNodes, ...(o.error ? { error: o.error } : {}) };
}
parentPort!.postMessage(result);
