// The ordered rule list: the first rule whose kind and guard match a derivative's body fires.
// Order matters where guards overlap: constant before everything (a constant body needs no other
// rule), the rewrites chosen by `method` before quotient, chain before the direct rules (which only
// fire on the bare variable), and the definition rule after chain (σ(2x) takes the chain rule).

import type { RewriteRule, Rule } from '../src/rule.js';
import abs from './abs.js';
import chain from './chain.js';
import collect from './collect.js';
import changeOfBase from './change-of-base.js';
import constant from './constant.js';
import constantMultiple from './constant-multiple.js';
import definition from './definition.js';
import difference from './difference.js';
import exponential from './exponential.js';
import generalPower from './general-power.js';
import hyperbolic from './hyperbolic.js';
import inverseHyperbolic from './inverse-hyperbolic.js';
import inverseTrigonometric from './inverse-trigonometric.js';
import logarithm from './logarithm.js';
import negation from './negation.js';
import negativePower from './negative-power.js';
import power from './power.js';
import product from './product.js';
import quotient from './quotient.js';
import reciprocal from './reciprocal.js';
import root from './root.js';
import rootAsPower from './root-as-power.js';
import sum from './sum.js';
import trigonometric from './trigonometric.js';
import undefinedFunction from './undefined-function.js';
import variable from './variable.js';

/** Every differentiation rule, in the order they are tried. */
export const DIFFERENTIATION_RULES: readonly Rule[] = Object.freeze([
  constant,
  variable,
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
  chain,
  power,
  exponential,
  logarithm,
  root,
  abs,
  trigonometric,
  hyperbolic,
  inverseTrigonometric,
  inverseHyperbolic,
  definition,
  undefinedFunction,
] as Rule[]);

/** The tidy-up applied to each sub-derivation's result. */
export const COLLECT: RewriteRule = collect;
