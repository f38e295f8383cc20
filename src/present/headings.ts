// The headings of a derivation laid out for readers (the blocks of a page, a Markdown document or
// a LaTeX fragment), in each supported language; the words of the steps themselves are the engine's.

import type { Locale } from '../engine/locale.js';

/** The headings of a laid-out derivation. */
export interface Headings {
  /** The main chain of steps. */
  readonly steps: string;
  /** A sub-derivation, {title} what it derives and {n} the number of the step that needs it. */
  readonly subDerivation: string;
  /** The list of the laws used. */
  readonly laws: string;
  /** A step's formula, for screen readers: {n} its number. */
  readonly step: string;
  /** The formula a chain starts from, for screen readers. */
  readonly start: string;
}

const EN: Headings = { steps: 'Steps', subDerivation: '{title} (sub-derivation of step {n})', laws: 'Rules used', step: 'Step {n}', start: 'Start' };

const ZH: Headings = { steps: '步骤', subDerivation: '{title}（第 {n} 步的子推导）', laws: '用到的法则', step: '第 {n} 步', start: '起点' };

/** The headings in `locale`. */
export function headings(locale: Locale): Headings {
  return locale === 'zh' ? ZH : EN;
}
