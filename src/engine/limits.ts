// The bounds on one derivation's work, checked as it goes: how many steps, how large an expression,
// and (optionally) how long. Shared by the rewriter and the simplifier.

import { nodeCount } from './algebra.js';
import { StepdiffError } from '../expr/errors.js';
import type { Expr } from '../expr/expr.js';

/** What one derivation may spend. */
export interface Budget {
  readonly maxSteps: number;
  /** Largest expression (in nodes) any step may produce. */
  readonly maxNodes: number;
  /** Most nodes all the steps' expressions may hold together: what printing the derivation costs. */
  readonly maxOutput: number;
  /** Wall-clock deadline (performance.now()), or Infinity. */
  readonly deadline: number;
  /** What this derivation has produced so far (one counter per derive call). */
  readonly spent: { output: number };
}

/**
 * Throws the typed error for whichever bound `e` (the expression just produced) breaks. A step that
 * will not be kept (a strategy's trial) is not `printed` and does not count toward the output.
 */
export function checkBudget(budget: Budget, e: Expr, stepsSoFar: number, printed = true): void {
  if (stepsSoFar > budget.maxSteps) {
    throw new StepdiffError('too-many-steps', `The derivation needs more than ${budget.maxSteps} steps.`);
  }
  const size = nodeCount(e);
  if (size > budget.maxNodes) {
    throw new StepdiffError('too-large', `The derivation grows beyond ${budget.maxNodes} nodes.`);
  }
  if (printed) budget.spent.output += size;
  if (budget.spent.output > budget.maxOutput) {
    throw new StepdiffError('too-large', `The derivation's steps hold more than ${budget.maxOutput} nodes in all.`);
  }
  // Most derivations have no deadline, and do not read the clock at every step and trial.
  if (budget.deadline !== Infinity && performance.now() > budget.deadline) {
    throw new StepdiffError('timeout', 'The derivation ran past its time budget.');
  }
}
