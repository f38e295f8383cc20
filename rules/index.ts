// The rules layer (rules/), above the engine: rules/differentiation/ holds one law of calculus per
// file, rules/algebra/ one algebraic move per file, each file named by its rule's frozen id. A rule
// module imports only src/expr/ and src/engine/ (the Rule type and the algebra views), never
// another rule; this registry is the one place they are listed and ordered.
//
// The ordered rule list: the first rule whose kind and guard match a derivative's body fires.
// Order matters where guards overlap: constant before everything (a constant body needs no other
// rule), the rewrites chosen by `method` before quotient, chain before the direct rules (which only
// fire on the bare variable), and the definition rule after chain (σ(2x) takes the chain rule).

import type { BuiltinFunction, EquationRule, Mistake, RewriteRule, Rule } from '../src/engine/rule.js';
import type { Strategy } from '../src/engine/simplify.js';
import { TEXTBOOK_COST } from '../src/engine/algebra.js';
import abs from './differentiation/abs.js';
import chain from './differentiation/chain.js';
import clearNegativeExponential from './algebra/clear-negative-exponential.js';
import collect from './algebra/collect.js';
import changeOfBase from './differentiation/change-of-base.js';
import constant from './differentiation/constant.js';
import constantMultiple from './differentiation/constant-multiple.js';
import definition from './differentiation/definition.js';
import definedFunction from './differentiation/defined-function.js';
import difference from './differentiation/difference.js';
import exponential from './differentiation/exponential.js';
import generalPower from './differentiation/general-power.js';
import hyperbolic from './differentiation/hyperbolic.js';
import inverseHyperbolic from './differentiation/inverse-hyperbolic.js';
import inverseTrigonometric from './differentiation/inverse-trigonometric.js';
import logarithm from './differentiation/logarithm.js';
import negation from './differentiation/negation.js';
import negativePower from './differentiation/negative-power.js';
import power from './differentiation/power.js';
import product from './differentiation/product.js';
import quotient from './differentiation/quotient.js';
import reciprocal from './differentiation/reciprocal.js';
import root from './differentiation/root.js';
import rootAsPower from './differentiation/root-as-power.js';
import sum from './differentiation/sum.js';
import trigonometric from './differentiation/trigonometric.js';
import undefinedFunction from './differentiation/undefined-function.js';
import variable from './differentiation/variable.js';
import errorFunction from './differentiation/error-function.js';
import sign from './differentiation/sign.js';
import piecewise from './differentiation/piecewise.js';
import kronecker from './differentiation/kronecker.js';
import sumOverIndex from './differentiation/sum-over-index.js';
import softmaxRule from './differentiation/softmax.js';
import maxMin from './differentiation/max-min.js';
import reluFunction from './functions/relu.js';
import heavisideFunction from './functions/heaviside.js';
import dependentVariable from './differentiation/dependent-variable.js';
import differentiateBothSides from './equation/differentiate-both-sides.js';
import expandUnknown from './equation/expand-unknown.js';
import moveTerms from './equation/move-terms.js';
import factorUnknown from './equation/factor-unknown.js';
import divideByCoefficient from './equation/divide-by-coefficient.js';
import sigmoidFunction from './functions/sigmoid.js';
import softplusFunction from './functions/softplus.js';
import siluFunction from './functions/silu.js';
import logsigmoidFunction from './functions/logsigmoid.js';
import geluFunction from './functions/gelu.js';
import erfcFunction from './functions/erfc.js';
import log1pFunction from './functions/log1p.js';
import expm1Function from './functions/expm1.js';

/** Every differentiation rule, in the order they are tried. */
export const DIFFERENTIATION_RULES: readonly Rule[] = Object.freeze([
  constant,
  variable,
  kronecker,
  dependentVariable,
  sumOverIndex,
  softmaxRule,
  sum,
  difference,
  negation,
  constantMultiple,
  negativePower,
  reciprocal,
  quotient,
  product,
  changeOfBase,
  rootAsPower,
  generalPower,
  definedFunction,
  // Before chain: max(x^2, 1) reads as its cases, not as max(u, 1) of u = x^2.
  maxMin,
  chain,
  power,
  exponential,
  logarithm,
  root,
  abs,
  sign,
  piecewise,
  errorFunction,
  trigonometric,
  hyperbolic,
  inverseTrigonometric,
  inverseHyperbolic,
  definition,
  undefinedFunction,
] as Rule[]);

/**
 * The moves of implicit differentiation, in order: differentiate both sides (the differentiation
 * rules and the simplifier run between it and the rest), multiply out what holds dy/dx, gather its
 * terms on the left, factor it out, divide by its coefficient.
 */
export const EQUATION_RULES: readonly EquationRule[] = Object.freeze([differentiateBothSides, expandUnknown, moveTerms, factorUnknown, divideByCoefficient]);

/**
 * The functions stepdiff knows by their definitions, in the order they are read: one may use those
 * before it (silu's body calls σ). A user's definition of the same name takes their place.
 */
export const BUILTIN_FUNCTIONS: readonly BuiltinFunction[] = Object.freeze([sigmoidFunction, softplusFunction, siluFunction, logsigmoidFunction, geluFunction, erfcFunction, log1pFunction, expm1Function, reluFunction, heavisideFunction]);

/** The tidy-up applied to each sub-derivation's result. */
export const COLLECT: RewriteRule = collect;

import addSubtract from './algebra/add-subtract.js';
import cancel from './algebra/cancel.js';
import collectPowers from './algebra/collect-powers.js';
import combineLikeTerms from './algebra/combine-like-terms.js';
import commonDenominator from './algebra/common-denominator.js';
import distributePower from './algebra/distribute-power.js';
import dividePolynomials from './algebra/divide-polynomials.js';
import divideThrough from './algebra/divide-through.js';
import doubleAngle from './algebra/double-angle.js';
import dropOne from './algebra/drop-one.js';
import dropZero from './algebra/drop-zero.js';
import evenPowerOfAbs from './algebra/even-power-of-abs.js';
import expand from './algebra/expand.js';
import factor from './algebra/factor.js';
import groupTerms from './algebra/group-terms.js';
import hyperbolicDefinition from './algebra/hyperbolic-definition.js';
import knownValues from './algebra/known-values.js';
import logOfExponential from './algebra/log-of-exponential.js';
import foldConstants from './algebra/fold-constants.js';
import multiplyFractions from './algebra/multiply-fractions.js';
import multiplyOut from './algebra/multiply-out.js';
import negativeExponent from './algebra/negative-exponent.js';
import orderFactors from './algebra/order-factors.js';
import orderTerms from './algebra/order-terms.js';
import peelFactor from './algebra/peel-factor.js';
import powerAsRoot from './algebra/power-as-root.js';
import powerOfRoot from './algebra/power-of-root.js';
import pythagorean from './algebra/pythagorean.js';
import trigonometricQuotient from './algebra/trigonometric-quotient.js';
import regroup from './algebra/regroup.js';
import separateFactor from './algebra/separate-factor.js';
import signs from './algebra/signs.js';
import splitFraction from './algebra/split-fraction.js';
import substitute from './algebra/substitute.js';
import solveComparison from './algebra/solve-comparison.js';
import signOfAbs from './algebra/sign-of-abs.js';
import decideCase from './algebra/decide-case.js';
import sumLinearity from './algebra/sum-linearity.js';
import sumFactor from './algebra/sum-factor.js';
import kroneckerSum from './algebra/kronecker-sum.js';
import softmaxFold from './algebra/softmax-fold.js';
import assumption from './algebra/assumption.js';
import absorbMinus from './algebra/absorb-minus.js';
import missingInnerDerivative from './mistakes/missing-inner-derivative.js';
import productOfDerivatives from './mistakes/product-of-derivatives.js';
import quotientSign from './mistakes/quotient-sign.js';
import quotientDenominatorNotSquared from './mistakes/quotient-denominator-not-squared.js';
import powerNotReduced from './mistakes/power-not-reduced.js';
import powerRuleOnExponential from './mistakes/power-rule-on-exponential.js';
import exponentialAsPower from './mistakes/exponential-as-power.js';
import trigSign from './mistakes/trig-sign.js';
import constantTermKept from './mistakes/constant-term-kept.js';
import constantFactorLost from './mistakes/constant-factor-lost.js';

/**
 * The classic mistakes, each a wrong version of one rule, in the order a diagnosis tries them: the
 * likelier first where two could explain the same line.
 */
export const MISTAKES: readonly Mistake[] = Object.freeze([
  missingInnerDerivative, productOfDerivatives, quotientSign, quotientDenominatorNotSquared, powerNotReduced,
  powerRuleOnExponential, exponentialAsPower, trigSign, constantTermKept, constantFactorLost,
]);

/**
 * The normalising rules, in the order they are tried after every step: zeros and ones first (the
 * textbook's "drop the term multiplied by 0"), then signs, numbers and known values (e^0 = 1, ln e^u = u), then
 * fractions and powers (a power of a product or quotient distributed, powers collected, a power of
 * a root or an even power of |u| undone, so that cancel finds what they share), trigonometric
 * quotients, then like terms and the identities between them (Pythagorean, cosh and sinh), and
 * last the definitions folded back wherever their bodies appear.
 */
export const NORMALISE: readonly RewriteRule[] = Object.freeze([
  dropZero,
  dropOne,
  signs,
  foldConstants,
  knownValues,
  logOfExponential,
  regroup,
  multiplyFractions,
  distributePower,
  negativeExponent,
  collectPowers,
  powerOfRoot,
  powerAsRoot,
  evenPowerOfAbs,
  signOfAbs,
  cancel,
  trigonometricQuotient,
  combineLikeTerms,
  pythagorean,
  hyperbolicDefinition,
  substitute,
  solveComparison,
  decideCase,
  sumLinearity,
  kroneckerSum,
  sumFactor,
  softmaxFold,
  assumption,
]);

/**
 * Moves that first make an expression bigger, each kept only when the form normalising then leaves
 * is smaller and holds no more compound fractions; the order moves are kept when no larger, and the
 * last whenever it clears a compound fraction. Those marked upTo are made for the reader's sake,
 * on expressions of a size a reader takes in.
 */
export const STRATEGIES: readonly Strategy[] = Object.freeze([
  { id: 'clear-negative-exponential', upTo: TEXTBOOK_COST, accept: 'smaller', on: ['div'], sequence: [{ rule: clearNegativeExponential }] },
  { id: 'divide-polynomials', upTo: TEXTBOOK_COST, accept: 'smaller', on: ['div'], sequence: [{ rule: dividePolynomials }, { rule: cancel }] },
  { id: 'factor-and-cancel', accept: 'smaller', start: 'inside', on: ['div'], sequence: [{ rule: factor }, { rule: cancel }] },
  { id: 'factor-out', accept: 'smaller', sequence: [{ rule: factor }] },
  { id: 'combine-and-cancel', accept: 'smaller', start: 'inside', on: ['div', 'mul'], sequence: [{ rule: commonDenominator }, { rule: multiplyFractions }, { rule: cancel }] },
  { id: 'group-terms', accept: 'smaller', sequence: [{ rule: groupTerms }] },
  { id: 'peel-and-cancel', accept: 'smaller', sequence: [{ rule: peelFactor }, { rule: splitFraction }, { rule: cancel }] },
  { id: 'combine-fractions', accept: 'smaller', sequence: [{ rule: commonDenominator }, { rule: expand, optional: true }, { rule: combineLikeTerms, optional: true }] },
  { id: 'expand-and-combine', accept: 'smaller', sequence: [{ rule: expand }, { rule: combineLikeTerms, optional: true }] },
  { id: 'multiply-out', upTo: TEXTBOOK_COST, accept: 'smaller', on: ['mul', 'pow'], sequence: [{ rule: multiplyOut }, { rule: combineLikeTerms, optional: true }] },
  // After the others: 2 sin u cos u = sin 2u is shorter, but a product the others can factor is shorter still.
  { id: 'double-angle', upTo: TEXTBOOK_COST, accept: 'smaller', on: ['mul', 'add', 'sub'], sequence: [{ rule: doubleAngle }] },
  // The order of a whole sum's terms (never of a run of them): descending powers, a positive term first.
  { id: 'order-terms', upTo: TEXTBOOK_COST, accept: 'neutral', on: ['add', 'sub'], sequence: [{ rule: orderTerms }] },
  // And of a product's factors, once the moves above have settled them (as a normaliser it would
  // reorder every product each move builds, one step at a time).
  { id: 'order-factors', upTo: TEXTBOOK_COST, accept: 'neutral', start: 'inside', on: ['mul', 'div', 'neg', 'add', 'sub'], sequence: [{ rule: orderFactors }] },
  // A minus sign alone before a product goes into its one difference, once the rest has settled.
  { id: 'absorb-minus', upTo: TEXTBOOK_COST, accept: 'smaller', on: ['neg'], sequence: [{ rule: absorbMinus }] },
  // Last, and whatever it does to the size: a textbook's final form has no fraction within a fraction.
  { id: 'clear-fractions', upTo: TEXTBOOK_COST, accept: 'clearer', start: 'inside', on: ['div'], sequence: [{ rule: commonDenominator }, { rule: multiplyFractions }] },
] satisfies Strategy[]);

/** Routes to a result written in the user's defined functions; each is kept only when it ends in a substitution. */
export const GOALS: readonly Strategy[] = Object.freeze([
  {
    id: 'add-and-subtract',
    accept: 'substituted',
    sequence: [{ rule: separateFactor, optional: true }, { rule: addSubtract }, { rule: splitFraction }, { rule: cancel }, { rule: factor }, { rule: substitute }],
  },
  {
    id: 'split-then-fold',
    accept: 'substituted',
    sequence: [{ rule: splitFraction }, { rule: cancel, optional: true }, { rule: substitute }],
  },
  {
    id: 'divide-through',
    accept: 'substituted',
    sequence: [{ rule: divideThrough }, { rule: splitFraction }, { rule: cancel }, { rule: negativeExponent }, { rule: substitute }],
  },
] satisfies Strategy[]);

/** Every algebraic rule, for listing and tests. */
export const ALGEBRA_RULES: readonly RewriteRule[] = Object.freeze([
  ...NORMALISE, absorbMinus, clearNegativeExponential, doubleAngle, dividePolynomials, orderTerms, orderFactors, expand, multiplyOut, commonDenominator, splitFraction, factor, groupTerms, peelFactor, addSubtract, divideThrough, separateFactor, collect,
]);
