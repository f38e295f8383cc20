// The result of checking a learner's work: each line, whether it equals the derivative, the first
// that does not and its mistake, and the correct derivation beside them; with its text and JSON forms.

import type { Expr } from '../expr/expr.js';
import { toText } from '../expr/text.js';
import { withinStack } from '../expr/errors.js';
import type { Derivation, DerivationJSON } from './derivation.js';
import { messageIn, type Message } from './derivation.js';
import type { LineCheck } from './check-work.js';
import type { Locale } from './locale.js';

/** A checked line as plain JSON. */
export interface CheckedLineJSON {
  readonly text: string;
  readonly equal: boolean;
  readonly mistake?: { readonly id: string; readonly explanation: string; readonly expected: string };
}

/** A check as plain JSON (the CLI's --format json). */
export interface WorkCheckJSON {
  readonly correct: boolean;
  readonly firstWrong: number | null;
  readonly lines: readonly CheckedLineJSON[];
  readonly derivation: DerivationJSON;
}

/** One line of the learner's, as checked: its text, whether it equals f′, and for the first wrong one its mistake. */
export interface CheckedLine {
  readonly text: string;
  readonly expr: Expr;
  readonly equal: boolean;
  readonly mistake?: { readonly id: string; readonly title: string; readonly explanation: string; readonly expected: Expr };
}

const LABELS: Record<Locale, { readonly right: string; readonly wrong: string; readonly mistake: string; readonly expected: string; readonly correct: string; readonly derivation: string }> = {
  en: { right: 'equals the derivative', wrong: 'does not equal the derivative', mistake: 'Mistake', expected: 'Expected', correct: 'Every line is right.', derivation: 'The derivation' },
  zh: { right: '等于导数', wrong: '不等于导数', mistake: '错误', expected: '应为', correct: '每一行都正确。', derivation: '推导' },
};

/** "Line 2", "第 2 行": line `i` (from 0) as the printed forms name it. */
export const lineLabel = (i: number, locale: Locale): string => (locale === 'zh' ? `第 ${i + 1} 行` : `Line ${i + 1}`);

/** A learner's lines checked against the derivation of f. */
export class WorkCheck {
  readonly correct: boolean;
  /** The index of the first line that is not the derivative, or null when every line is. */
  readonly firstWrong: number | null;
  readonly lines: readonly CheckedLine[];
  // Private: the explanations in every language; `lines` holds the English ones.
  readonly #explanations: ReadonlyArray<Message | undefined>;

  constructor(checked: readonly LineCheck[], readonly derivation: Derivation) {
    this.lines = Object.freeze(checked.map((l) => ({
      text: l.text,
      expr: l.expr,
      equal: l.equal,
      ...(l.mistake === undefined ? {} : { mistake: { id: l.mistake.id, title: l.mistake.title, explanation: messageIn(l.mistake.explanation, 'en'), expected: l.mistake.expected } }),
    })));
    const first = checked.findIndex((l) => !l.equal);
    this.firstWrong = first < 0 ? null : first;
    this.correct = first < 0;
    this.#explanations = checked.map((l) => l.mistake?.explanation);
    Object.freeze(this);
  }

  /** The explanation of line `i`'s mistake in `locale`, if it has one. */
  explanationIn(i: number, locale: Locale = 'en'): string | undefined {
    const m = this.#explanations[i];
    return m === undefined ? undefined : messageIn(m, locale);
  }

  /** Each line marked right or wrong, the mistake under the first wrong one, then the correct derivation. */
  toText(locale: Locale = 'en'): string {
    return withinStack(() => {
      const words = LABELS[locale];
      const out: string[] = [];
      this.lines.forEach((l, i) => {
        out.push(`${l.equal ? '✓' : '✗'} ${lineLabel(i, locale)}: ${l.text}  (${l.equal ? words.right : words.wrong})`);
        if (l.mistake !== undefined) {
          out.push(`  ${words.mistake}: [${l.mistake.id}] ${this.explanationIn(i, locale)}`);
          out.push(`  ${words.expected}: ${toText(l.mistake.expected)}`);
        }
      });
      if (this.correct) out.push(words.correct);
      out.push('', `${words.derivation}:`, this.derivation.toText(locale));
      return out.join('\n');
    });
  }

  /** The check as plain JSON. */
  toJSON(locale: Locale = 'en'): WorkCheckJSON {
    return withinStack(() => ({
      correct: this.correct,
      firstWrong: this.firstWrong,
      lines: this.lines.map((l, i) => ({
        text: l.text,
        equal: l.equal,
        ...(l.mistake === undefined ? {} : { mistake: { id: l.mistake.id, explanation: this.explanationIn(i, locale)!, expected: toText(l.mistake.expected) } }),
      })),
      derivation: this.derivation.toJSON(locale),
    }));
  }
}

/** The heading words of a check in `locale`, for the Markdown and HTML printers. */
export const checkLabels = (locale: Locale): (typeof LABELS)['en'] => LABELS[locale];
