// Every failure a caller can meet is a StepdiffError with a stable `code`; messages are plain text safe to display.

/** Stable error codes; never renamed once released. */
export type ErrorCode =
  | 'empty-input'
  | 'syntax-error'
  | 'too-long'
  | 'too-deep'
  | 'unsupported-syntax'
  | 'unknown-function'
  | 'wrong-arity'
  | 'function-as-symbol'
  | 'implicit-call'
  | 'non-finite-number'
  | 'number-out-of-range'
  | 'invalid-definition'
  | 'recursive-definition'
  | 'ambiguous-variable'
  | 'invalid-variable'
  | 'constant-variable'
  | 'invalid-option'
  | 'too-many-steps'
  | 'too-large'
  | 'timeout'
  | 'render-error'
  | 'invalid-expression'
  | 'division-by-zero'
  | 'undefined-value'
  | 'invalid-equation'
  | 'no-rule';

/** Longest message text kept whole; a longer one (it quotes the input) keeps its start and end. */
const MAX_MESSAGE = 240;

// C0 and C1 controls, DEL, and the bidirectional marks, embeddings, overrides and isolates: quoted
// raw, an ESC sequence from the input would drive the terminal that shows the error, and a bidi
// override would show it reversed.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `text` safe to show on one line of a terminal or a page: every control and bidi character as a
 * visible \u{…} escape, and the middle of an over-long text cut (an error about 5,000 characters of
 * input need not quote them).
 */
export function displayable(text: string): string {
  const visible = text.replace(UNSAFE, (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}}`);
  if (visible.length <= MAX_MESSAGE) return visible;
  return `${prefixWithin(visible, MAX_MESSAGE - 63)} … ${[...prefixWithin([...visible].reverse().join(''), 60)].reverse().join('')}`;
}

/** The longest start of `text` within `length` UTF-16 units that does not split a character. */
function prefixWithin(text: string, length: number): string {
  let end = 0;
  for (const c of text) {
    if (end + c.length > length) break;
    end += c.length;
  }
  return text.slice(0, end);
}

/** The one error type stepdiff throws; `position` is a 0-based index into the input when known. */
export class StepdiffError extends Error {
  readonly code: ErrorCode;
  readonly position: number | undefined;

  constructor(code: ErrorCode, message: string, position?: number) {
    const text = displayable(message);
    super(position === undefined ? text : `${text} (at column ${position + 1})`);
    this.name = 'StepdiffError';
    this.code = code;
    this.position = position;
  }
}

/**
 * Runs `work`, turning the engine's limits of JavaScript itself into typed errors: a stack overflow
 * (input nested deeper than the stack allows, which only raised limits let through) is too-deep, a
 * string or array past V8's maximum length is too-large. Every public entry point runs inside it,
 * so no RangeError reaches a caller.
 */
export function withinStack<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    if (/call stack/i.test(error.message)) {
      throw new StepdiffError('too-deep', 'The expression nests too deeply for the JavaScript stack; keep limits.maxDepth near its default (500).');
    }
    throw new StepdiffError('too-large', `The work outgrew what JavaScript can hold (${error.message}).`);
  }
}
