// The fuzzers of issue 30, shared by the suite (test/fuzz.test.ts, a bounded run) and the benchmark
// (a longer one): random formulas as text, whose every step must equal the one before and whose
// every block of LaTeX must render in KaTeX; and hostile input, which must end in a result or a
// typed StepdiffError whose message is one displayable line. The checks throw plain Errors, so the
// benchmark can run them without vitest.

import fc from 'fast-check';
import { derive, present, renderMath, StepdiffError, toLatexDocument, toMarkdown, type DeriveOptions, type ErrorCode } from '../src/index.js';
import { allSteps, compareNumerically, samplePoint, seeded } from './helpers.js';
import { evaluate } from '../src/engine/evaluate.js';
import { nodes, type Expr } from '../src/expr/expr.js';

const FUNCTIONS = ['exp', 'log', 'sin', 'cos', 'tan', 'sec', 'csc', 'cot', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'sqrt', 'cbrt', 'abs'];
const EXPONENTS = ['2', '3', '(-1)', '(-2)', '(1/2)', '(1/3)', '(2/3)'];

/** Formulas in x as a person types them: every operator, every built-in function, powers of exp, e^u. */
export const formula: fc.Arbitrary<string> = fc.letrec<{ f: string; leaf: string; node: string }>((tie) => ({
  leaf: fc.constantFrom('x', 'x', 'x', 'x', 'x', '2', '3', '0.5', 'pi', 'e', '1/3'),
  node: fc.oneof(
    fc.tuple(tie('f'), tie('f')).map(([a, b]) => `(${a} + ${b})`),
    fc.tuple(tie('f'), tie('f')).map(([a, b]) => `(${a} - ${b})`),
    fc.tuple(tie('f'), tie('f')).map(([a, b]) => `${a} * ${b}`),
    fc.tuple(tie('f'), tie('f')).map(([a, b]) => `(${a}) / (${b})`),
    fc.tuple(tie('f'), fc.constantFrom(...EXPONENTS)).map(([a, k]) => `(${a})^${k}`),
    fc.tuple(tie('f'), fc.constantFrom(...EXPONENTS)).map(([a, k]) => `exp(${a})^${k}`),
    tie('f').map((a) => `e^(${a})`),
    fc.tuple(fc.constantFrom(...FUNCTIONS), tie('f')).map(([f, a]) => `${f}(${a})`),
    tie('f').map((a) => `-(${a})`),
    fc.tuple(tie('f'), tie('f')).map(([a, b]) => `(${a})^(${b})`),
  ),
  f: fc.oneof({ depthSize: 'medium', maxDepth: 4 }, { weight: 1, arbitrary: tie('leaf') }, { weight: 3, arbitrary: tie('node') }),
})).f;

/** Why derive may refuse a random formula: it has no value somewhere, or it grows past a limit. */
const FORMULA_REFUSALS: ReadonlySet<ErrorCode> = new Set(['division-by-zero', 'undefined-value', 'too-large', 'too-many-steps']);

/** What checking one formula found: how many steps and formulas were checked, or why it was refused. */
export interface FormulaCheck {
  readonly steps: number;
  readonly formulas: number;
  readonly refused?: ErrorCode;
}

/** Where each step is compared with the one before. */
const POINTS = { count: 6, seed: 3 } as const;

const hasInertDerivative = (e: Expr): boolean => [...nodes(e)].some((n) => n.kind === 'd');

/** Derives `text`; throws unless every step equals the one before and every block renders in KaTeX in both languages. */
export function checkFormula(text: string): FormulaCheck {
  let d;
  try {
    d = derive(text, { wrt: 'x' });
  } catch (error) {
    if (error instanceof StepdiffError && FORMULA_REFUSALS.has(error.code)) return { steps: 0, formulas: 0, refused: error.code };
    throw error;
  }
  const steps = allSteps(d.steps);
  // An inert derivative is evaluated by finite differences, which are noise where the function is
  // near 10^10 (e^(e^π)) or its slope is (cos(e^(x^−2)) at x = 0.2): there only the steps without
  // one, which the evaluator computes exactly, are compared. The points are those compared below.
  const random = seeded(POINTS.seed);
  const smooth = Array.from({ length: POINTS.count }, () => samplePoint(['x'], random)).every((values) => {
    const value = Math.abs(evaluate(d.expr, { values }));
    const slope = Math.abs(evaluate(d.result, { values }));
    return !(value > 1e6) && !(slope > 1e4);
  });
  for (const step of smooth ? steps : steps.filter((s) => !hasInertDerivative(s.before) && !hasInertDerivative(s.after))) {
    const { mismatch } = compareNumerically(step.before, step.after, { ...POINTS, parts: true });
    if (mismatch !== undefined) throw new Error(`${text}: step ${step.rule} changes the value (${mismatch}): ${step.toText()}`);
  }
  let formulas = 0;
  for (const locale of ['en', 'zh'] as const) {
    const p = present(d, locale);
    for (const latex of [p.main.latex, ...p.subDerivations.map((b) => b.latex), ...p.definitions, ...p.laws.map((l) => l.law), p.result]) {
      renderMath(latex, true);
      formulas++;
    }
  }
  return { steps: steps.length, formulas };
}

// Pieces of hostile input: terminal and bidi controls, look-alike letters, prototype names, markup,
// numbers at and past every limit, brackets and operators mathjs reads in other ways.
const FRAGMENTS = [
  'x', 'y', 'σ', '𝑥', 'ŷ', 'π', 'e', 'sin', 'exp', 'log', 'f', 'derivative', 'constructor', '__proto__', 'toString', 'valueOf',
  '(', ')', '[', ']', '{', '}', ',', ';', '=', '==', '+', '-', '*', '/', '^', '!', '%', '#', '"', "'", '`', '$', '\\', '\\frac{',
  '<script>', '<img src=x onerror=alert(1)>', '&', '|', '?', ':', '.', '..', '1e309', '1e-400', '0x', '0x1F', '1_000', 'NaN',
  'Infinity', '9'.repeat(40), `0.${'3'.repeat(30)}`, ' ', '\t', '\n', '\r', '\u0000', '\u0007', '\u001b[2J', '\u001b]0;title\u0007',
  '\u202e', '\u2066', '\u200f', '\u061c', '\u0085', '\u00a0', '×', '÷', '·', '−', '²', '√', '∞', '😀', '中', 'ﬁ', 'e\u0301',
];

const fragment = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...FRAGMENTS), fc.integer({ min: 2, max: 300 })).map(([f, n]) => f.repeat(n)) },
);

/** Fragments run together, or a formula with a fragment let in somewhere: past the parser more often. */
const hostileText = fc.oneof(
  fc.array(fragment, { maxLength: 14 }).map((parts) => parts.join('')),
  fc.tuple(formula, fc.array(fc.tuple(fragment, fc.nat()), { minLength: 1, maxLength: 2 })).map(([text, inserts]) =>
    inserts.reduce((t, [piece, at]) => t.slice(0, at % (t.length + 1)) + piece + t.slice(at % (t.length + 1)), text),
  ),
);

/** Hostile input with hostile options. */
export const hostile: fc.Arbitrary<{ readonly input: string; readonly options: DeriveOptions }> = fc.record({
  input: hostileText,
  options: fc.record(
    {
      wrt: fc.oneof({ weight: 3, arbitrary: fc.constant('x') }, { weight: 1, arbitrary: hostileText }),
      define: fc.oneof(
        { weight: 3, arbitrary: fc.constant([]) },
        { weight: 1, arbitrary: fc.array(fc.oneof(fc.constant('f(x) = x^2'), hostileText.map((t) => `f(x) = ${t}`), hostileText), { maxLength: 2 }) },
      ),
      method: fc.constantFrom('quotient', 'chain', 'reciprocal', 'quotient', 'constructor') as fc.Arbitrary<DeriveOptions['method']>,
    },
    { requiredKeys: [] },
  ),
});

/** Terminal controls and bidi marks; a line break is allowed only where a printed form has lines. */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** What one hostile input came to: its time, and the error code when it was refused. */
export interface HostileCheck {
  readonly ms: number;
  readonly code?: ErrorCode;
}

/** Derives hostile input; throws unless it ends in a result or a StepdiffError, and nothing printed carries a control character. */
export function checkHostile(input: string, options: DeriveOptions): HostileCheck {
  const started = performance.now();
  let d;
  try {
    d = derive(input, options);
  } catch (error) {
    const ms = performance.now() - started;
    if (!(error instanceof StepdiffError)) throw new Error(`${JSON.stringify(input)}: ${String(error)}`);
    if (UNSAFE.test(error.message) || error.message.includes('\n') || error.message.length >= 300) {
      throw new Error(`${JSON.stringify(input)}: the message is not one displayable line: ${JSON.stringify(error.message)}`);
    }
    return { ms, code: error.code };
  }
  const ms = performance.now() - started;
  for (const printed of [d.toText(), d.toText('zh'), toLatexDocument(d), toMarkdown(d), JSON.stringify(d.toJSON())]) {
    if (UNSAFE.test(printed)) throw new Error(`${JSON.stringify(input)}: a printed form carries a control character`);
  }
  return { ms };
}
