// Checking a learner's derivation: which lines equal the derivative, the first that does not, and
// the most likely mistake there. A differentiation mistake is found by re-deriving the function
// with one mistaken rule (rules/mistakes/) at one place where its correct rule fired, then at two,
// and comparing with the learner's line numerically; an algebra slip by the single edits (a sign,
// a dropped term) that turn the right line before into the wrong one.

import type { Definition, Expr, ExprOf, Kind } from '../expr/expr.js';
import { children, d, equals, freeSymbols, neg, sym } from '../expr/expr.js';
import { StepdiffError } from '../expr/errors.js';
import { toText } from '../expr/text.js';
import type { Message, Step } from './derivation.js';
import { evaluate } from './evaluate.js';
import { sumOf, termsOf } from './algebra.js';
import { rewriteDerivatives, ruleFor } from './rewrite.js';
import type { Mistake, Rule, RuleContext } from './rule.js';
import type { Session } from './session.js';
import { simplify } from './simplify.js';

/** What a line is found to be. */
export interface LineCheck {
  readonly text: string;
  readonly expr: Expr;
  /** Whether it equals the derivative (at every sampled point where both have a value). */
  readonly equal: boolean;
  /** For the first wrong line: the mistake that explains it, when one does. */
  readonly mistake?: Diagnosis;
}

/** A mistake found at a line: its id, what went wrong (a message to translate), and what the line should have been. */
export interface Diagnosis {
  readonly id: string;
  readonly title: string;
  readonly explanation: Message;
  readonly expected: Expr;
}

/** What checking needs of the derivation it checks against. */
export interface CheckSettings {
  readonly f: Expr;
  readonly wrt: string;
  readonly derivative: Expr;
  /** The correct derivation's steps: where each rule fired is where its mistake can happen. */
  readonly steps: readonly Step[];
  readonly session: Session;
  readonly mistakes: readonly Mistake[];
  readonly definitions: ReadonlyMap<string, Definition>;
}

/** Deterministic points for comparing two functions: a small linear congruential sequence, its own per call. */
function points(symbols: readonly string[], count: number): Array<Map<string, number>> {
  let state = 12345;
  const next = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  return Array.from({ length: count }, () => new Map(symbols.map((s) => [s, 0.15 + 1.7 * next() * (next() < 0.3 ? -1 : 1)])));
}

/** Whether `a` and `b` agree at the sample points where both have a value (at least four of them). */
export function sameFunction(a: Expr, b: Expr, definitions: ReadonlyMap<string, Definition>): boolean {
  const symbols = [...new Set([...freeSymbols(a), ...freeSymbols(b)])];
  let compared = 0;
  for (const values of points(symbols, 16)) {
    const [x, y] = [evaluate(a, { values, definitions }), evaluate(b, { values, definitions })];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    compared++;
    if (Math.abs(x - y) > 1e-7 * Math.max(1, Math.abs(x), Math.abs(y))) return false;
  }
  return compared >= 4;
}

/** The open derivatives every step starts from (sub-steps included), each once: the places rules fired. */
function places(steps: readonly Step[]): Array<ExprOf<'d'>> {
  const found: Array<ExprOf<'d'>> = [];
  const visit = (e: Expr): void => {
    if (e.kind === 'd' && e.at === undefined && !found.some((p) => equals(p, e))) found.push(e);
    children(e).forEach(visit);
  };
  const walk = (list: readonly Step[]): void => list.forEach((s) => (visit(s.before), walk(s.substeps)));
  walk(steps);
  return found;
}

/** The rule the rewriter picks for d(body, wrt): where its mistake can happen. */
function ruleAt(place: ExprOf<'d'>, session: Session): Rule | undefined {
  return ruleFor(place.body, { wrt: place.wrt, method: session.method, definitions: session.definitions, inside: new Set() }, session.rules);
}

/** One mistake, in one of its forms, at one place, as a rule that fires there only. */
const misapplied = (m: Mistake, place: ExprOf<'d'>, form: number): Rule => ({
  id: m.id,
  title: m.title,
  law: '',
  on: [place.body.kind],
  nests: true,
  when: (body: Expr, ctx: RuleContext) => ctx.wrt === place.wrt && equals(body, place.body) && m.to(body, ctx, form) !== undefined,
  to: (body: Expr, ctx: RuleContext) => m.to(body, ctx, form)!,
});

/** The derivative of f as a learner making `wrong` mistakes would write it, or undefined where the rules cannot. */
function mistakenDerivative(wrong: readonly Rule[], settings: CheckSettings): Expr | undefined {
  const rules = new Map(settings.session.rules);
  for (const r of wrong) for (const kind of r.on as Kind[]) rules.set(kind, [r, ...(rules.get(kind) ?? [])]);
  try {
    return rewriteDerivatives(d(settings.f, settings.wrt), {
      rules,
      context: { method: settings.session.method, definitions: settings.session.definitions, inside: new Set() },
      budget: { maxSteps: 20_000, maxNodes: 200_000, maxOutput: 2_000_000, spent: { output: 0 }, deadline: Number.POSITIVE_INFINITY },
      latex: {},
      known: new Map(),
    }).result;
  } catch (error) {
    if (error instanceof StepdiffError) return undefined;
    throw error;
  }
}

/** The mistake (or two) that turns f's derivative into `line`, with what it says of where it happened. */
function differentiationMistake(line: Expr, settings: CheckSettings): Diagnosis | undefined {
  const candidates: Array<{ m: Mistake; place: ExprOf<'d'>; form: number }> = [];
  const all = places(settings.steps);
  for (const m of settings.mistakes) {
    for (const place of all) {
      if (ruleAt(place, settings.session)?.id !== m.variantOf) continue;
      for (let form = 0; form < (m.forms ?? 1); form++) candidates.push({ m, place, form });
    }
  }
  const explained = (found: { m: Mistake; place: ExprOf<'d'> }): Diagnosis => diagnosis(found.m, found.place, settings);
  for (const c of candidates) {
    const result = mistakenDerivative([misapplied(c.m, c.place, c.form)], settings);
    if (result !== undefined && sameFunction(result, line, settings.definitions)) return explained(c);
  }
  // Two mistakes at once, at two places (a bounded number of pairs).
  let tried = 0;
  for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length && tried < 120; j++, tried++) {
      const [a, b] = [candidates[i]!, candidates[j]!];
      if (equals(a.place, b.place)) continue;
      const result = mistakenDerivative([misapplied(a.m, a.place, a.form), misapplied(b.m, b.place, b.form)], settings);
      if (result !== undefined && sameFunction(result, line, settings.definitions)) return explained(a);
    }
  }
  return undefined;
}

/** What `m` at `place` says, its {dg} the derivative of its {g}. */
function diagnosis(m: Mistake, place: ExprOf<'d'>, settings: CheckSettings): Diagnosis {
  const ctx: RuleContext = { wrt: place.wrt, method: settings.session.method, definitions: settings.session.definitions, inside: new Set() };
  const note = m.explain(place.body, ctx);
  const values: Record<string, string> = Object.fromEntries(Object.entries(note.values).map(([k, v]) => [k, toText(v)]));
  const g = note.values['g'];
  if (note.text.includes('{dg}') && g !== undefined) {
    const raw = mistakenDerivative([], { ...settings, f: g, wrt: place.wrt });
    if (raw !== undefined) values['dg'] = toText(simplify(raw, settings.session.algebra).result);
  }
  return { id: m.id, title: m.title, explanation: { text: note.text, values }, expected: settings.derivative };
}

const slip = (before: Expr, text: string, values: Record<string, string>): Diagnosis => ({ id: 'algebra-slip', title: 'Algebra slip', explanation: { text, values }, expected: before });

/** The single edit that turns the right line `before` into the wrong `after` (a sign, a dropped term), if one does. */
function singleEdit(before: Expr, after: Expr, definitions: ReadonlyMap<string, Definition>): Diagnosis | undefined {
  if (sameFunction(neg(before), after, definitions)) return slip(before, 'the sign of the whole line changed', {});
  const terms = termsOf(before);
  if (terms.length > 1) {
    for (let i = 0; i < terms.length; i++) {
      const flipped = sumOf(terms.map((t, j) => (j === i ? { negative: !t.negative, expr: t.expr } : t)));
      if (sameFunction(flipped, after, definitions)) return slip(before, 'the sign of the term {t} changed', { t: toText(terms[i]!.expr) });
      const dropped = sumOf(terms.filter((_, j) => j !== i));
      if (sameFunction(dropped, after, definitions)) return slip(before, 'the term {t} was dropped', { t: toText(terms[i]!.expr) });
    }
  }
  return undefined;
}

/** Each line checked against the derivative, the first wrong one diagnosed. */
export function checkLines(lines: ReadonlyArray<{ readonly text: string; readonly expr: Expr }>, settings: CheckSettings): LineCheck[] {
  const equal = lines.map((l) => sameFunction(l.expr, settings.derivative, settings.definitions) || equals(simplify(l.expr, settings.session.algebra).result, settings.derivative));
  const first = equal.indexOf(false);
  return lines.map((l, i) => {
    if (i !== first) return { text: l.text, expr: l.expr, equal: equal[i]! };
    // After a right line, a single edit of it is an algebra slip before it is a differentiation
    // mistake that happens to give the same line; with no such edit, a mistake that explains it.
    const before = i > 0 && equal[i - 1] ? lines[i - 1]!.expr : undefined;
    const mistake = (before === undefined ? undefined : singleEdit(before, l.expr, settings.definitions)) ??
      differentiationMistake(l.expr, settings) ??
      (before === undefined ? undefined : slip(before, 'line {n} is not equal to line {m}, which was right', { n: String(i + 1), m: String(i) }));
    return { text: l.text, expr: l.expr, equal: false, ...(mistake === undefined ? {} : { mistake }) };
  });
}
