// The top layer, with src/index.ts and src/cli.ts: the public API that runs anywhere (Node and the
// browser bundle, whose entry this is), and the one place the rule lists (rules/) are wired into the
// engine. It may import every layer below; index.ts adds what needs Node (standalone pages).

import { BUILTIN_FUNCTIONS, MISTAKES, COLLECT, DIFFERENTIATION_RULES, EQUATION_RULES, GOALS, NORMALISE, STRATEGIES } from '../rules/index.js';
import substituteRule from '../rules/algebra/substitute.js';
import { Derivation, type Message, type Step } from './engine/derivation.js';
import { Partials } from './engine/partials.js';
import { StepdiffError, withinStack } from './expr/errors.js';
import type { Definition, Expr, ExprOf } from './expr/expr.js';
import * as X from './expr/expr.js';
import { callsIn, d, dependsOn, freeSymbols, variablesOf } from './expr/expr.js';
import { canonicalName, isName } from './expr/functions.js';
import { nearest } from './expr/nearest.js';
import { checkedExpr, evaluatedDerivative } from './parse/check.js';
import { positionOfNode } from './parse/position.js';
import { degeneratePart } from './engine/degenerate.js';
import { evaluateAt } from './engine/evaluate-at.js';
import { boundariesOf } from './engine/boundaries.js';
import { checkLines } from './engine/check-work.js';
import { WorkCheck } from './engine/work-check.js';
import { DEFAULT_LIMITS, parseDefinition as parseDefinitionText, parseExpression as parseExpressionText, type ParseLimits, type ParseOptions, type Parsed } from './parse/parse.js';
import { toText as textOf } from './expr/text.js';
import { toLatex as latexOf } from './expr/latex.js';
import { evaluate as valueOf, type Environment } from './engine/evaluate.js';
import { indexRules } from './engine/rewrite.js';
import { differentiate, type Differentiated, type Session } from './engine/session.js';
import { differentiateAgain, differentiateImplicitly } from './engine/implicit.js';
import { equationSign, parseEquation } from './parse/equation.js';
import { atLatexPosition, fromLatex, looksLikeLatex } from './parse/latex-input.js';
import { exprMap } from './expr/expr-map.js';
import { hasDerivative, KIND_BIT, shapeOf } from './expr/shape.js';
import { applyEverywhere, callsAny, simplify, type SimplifySettings } from './engine/simplify.js';
import { NONZERO_ASSUMPTIONS, type AlgebraContext, type Method } from './engine/rule.js';
import type { Budget } from './engine/limits.js';
import type { LatexOptions } from './expr/latex.js';

/** Options for `derive`. */
export interface DeriveOptions {
  /** The variable of differentiation; defaults to the only free symbol (x when there is none). */
  readonly wrt?: string;
  /** Function definitions such as "σ(x) = 1/(1+exp(-x))", in order; later ones may use earlier ones. */
  readonly define?: readonly string[];
  /** How quotients are differentiated (default: the quotient rule). */
  readonly method?: Method;
  /** A point to evaluate the derivative at, such as { x: 0 } or { x: '1/2' }: values are numbers or exact inputs ('pi', 'log(2)'). */
  readonly at?: Readonly<Record<string, number | string>>;
  /**
   * Differentiate an equation implicitly: this variable is a function of `wrt` (y in x^2 + y^2 = 1),
   * and the result is its derivative dy/dx (with `order` 2, d²y/dx²) in terms of x and y.
   */
  readonly dependent?: string;
  /** How many times to differentiate, 1 to 10 (default 1): each lower order is a part of the derivation. */
  readonly order?: number;
  /** Equalities that hold for this input, each a step where used: ['sum(t_i, i) = 1'] for labels that sum to 1. */
  readonly assume?: readonly string[];
  /** How the input is written: 'text' (mathjs syntax) or 'latex' (\\frac{1}{1+e^{-x}}); by default, LaTeX when it starts with a backslash. */
  readonly input?: 'text' | 'latex';
  /** Parser limits (input length and nesting depth). */
  readonly limits?: Partial<ParseLimits>;
  /** Most rule applications one derivation may take (default 200,000). */
  readonly maxSteps?: number;
  /** Largest expression, in nodes, any step may produce (default 1,000,000). */
  readonly maxNodes?: number;
  /** Most nodes all the steps' expressions may hold together, i.e. the printed size (default 3,000,000). */
  readonly maxOutput?: number;
  /** Optional wall-clock budget in milliseconds; past it the derivation stops with 'timeout'. */
  readonly budgetMs?: number;
  /**
   * Simplify the raw derivative step by step and, with definitions, fold it back into the defined
   * functions (default true); false returns the raw result of the differentiation rules.
   */
  readonly simplify?: boolean;
}

export const DEFAULT_MAX_STEPS = 200_000;
export const DEFAULT_MAX_NODES = 1_000_000;
export const DEFAULT_MAX_OUTPUT = 3_000_000;

const METHODS: readonly Method[] = ['quotient', 'chain', 'reciprocal'];

/** The differentiation rules by the kind of body they fire on (the list is fixed, so indexed once). */
const DIFFERENTIATION = indexRules(DIFFERENTIATION_RULES);

/** The variable to differentiate by: the option if given (validated), else the only free symbol. */
function chooseVariable(expr: Expr, requested: string | undefined): string {
  if (requested !== undefined) {
    const name = canonicalName(requested.trim());
    if (name === 'e' || name === 'pi' || name === 'π') {
      throw new StepdiffError('constant-variable', `${name} is a constant, not a variable to differentiate by.`);
    }
    if (!isName(name)) {
      throw new StepdiffError('invalid-variable', `"${requested}" is not a variable name.`);
    }
    return name;
  }
  const free = freeSymbols(expr);
  if (free.length === 0) return 'x';
  if (free.length === 1) return free[0]!;
  throw new StepdiffError('ambiguous-variable', `The expression has several variables (${free.join(', ')}); say which one with wrt.`);
}

/** The definitions the expressions use, directly or through other definitions, in the order they are met. */
function usedDefinitions(exprs: readonly Expr[], definitions: ReadonlyMap<string, Definition>): Definition[] {
  const used = new Map<string, Definition>();
  const visit = (e: Expr): void => {
    for (const node of callsIn(e)) {
      if (used.has(node.name)) continue;
      const def = definitions.get(node.name);
      if (def === undefined) continue;
      used.set(node.name, def);
      visit(def.body);
    }
  };
  for (const e of exprs) visit(e);
  return [...used.values()];
}

/** Differentiates `input` step by step and returns the whole derivation. */
export function derive(input: string | Expr, given: DeriveOptions = {}): Derivation {
  return withinStack(() => deriveWithin(input, given));
}

function deriveWithin(input: string | Expr, given: DeriveOptions): Derivation {
  return derivationOf(prepare(input, given));
}

/** The derivation of a prepared input: implicit for an equation, else of the order asked for. */
function derivationOf(prep: Prepared): Derivation {
  const { options, expr, parsed, definitions } = prep;
  if (options.dependent !== undefined) return implicitDerivation(prep, options.dependent);
  // An input that is itself a derivative, derivative(u, x), is the operator: derive works it out
  // (its value is u'), rather than differentiating it once more.
  const operator = expr.kind === 'd' && expr.at === undefined ? expr : undefined;
  const wrt = operator?.wrt ?? chooseVariable(expr, options.wrt ?? (parsed.definition?.params.length === 1 ? parsed.definition.params[0] : undefined));
  if (operator !== undefined && options.wrt !== undefined && canonicalName(options.wrt.trim()) !== wrt) {
    throw new StepdiffError('invalid-option', `The input is a derivative by ${wrt} already; leave wrt out or make it ${wrt}.`);
  }
  refuseIndexAsVariable(expr, wrt);
  const others = variablesOf([expr], usedDefinitions([expr], definitions));
  others.delete(wrt);
  const session = sessionFor(prep, { partial: others.size > 0 });
  // The n-th derivative is the derivative of the (n − 1)-th: d/dx taken n − 1 times inside, each
  // derived as a part of its own before the next starts from its result.
  let target = operator ?? (d(expr, wrt) as ExprOf<'d'>);
  for (let k = 1; k < (options.order ?? 1); k++) target = d(target, wrt) as ExprOf<'d'>;
  return completed(prep, session, wrt, differentiate(target, session), options.at);
}

/** The derivation of dy/dx (and the higher orders asked for) from an equation, y = `dependent` a function of x. */
function implicitDerivation(prep: Prepared, dependent: string): Derivation {
  const { options, expr } = prep;
  if (expr.kind !== 'eq') throw new StepdiffError('invalid-equation', `dependent: ${dependent} asks for implicit differentiation, which needs an equation, such as x^2 + ${dependent}^2 = 1.`);
  const y = chooseVariable(expr, dependent);
  if (!dependsOn(expr, y)) throw new StepdiffError('invalid-equation', `The equation has no ${y} in it, so it does not define ${y} as a function.`);
  const others = freeSymbols(expr).filter((name) => name !== y);
  if (options.wrt === undefined && others.length > 1) {
    throw new StepdiffError('ambiguous-variable', `The equation has several variables besides ${y} (${others.join(', ')}); say which one ${y} is a function of with wrt.`);
  }
  const wrt = chooseVariable(expr, options.wrt ?? others[0] ?? 'x');
  if (wrt === y) throw new StepdiffError('invalid-option', `${y} cannot depend on itself: dependent and wrt must be different variables.`);
  const session = sessionFor(prep, { partial: others.some((name) => name !== wrt), dependent: y });
  const first = differentiateImplicitly(expr, wrt, y, session, EQUATION_RULES);
  let main = first;
  // dy/dx, then d²y/dx² = d/dx[dy/dx], …: each order starts from the derivative of the one below.
  let start = d(X.sym(y), wrt);
  for (let k = 2; k <= (options.order ?? 1); k++) {
    const lower = new Derivation('', expr, wrt, main.start, main.steps, main.result, [], [], true, session.latex, main.parts);
    start = d(start, wrt);
    main = { ...differentiateAgain(start as ExprOf<'d'>, main, first.result, y, session), parts: [lower] };
  }
  return completed(prep, session, wrt, main, options.at);
}

/** Refuses differentiating by the index of a sum (sum(z_j, j) by j): an index counts terms, it is no variable. */
function refuseIndexAsVariable(expr: Expr, wrt: string): void {
  const sum = X.findPath(expr, (n) => n.kind === 'fn' && n.name === 'sum' && X.equals(n.args[1]!, X.sym(wrt)));
  if (sum !== undefined) throw new StepdiffError('invalid-variable', `${wrt} is the index of a sum, not a variable to differentiate by; differentiate by an indexed symbol such as z_${wrt === 'k' ? 'm' : 'k'}.`);
}

/** An input parsed and checked, with its definitions and options: what every kind of derivation starts from. */
interface Prepared {
  readonly started: number;
  readonly options: DeriveOptions;
  readonly limits: ParseLimits;
  readonly definitions: Map<string, Definition>;
  readonly parsed: Parsed;
  readonly expr: Expr;
  readonly text: string;
  /** What the derivation says of its input: the parser's normalisations, the built-in definitions used. */
  readonly notes: readonly Message[];
  /** The equalities the caller said hold (assume), each as [left, right]. */
  readonly assumptions: ReadonlyArray<readonly [Expr, Expr]>;
}

function prepare(given: string | Expr, options: DeriveOptions): Prepared {
  const started = performance.now();
  const checked = checkedOptions(options);
  const method = checked.method ?? 'quotient';
  if (!METHODS.includes(method)) {
    throw new StepdiffError('invalid-option', `Unknown method "${String(method)}"; use one of ${METHODS.join(', ')}.`);
  }
  const limits = limitsOf(checked);
  // Parsed before the input, so that an error in a definition keeps its own position.
  const definitions = parseDefinitions(checked.define ?? [], limits);
  // LaTeX is read into the text syntax first; an error is then reported at its column in the LaTeX.
  const latex = typeof given === 'string' && (checked.input === 'latex' || (checked.input === undefined && looksLikeLatex(given)));
  if (!latex) return prepareText(given, checked, started, limits, definitions);
  const read = fromLatex(given as string);
  try {
    const prep = prepareText(read.text, checked, started, limits, definitions);
    return { ...prep, notes: [...prep.notes, { text: 'LaTeX read as text', values: {} }], text: given as string };
  } catch (error) {
    throw error instanceof StepdiffError ? atLatexPosition(error, read) : error;
  }
}

function prepareText(input: string | Expr, options: DeriveOptions, started: number, limits: ParseLimits, definitions: Map<string, Definition>): Prepared {
  // derivative(u, x) in the text is the operator stepdiff prints: every step it shows reads back.
  const implicit = options.dependent !== undefined;
  if (typeof input === 'string' && !implicit) refuseEquation(input);
  const known = withBuiltins(definitions, typeof input === 'string' ? definedName(input) : undefined);
  const parsed = typeof input === 'string'
    ? (implicit ? parseEquation : parseExpressionText)(input, known, limits, { inertDerivatives: true })
    : { expr: checkedExpr(input, limits, known, options.maxNodes ?? DEFAULT_MAX_NODES), notes: [] };
  if (!implicit && parsed.expr.kind === 'eq') throw equationWithoutDependent();
  const builtins = withUsedBuiltins([parsed.definition?.body ?? parsed.expr], parsed.definition === undefined ? definitions : new Map([...definitions, [parsed.definition.name, parsed.definition]]));
  for (const [name, def] of builtins.definitions) definitions.set(name, def);
  if (parsed.definition !== undefined) definitions.set(parsed.definition.name, parsed.definition);
  const expr = parsed.expr;
  if (typeof input === 'string' && X.findPath(expr, (n) => n.kind === 'd' && n.at !== undefined, hasDerivative) !== undefined) {
    throw evaluatedDerivative(input.search(/\bderivative\s*\(/));
  }
  for (const side of expr.kind === 'eq' ? [expr.left, expr.right] : [parsed.definition?.body ?? expr]) refuseDegenerate(side, typeof input === 'string' ? input : undefined, definitions);
  const assumptions = (options.assume ?? []).map((text) => {
    const equation = parseEquation(text, withBuiltins(definitions), limits).expr;
    if (equation.kind !== 'eq') throw new StepdiffError('invalid-option', 'assume takes equations, such as "sum(t_i, i) = 1".');
    return [equation.left, equation.right] as const;
  });
  return { started, options, limits, definitions, parsed, expr, text: typeof input === 'string' ? input : '', notes: [...parsed.notes.map((text) => ({ text, values: {} })), ...builtins.notes], assumptions };
}

const equationWithoutDependent = (position?: number): StepdiffError =>
  new StepdiffError('invalid-equation', 'This is an equation: to differentiate it implicitly, say which variable is a function of the other, such as dependent: \'y\'.', position);

/** Refuses an equation given without `dependent` (x^2 + y^2 = 1, y = x^2), which mathjs would misread as an assignment; a definition f(x) = … is read. */
function refuseEquation(text: string): void {
  const sign = equationSign(text);
  if (sign !== undefined && !/^\s*[\p{L}_][\p{L}\p{N}_]*\s*\([^()]*\)\s*$/u.test(text.slice(0, sign))) throw equationWithoutDependent(sign);
}

/** The state the derivations of one call share: the budget, and the derivatives found so far. */
function sessionFor(prep: Prepared, latex: LatexOptions): Session {
  const { options, definitions, parsed } = prep;
  const budget = budgetFor(options, prep.started);
  return {
    method: options.method ?? 'quotient',
    definitions,
    // An input that is itself a definition, f(x) = …, is differentiated through its body.
    inside: new Set(parsed.definition === undefined ? [] : [parsed.definition.name]),
    rules: DIFFERENTIATION,
    collect: COLLECT,
    budget,
    latex,
    algebra: algebraSettings(foldableInto(definitions), budget, latex, prep.assumptions, holdsOf([prep.expr, ...[...definitions.values()].map((def) => def.body)])),
    simplify: options.simplify !== false,
    found: exprMap(),
    known: new Map(),
  };
}

/** The Derivation of `main`: the definitions it shows, whether it could be written in them, and its value at `at`. */
function completed(prep: Prepared, session: Session, wrt: string, main: Differentiated, at: DeriveOptions['at']): Derivation {
  const { options, expr, parsed, definitions } = prep;
  const result = main.result;
  // Which definitions the result is to be written in matters only when it does not call them all
  // (sigmoid's result calls σ): finding them walks the input with the substitute rule.
  const called = new Set(callsIn(result).map((call) => call.name));
  // An input that is itself a definition, h(t) = t^3, defines what is differentiated: its derivative
  // is not to be written in terms of h.
  const foldable = parsed.definition === undefined ? definitions : new Map([...definitions].filter(([name]) => name !== parsed.definition!.name));
  const targets = [...foldable.keys()].every((name) => called.has(name)) ? undefined : foldTargets(expr, foldable);
  // A built-in function's derivative is written in the functions it names (softplus' in σ), not in itself.
  const goal = targets === undefined ? undefined : new Set([...targets].flatMap((name) => (isBuiltin(definitions.get(name)) ? BUILTINS.get(name)!.writtenIn : [name])));
  // The definitions shown: those the input uses, those the result is to be written in, and those it calls.
  const calls = goal === undefined ? [] : [...goal].map((name) => X.fn(name, definitions.get(name)!.params.map(X.sym)));
  const used = usedDefinitions([expr, result, ...calls], definitions);
  const messages: Message[] = [...prep.notes];
  const folded = options.simplify === false || goal === undefined || goal.size === 0 || [...goal].some((name) => called.has(name));
  if (!folded) messages.push({ text: 'The result could not be written in terms of {names}', values: { names: [...goal!].join(', ') } });
  // An equation's function is defined where both its sides are.
  const domain = expr.kind === 'eq' ? X.sub(expr.left, expr.right) : expr;
  // Exact arithmetic only: with no definitions to fold into, σ(0) written out stays 1/2.
  const exact = (e: Expr) => simplify(e, algebraSettings(new Map(), session.budget, session.latex));
  // What a piecewise result does where its cases meet, said of the function in the input.
  const boundaries = expr.kind === 'eq' ? [] : boundariesOf(parsed.definition?.body ?? expr, result, wrt, { definitions, simplify: exact });
  messages.push(...boundaries.map((b) => b.message));
  const point = at === undefined ? undefined : pointOf(at, expr, wrt, definitions, prep.limits);
  const kink = point === undefined ? undefined : boundaries.find((b) => !b.differentiable && point.some(([name, v]) => name === wrt && X.equals(v, b.at)));
  const evaluation = point === undefined ? undefined : kink !== undefined ? { point, steps: [], reason: kink.message } : evaluateAt(domain, result, point, {
    definitions,
    simplify: exact,
    isZero: zeroProof(definitions),
    latex: session.latex,
    assumed: assumedNonZero([...main.parts.flatMap((part) => part.chain), { steps: main.steps }]),
  });
  // A derivative asked for at a point where it does not exist is an incomplete answer, never NaN.
  const complete = folded && evaluation?.reason === undefined;
  return new Derivation(prep.text, expr, wrt, main.start, main.steps, result, used, messages, complete, session.latex, main.parts, evaluation);
}

/** Options for `checkWork`: those of `derive` that say what f is and how its lines are written. */
export type CheckOptions = Pick<DeriveOptions, 'wrt' | 'define' | 'method' | 'input' | 'limits' | 'maxSteps' | 'maxNodes' | 'maxOutput' | 'budgetMs'>;

/**
 * Checks a learner's derivation of f: `lines` is their chain f′ = line 1 = line 2 = … (text or
 * LaTeX). Each line is compared with f′; the first that is not gets its most likely mistake.
 */
export function checkWork(input: string | Expr, lines: readonly string[], options: CheckOptions = {}): WorkCheck {
  return withinStack(() => {
    if (!Array.isArray(lines) || !allStrings(lines)) throw new StepdiffError('invalid-option', 'The lines to check are a list of strings, one expression each.');
    if (lines.length === 0) throw new StepdiffError('empty-input', 'There are no lines to check: give at least one line of the derivative.');
    const prep = prepare(input, options);
    const derivation = derivationOf(prep);
    const known = withBuiltins(prep.definitions);
    const variables = variablesOf([derivation.expr, X.sym(derivation.wrt)], derivation.definitions);
    const parsed = lines.map((text, i) => {
      const latex = prep.options.input === 'latex' || (prep.options.input === undefined && looksLikeLatex(text));
      const read = latex ? fromLatex(text) : undefined;
      let expr: Expr;
      try {
        expr = parseExpressionText(read?.text ?? text, known, prep.limits).expr;
      } catch (error) {
        if (!(error instanceof StepdiffError)) throw error;
        const placed = read === undefined ? error : atLatexPosition(error, read);
        throw new StepdiffError(placed.code, `Line ${i + 1}: ${placed.message.replace(/ \(at column \d+\)$/, '')}`, placed.position);
      }
      const strangers = freeSymbols(expr).filter((name) => !variables.has(name));
      if (strangers.length > 0) throw new StepdiffError('invalid-expression', `Line ${i + 1} uses ${strangers.join(', ')}, which the function does not (its variables: ${[...variables].join(', ')}).`);
      return { text, expr };
    });
    const session = sessionFor(prep, { partial: false });
    const checked = checkLines(parsed, {
      f: derivation.expr,
      wrt: derivation.wrt,
      derivative: derivation.result,
      steps: derivation.steps,
      session,
      mistakes: MISTAKES,
      definitions: prep.definitions,
    });
    return new WorkCheck(checked, derivation);
  });
}

/** Options for `gradient` and `hessian`: those of `derive`, with the variables as a list. */
export interface PartialsOptions extends Omit<DeriveOptions, 'wrt' | 'order' | 'at' | 'dependent'> {
  /** The variables, in order: the gradient's components, the Hessian's rows and columns. */
  readonly wrt: readonly string[];
}

/** The gradient of `input`: one derivation per partial derivative, sharing what they find. */
export function gradient(input: string | Expr, given: PartialsOptions): Partials {
  return withinStack(() => {
    const { prep, names, session } = partialsSetup(input, given);
    const parts = names.map((v) => completed(prep, session, v, differentiate(d(prep.expr, v) as ExprOf<'d'>, session), undefined));
    return new Partials('gradient', names, parts.map((p) => p.result), parts);
  });
}

/** The Hessian matrix of `input`: each mixed partial derived once, from the first partial it recalls; symmetric. */
export function hessian(input: string | Expr, given: PartialsOptions): Partials {
  return withinStack(() => {
    const { prep, names, session } = partialsSetup(input, given);
    const entries: Derivation[][] = names.map(() => []);
    names.forEach((vi, i) => {
      for (let j = i; j < names.length; j++) {
        const entry = completed(prep, session, names[j]!, differentiate(d(d(prep.expr, vi), names[j]!) as ExprOf<'d'>, session), undefined);
        entries[i]![j] = entry;
        entries[j]![i] = entry;
      }
    });
    const upper = names.flatMap((_, i) => entries[i]!.slice(i));
    return new Partials('hessian', names, entries.map((row) => row.map((e) => e.result)), upper);
  });
}

function partialsSetup(input: string | Expr, given: PartialsOptions): { prep: Prepared; names: string[]; session: Session } {
  const list = given !== null && typeof given === 'object' ? (given as { wrt?: unknown }).wrt : undefined;
  if (!Array.isArray(list) || list.length === 0 || !allStrings(list)) {
    throw new StepdiffError('invalid-variable', 'wrt must be a list of variable names, such as ["w", "b"].');
  }
  if (Object.hasOwn(given, 'dependent')) throw new StepdiffError('invalid-option', 'gradient and hessian take no dependent: implicit differentiation is derive\'s, with one variable.');
  const prep = prepare(input, { ...given, wrt: undefined } as DeriveOptions);
  const names = (list as string[]).map((name) => chooseVariable(prep.expr, name));
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice !== undefined) throw new StepdiffError('invalid-variable', `wrt lists ${twice} twice.`);
  return { prep, names, session: sessionFor(prep, { partial: true }) };
}

/** The expressions the steps of `derivations` (sub-steps included) assumed are not 0. */
function assumedNonZero(derivations: ReadonlyArray<{ readonly steps: readonly Step[] }>): Expr[] {
  const found: Expr[] = [];
  const visit = (steps: readonly Step[]): void => {
    for (const step of steps) {
      const note = step.note;
      for (const said of note === undefined ? [] : [note, ...(note.also ?? [])]) {
        const slot = Object.hasOwn(NONZERO_ASSUMPTIONS, said.text) ? NONZERO_ASSUMPTIONS[said.text]! : undefined;
        const c = slot === undefined ? undefined : said.values[slot];
        if (c !== undefined) found.push(c);
      }
      visit(step.substeps);
    }
  };
  for (const d of derivations) visit(d.steps);
  return found;
}

/** What the expressions hold that some algebraic rules are only for (see AlgebraContext.holds). */
function holdsOf(exprs: readonly Expr[]): { sums: boolean; cases: boolean; abs: boolean } {
  const names = new Set(exprs.flatMap((e) => callsIn(e).map((call) => call.name)));
  const cases = exprs.some((e) => (shapeOf(e).kinds & KIND_BIT.cond) !== 0);
  return { sums: names.has('sum') || names.has('softmax'), cases: cases || names.has('max') || names.has('min'), abs: names.has('abs') };
}

/** The algebra stage's rules and strategies, over the given definitions and budget. */
function algebraSettings(
  definitions: ReadonlyMap<string, Definition>,
  budget: Budget,
  latex: LatexOptions,
  assumptions: ReadonlyArray<readonly [Expr, Expr]> = [],
  holds?: AlgebraContext['holds'],
): SimplifySettings {
  return { normalise: NORMALISE, strategies: STRATEGIES, goals: GOALS, context: { definitions, assumptions, ...(holds === undefined ? {} : { holds }) }, budget, latex };
}

/** The limits of one call's work, counted from `started`. */
function budgetFor(options: DeriveOptions, started: number): Budget {
  return {
    maxSteps: options.maxSteps ?? DEFAULT_MAX_STEPS,
    maxNodes: options.maxNodes ?? DEFAULT_MAX_NODES,
    maxOutput: options.maxOutput ?? DEFAULT_MAX_OUTPUT,
    spent: { output: 0 },
    deadline: options.budgetMs === undefined ? Number.POSITIVE_INFINITY : started + options.budgetMs,
  };
}

/** What proving a divisor zero may spend: a few thousand steps, never the caller's budget. */
const ZERO_PROOF_BUDGET = { maxSteps: 5_000, maxNodes: 100_000, maxOutput: 1_000_000, deadline: Number.POSITIVE_INFINITY } as const;

/** Whether the simplifier proves an expression zero everywhere, within a small budget of its own. */
function zeroProof(definitions: ReadonlyMap<string, Definition>): (e: Expr) => boolean {
  return (e) => {
    try {
      return X.isNum(simplify(e, algebraSettings(definitions, { ...ZERO_PROOF_BUDGET, spent: { output: 0 } }, {})).result, 0);
    } catch (error) {
      if (error instanceof StepdiffError) return false;
      throw error;
    }
  };
}

/**
 * The point `at` names, each value parsed exactly (0.1 is 1/10, pi is π): its names must be
 * variables of `expr` (or the variable of differentiation), its values numbers with a value.
 */
function pointOf(at: Readonly<Record<string, number | string>>, expr: Expr, wrt: string, definitions: ReadonlyMap<string, Definition>, limits: ParseLimits): Array<readonly [string, Expr]> {
  const variables = new Set([...freeSymbols(expr), wrt]);
  const point = new Map<string, Expr>();
  for (const key of Object.keys(at)) {
    const name = canonicalName(key.trim());
    if (!variables.has(name)) {
      throw new StepdiffError('invalid-option', `at names ${JSON.stringify(key)}, which is not a variable of the expression (${[...variables].join(', ')}).`);
    }
    if (point.has(name)) throw new StepdiffError('invalid-option', `at gives ${name} twice.`);
    const given = at[key];
    const text = typeof given === 'number' && Number.isFinite(given) ? String(given) : typeof given === 'string' ? given : undefined;
    if (text === undefined) throw new StepdiffError('invalid-option', `at: the value of ${name} must be a finite number or a number written as text such as "1/2" or "pi".`);
    const value = parseExpressionText(text, definitions, limits).expr;
    if (freeSymbols(value).length > 0) throw new StepdiffError('invalid-option', `at: the value of ${name}, ${JSON.stringify(text)}, is not a number.`);
    refuseDegenerate(value, undefined, definitions);
    point.set(name, value);
  }
  if (point.size === 0) throw new StepdiffError('invalid-option', 'at names no variable; give one, such as { x: 0 }.');
  return [...point];
}

/**
 * Refuses `expr` (written as `text`, when it was text) if a part of it has no value: a division by
 * zero, log(0), 0^x, a constant outside the reals. The simplifier is the proof that a divisor such
 * as x − x is zero everywhere; the sampling in degeneratePart asks it only of likely ones.
 */
function refuseDegenerate(expr: Expr, text: string | undefined, definitions: ReadonlyMap<string, Definition>): void {
  const fault = degeneratePart(expr, definitions, zeroProof(definitions));
  if (fault === undefined) return;
  throw new StepdiffError(fault.code, fault.message, text === undefined ? undefined : positionOfNode(text, expr, fault.node));
}

/** The user's definitions, in order: a later one may use the earlier ones. */
function parseDefinitions(texts: readonly string[], limits: ParseLimits): Map<string, Definition> {
  const definitions = new Map<string, Definition>();
  for (const text of texts) {
    const known = withBuiltins(definitions, definedName(text));
    const def = parseDefinitionText(text, known, limits);
    refuseDegenerate(def.body, text, known);
    definitions.set(def.name, def);
  }
  return definitions;
}

/** A built-in function's definition under one of its names, and the functions its derivative is written in. */
interface Builtin {
  readonly definition: Definition;
  readonly writtenIn: readonly string[];
}

/** The built-in functions by name, parsed once when stepdiff is loaded (σ before silu, whose body calls it). */
const BUILTINS: ReadonlyMap<string, Builtin> = (() => {
  const read = new Map<string, Definition>();
  const builtins = new Map<string, Builtin>();
  for (const f of BUILTIN_FUNCTIONS) {
    for (const name of f.names) {
      const definition: Definition = { ...parseDefinitionText(`${name}(${f.params.join(', ')}) = ${f.body}`, read), builtin: true };
      read.set(name, definition);
      builtins.set(name, { definition, writtenIn: f.writtenIn.map((w) => (w === 'self' ? name : w)) });
    }
  }
  return builtins;
})();

/** Whether `def` is a built-in function's own definition (not a user's of the same name). */
const isBuiltin = (def: Definition | undefined): boolean => def !== undefined && BUILTINS.get(def.name)?.definition === def;

/** The definitions a result may be folded back into: a built-in written in other functions (silu in σ) is not one of them. */
function foldableInto(definitions: ReadonlyMap<string, Definition>): Map<string, Definition> {
  return new Map([...definitions].filter(([name, def]) => !isBuiltin(def) || BUILTINS.get(name)!.writtenIn.includes(name)));
}

/** The name a definition's text defines (σ in "σ(x) = …"), if it looks like one: a user's σ replaces the built-in σ, which is then not there to clash with. */
function definedName(text: string): string | undefined {
  const head = text.includes('=') ? /^\s*([^\s(=]+)\s*\([^()=]*\)\s*=/u.exec(text) : null;
  return head === null ? undefined : canonicalName(head[1]!);
}

/** The user's definitions, with the built-in functions they do not redefine: what input is parsed with. */
function withBuiltins(definitions: ReadonlyMap<string, Definition>, except?: string): Map<string, Definition> {
  const all = new Map<string, Definition>();
  for (const [name, builtin] of BUILTINS) if (!definitions.has(name) && name !== except) all.set(name, builtin.definition);
  for (const [name, def] of definitions) all.set(name, def);
  return all;
}

/**
 * The user's definitions with the built-in functions `exprs` use (directly, or through other
 * definitions) and those their derivatives are written in (softplus' is σ); and the notes saying
 * which built-ins were used, and which a user's definition replaced.
 */
function withUsedBuiltins(exprs: readonly Expr[], user: ReadonlyMap<string, Definition>): { definitions: Map<string, Definition>; notes: Message[] } {
  const known = withBuiltins(user);
  const used = usedDefinitions([...exprs, ...[...user.values()].map((def) => def.body)], known).filter(isBuiltin);
  const definitions = new Map(user);
  for (const def of used) {
    definitions.set(def.name, def);
    for (const name of BUILTINS.get(def.name)!.writtenIn) {
      for (const dep of usedDefinitions([X.fn(name, [X.sym('x')])], known)) if (!definitions.has(dep.name)) definitions.set(dep.name, dep);
    }
  }
  const notes: Message[] = [];
  const builtinNames = [...definitions.values()].filter(isBuiltin).map((def) => def.name);
  if (builtinNames.length > 0) notes.push({ text: 'Built-in definition used for {names}', values: { names: builtinNames.join(', ') } });
  for (const def of user.values()) {
    const builtin = BUILTINS.get(def.name)?.definition;
    if (builtin !== undefined && !(builtin.params.length === def.params.length && X.equals(X.substitute(builtin.body, new Map(builtin.params.map((p, i) => [p, X.sym(def.params[i]!)]))), def.body))) {
      notes.push({ text: 'Your definition of {name} replaces the built-in one', values: { name: def.name } });
    }
  }
  return { definitions, notes };
}

// Options a JavaScript caller may pass with the wrong type: a NaN limit would switch its check off
// (every comparison with NaN is false), and a string for `define` would be read letter by letter.

/** The option `key` if `given` has it as its own property: an inherited, polluted `wrt` is not an option. */
function own(given: object, key: string): unknown {
  return Object.hasOwn(given, key) ? (given as Record<string, unknown>)[key] : undefined;
}

/** The option `key` of `given` (own properties only), refused unless it is a number. */
function checkedNumber(given: object, key: string): number | undefined {
  const v = own(given, key);
  if (v !== undefined && (typeof v !== 'number' || Number.isNaN(v))) throw new StepdiffError('invalid-option', `${key} must be a number.`);
  return v;
}

function allStrings(list: readonly unknown[]): boolean {
  for (let i = 0; i < list.length; i++) if (typeof list[i] !== 'string') return false;
  return true;
}

/** Most times one call differentiates: each order is a derivation of its own, printed in full. */
const MAX_ORDER = 10;

function checkedOrder(order: number | undefined): number | undefined {
  if (order !== undefined && !(Number.isInteger(order) && order >= 1 && order <= MAX_ORDER)) {
    throw new StepdiffError('invalid-option', `order must be a whole number from 1 to ${MAX_ORDER}, not ${order}.`);
  }
  return order;
}

/** Every option `derive` (and, of them, `gradient`, `hessian` and `simplifyExpression`) reads. */
const OPTION_NAMES: readonly string[] = ['wrt', 'define', 'method', 'at', 'dependent', 'order', 'input', 'assume', 'limits', 'maxSteps', 'maxNodes', 'maxOutput', 'budgetMs', 'simplify'];

/** Refuses an option name no function reads ({ wrtt: 'x' } would otherwise be ignored), naming the nearest one. */
function refuseUnknownOptions(given: object, names: readonly string[], what: string): void {
  for (const key of Object.keys(given)) {
    if (names.includes(key)) continue;
    const near = nearest(key, names);
    throw new StepdiffError('invalid-option', `${what} has no option ${JSON.stringify(key)}${near === undefined ? '' : `; did you mean ${near}?`} (options: ${names.join(', ')}).`);
  }
}

/** The caller's options, each of its type, read from its own properties into an object of every option. */
function checkedOptions(given: DeriveOptions | null | undefined): DeriveOptions {
  const options = given ?? {};
  if (typeof options !== 'object') throw new StepdiffError('invalid-option', 'The options must be an object.');
  refuseUnknownOptions(options, OPTION_NAMES, 'derive');
  const wrt = own(options, 'wrt');
  if (wrt !== undefined && typeof wrt !== 'string') throw new StepdiffError('invalid-variable', 'wrt must be a variable name, given as a string.');
  const define = own(options, 'define');
  // Indexed, not `every`: a sparse array's holes are skipped by `every` and would reach the parser.
  if (define !== undefined && !(Array.isArray(define) && allStrings(define))) {
    throw new StepdiffError('invalid-option', 'define must be a list of definitions, each a string.');
  }
  const assume = own(options, 'assume');
  if (assume !== undefined && !(Array.isArray(assume) && allStrings(assume))) throw new StepdiffError('invalid-option', 'assume must be a list of equations, each a string.');
  const simplify = own(options, 'simplify');
  if (simplify !== undefined && typeof simplify !== 'boolean') throw new StepdiffError('invalid-option', 'simplify must be true or false.');
  const at = own(options, 'at');
  if (at !== undefined && (typeof at !== 'object' || at === null || Array.isArray(at))) {
    throw new StepdiffError('invalid-option', 'at must be an object of values, such as { x: 0 }.');
  }
  const limits = own(options, 'limits');
  if (limits !== undefined && (typeof limits !== 'object' || limits === null)) {
    throw new StepdiffError('invalid-option', 'limits must be an object such as { maxDepth: 200 }.');
  }
  if (limits !== undefined) refuseUnknownOptions(limits, ['maxLength', 'maxDepth'], 'limits');
  return {
    wrt,
    define: define as string[] | undefined,
    method: own(options, 'method') as Method | undefined,
    limits: limits === undefined ? undefined : { maxLength: checkedNumber(limits, 'maxLength'), maxDepth: checkedNumber(limits, 'maxDepth') },
    order: checkedOrder(checkedNumber(options, 'order')),
    at: at as Readonly<Record<string, number | string>> | undefined,
    maxSteps: checkedNumber(options, 'maxSteps'),
    maxNodes: checkedNumber(options, 'maxNodes'),
    maxOutput: checkedNumber(options, 'maxOutput'),
    budgetMs: checkedNumber(options, 'budgetMs'),
    simplify,
    dependent: checkedName(options, 'dependent'),
    input: checkedInput(own(options, 'input')),
    assume: assume as string[] | undefined,
  };
}

function checkedInput(input: unknown): 'text' | 'latex' | undefined {
  if (input !== undefined && input !== 'text' && input !== 'latex') throw new StepdiffError('invalid-option', `input must be 'text' or 'latex', not ${JSON.stringify(input)}.`);
  return input;
}

/** The option `key`, refused unless it is a string. */
function checkedName(given: object, key: string): string | undefined {
  const v = own(given, key);
  if (v !== undefined && typeof v !== 'string') throw new StepdiffError('invalid-variable', `${key} must be a variable name, given as a string.`);
  return v;
}

/** The parser limits: the defaults, overridden by the limits given. */
function limitsOf(options: DeriveOptions): ParseLimits {
  const given = options.limits;
  if (given === undefined) return DEFAULT_LIMITS;
  return { maxLength: given.maxLength ?? DEFAULT_LIMITS.maxLength, maxDepth: given.maxDepth ?? DEFAULT_LIMITS.maxDepth };
}

/** Simplifies an expression step by step (the algebra stage alone), folding into `define` where it can. */
export function simplifyExpression(input: string | Expr, given: Pick<DeriveOptions, 'define' | 'maxSteps' | 'maxNodes' | 'maxOutput' | 'budgetMs' | 'limits'> = {}): { readonly steps: readonly Step[]; readonly result: Expr } {
  return withinStack(() => simplifyWithin(input, given));
}

function simplifyWithin(input: string | Expr, given: Pick<DeriveOptions, 'define' | 'maxSteps' | 'maxNodes' | 'maxOutput' | 'budgetMs' | 'limits'>): { readonly steps: readonly Step[]; readonly result: Expr } {
  const started = performance.now();
  const options = checkedOptions(given);
  const limits = limitsOf(options);
  const definitions = parseDefinitions(options.define ?? [], limits);
  const expr = typeof input === 'string' ? parseExpressionText(input, definitions, limits).expr : checkedExpr(input, limits, definitions, options.maxNodes ?? DEFAULT_MAX_NODES);
  if (expr.kind === 'eq') throw new StepdiffError('invalid-equation', 'simplifyExpression simplifies an expression, not an equation.');
  refuseDegenerate(expr, typeof input === 'string' ? input : undefined, definitions);
  const budget = budgetFor(options, started);
  return simplify(expr, algebraSettings(definitions, budget, {}));
}

/** The defined functions a result should be written in: those the input calls or whose body it contains. */
function foldTargets(expr: Expr, definitions: ReadonlyMap<string, Definition>): Set<string> {
  const targets = new Set<string>();
  for (const def of definitions.values()) {
    const one = new Map([[def.name, def]]);
    if (callsAny(expr, new Set([def.name])) || applyEverywhere(expr, substituteRule, { definitions: one }) !== undefined) targets.add(def.name);
  }
  return targets;
}

export { Derivation, Step } from './engine/derivation.js';
export { Partials } from './engine/partials.js';
export { WorkCheck } from './engine/work-check.js';
export type { CheckedLine, CheckedLineJSON, WorkCheckJSON } from './engine/work-check.js';
export type { PartialsJSON, PartialsKind } from './engine/partials.js';
export type { DerivationJSON, DerivationPartJSON, Evaluation, EvaluationJSON, Message, RuleInfo, StepJSON } from './engine/derivation.js';
export { StepdiffError } from './expr/errors.js';
export type { ErrorCode } from './expr/errors.js';
export type { Definition, Expr, ExprOf, Kind, Path } from './expr/expr.js';
export * as build from './expr/expr.js';
export { numericDerivative } from './engine/evaluate.js';
export type { Environment } from './engine/evaluate.js';
export { latexName } from './expr/latex.js';
export type { LatexOptions } from './expr/latex.js';
export { DEFAULT_LIMITS } from './parse/parse.js';
export type { ParseLimits, Parsed } from './parse/parse.js';
export type { Method, Note, Rule, RuleContext } from './engine/rule.js';

export { toMarkdown } from './present/markdown.js';
export { toHTML, stepsHTML, resultHTML, escapeHtml, formulaCount, formulaHtml } from './present/html.js';
export { toPlot, plottable } from './present/plot.js';
export { checkFragment as checkHTML, checkMarkdown } from './present/check.js';
export type { PlotOptions } from './present/plot.js';
export { STEPDIFF_CSS, STEPDIFF_DARK } from './present/style.js';
export { enableCopyButtons } from './present/copy.js';
export { renderWhenOpened } from './present/deferred.js';
export type { HtmlOptions } from './present/html.js';
export { present, toLatexDocument } from './present/present.js';
export type { Presentation, Block } from './present/present.js';
export { renderMath } from './present/render.js';
export { LOCALES, isLocale } from './engine/locale.js';
export type { Locale } from './engine/locale.js';
export { DIFFERENTIATION_RULES as rules } from '../rules/index.js';

// The printers, the evaluator and the parser recurse over the tree: run from outside, each turns a
// stack overflow on an Expr deeper than the stack into a typed error, as derive does.

/** Prints `e` as parseable text. */
export const toText = (e: Expr): string => withinStack(() => textOf(e));

/** Prints `e` as LaTeX. */
export const toLatex = (e: Expr, options: LatexOptions = {}): string => withinStack(() => latexOf(e, options));

/**
 * The value of `e` at the given values, a plain object such as { x: 1, yhat: 0.3 } (ASCII names read
 * as the parser reads them: yhat is ŷ, sigma σ) with the definitions its calls need, or at an
 * Environment; NaN outside its real domain. A variable without a value is an invalid-option error.
 */
export function evaluate(e: Expr, values: Readonly<Record<string, number>> | Environment, definitions: readonly Definition[] = []): number {
  return withinStack(() => valueOf(e, environmentOf(e, values, definitions)));
}

function environmentOf(e: Expr, given: Readonly<Record<string, number>> | Environment, definitions: readonly Definition[]): Environment {
  if (given === null || typeof given !== 'object') throw new StepdiffError('invalid-option', 'evaluate takes the values as an object, such as { x: 1 }.');
  const defined = new Map(definitions.map((def) => [def.name, def]));
  if ((given as Environment).values instanceof Map) return { ...(given as Environment), definitions: (given as Environment).definitions ?? defined };
  const values = new Map<string, number>();
  for (const key of Object.keys(given)) {
    const v = (given as Record<string, unknown>)[key];
    if (typeof v !== 'number' || Number.isNaN(v)) throw new StepdiffError('invalid-option', `evaluate: the value of ${key} must be a number.`);
    values.set(canonicalName(key.trim()), v);
  }
  const missing = [...variablesOf([e], definitions)].filter((name) => !values.has(name));
  if (missing.length > 0) throw new StepdiffError('invalid-option', `evaluate: no value for ${missing.join(', ')}.`);
  return { values, definitions: defined };
}

/** Parses an expression (or a definition `f(x) = …`, read as the call f(x)) into an Expr. */
export const parseExpression = (input: string, definitions?: ReadonlyMap<string, Definition>, limits?: ParseLimits, options?: ParseOptions): Parsed =>
  withinStack(() => parseExpressionText(input, definitions, limits, options));

/** Parses a definition `f(x, …) = body`; earlier definitions may be used in the body. */
export const parseDefinition = (input: string, definitions?: ReadonlyMap<string, Definition>, limits?: ParseLimits): Definition =>
  withinStack(() => parseDefinitionText(input, definitions, limits));

/** Whether `expr` depends on the symbol `name`. */
export const dependsOnSymbol = (expr: Expr, name: string): boolean => dependsOn(expr, name);
